import Contracts
import Testing
@testable import RegistryDomain
import TestKit

@Suite("Free basic funeral services (惠民殡葬)", .tags(.unit))
struct FreeBasicFuneralTests {
    typealias F = RegistryDomainFixture
    typealias Period = RecipientPeriod

    static let amounts: [BasicFuneralService: Money] = [
        .transport: Money(yuan: 300), .storage: Money(yuan: 200), .cremation: Money(yuan: 500), .ashStorage: Money(fen: 10_050),
    ]
    static var recipientsOnly: FuneralPolicy { get throws { try FuneralPolicy(extendToAllResidents: false, amounts: amounts) } }
    static var everyone: FuneralPolicy { get throws { try FuneralPolicy(extendToAllResidents: true, amounts: amounts) } }
    /// 低保 from 2025-01-01 to 2026-03-31 inclusive.
    static var dibao: Period { get throws { try Period(program: .minimumLivingAllowance, from: F.day("2025-01-01"), to: F.day("2026-03-31")) } }

    /// The grant on a death on `death` under `policy` (default: recipients only).
    func decide(_ death: String, _ periods: [Period], _ policy: FuneralPolicy? = nil) throws -> FreeBasicFuneral.Grant? {
        try FreeBasicFuneral.decide(dateOfDeath: F.day(death), recipientPeriods: periods, policy: policy ?? Self.recipientsOnly)
    }

    @Test(arguments: [
        ("2026-04-01", false),  // the day after the benefit ended
        ("2026-03-31", true),   // its last day
        ("2025-01-01", true),   // its first day
        ("2024-12-31", false),  // the day before it began
        ("2025-07-15", true),
    ])
    func grantedOnlyIfARecipientOnTheDateOfDeath(death: String, granted: Bool) throws {
        let grant = try decide(death, [Self.dibao])
        #expect((grant != nil) == granted)
        if granted { #expect(grant?.basis == .minimumLivingAllowance) }
    }

    @Test func theGrantListsTheFourServicesWithTheirAmountsAndTotal() throws {
        let grant = try #require(try decide("2026-03-31", [Self.dibao]))
        #expect(grant.items.map(\.service) == [.transport, .storage, .cremation, .ashStorage])
        #expect(grant.items.map(\.amount) == [Money(yuan: 300), Money(yuan: 200), Money(yuan: 500), Money(fen: 10_050)])
        #expect(grant.total == Money(fen: 110_050))
        #expect(grant.total.description == "1100.50")
    }

    @Test func anOpenEndedPeriodCoversEveryLaterDay() throws {
        let open = try Period(program: .extremePoverty, from: F.day("2020-05-01"), to: nil)
        #expect(try decide("2020-04-30", [open]) == nil)
        #expect(try decide("2020-05-01", [open])?.basis == .extremePoverty)
        #expect(try decide("2030-01-01", [open])?.basis == .extremePoverty)
    }

    @Test func overlappingPeriodsGiveOneGrant() throws {
        let renewed = try Period(program: .minimumLivingAllowance, from: F.day("2026-01-01"), to: nil)
        let grant = try #require(try decide("2026-02-10", [Self.dibao, renewed, Self.dibao]))
        #expect(grant.items.count == 4)
        #expect(grant.total == Money(fen: 110_050))
        #expect(grant.basis == .minimumLivingAllowance)
    }

    @Test func extremePovertyIsReportedBeforeMinimumLivingAllowanceBeforeAllResidents() throws {
        let tekun = try Period(program: .extremePoverty, from: F.day("2026-02-01"), to: F.day("2026-02-28"))
        #expect(try decide("2026-02-10", [Self.dibao, tekun], Self.everyone)?.basis == .extremePoverty)
        #expect(try decide("2026-03-10", [Self.dibao, tekun], Self.everyone)?.basis == .minimumLivingAllowance)
        #expect(try decide("2026-04-10", [Self.dibao, tekun], Self.everyone)?.basis == .allResidents)
    }

    @Test func policyForAllResidentsGrantsWithoutAnyPeriod() throws {
        #expect(try decide("2026-04-01", [], Self.everyone)?.basis == .allResidents)
        #expect(try decide("2026-04-01", [Self.dibao], Self.everyone)?.basis == .allResidents)
        #expect(try decide("2026-04-01", [], Self.recipientsOnly) == nil)
    }

    @Test func aPeriodEndingBeforeItStartsCoversNothing() throws {
        let inverted = try Period(program: .minimumLivingAllowance, from: F.day("2026-03-01"), to: F.day("2026-02-01"))
        for day in ["2026-02-01", "2026-02-15", "2026-03-01"] {
            #expect(try decide(day, [inverted]) == nil)
        }
    }

    @Test(arguments: [("2025-01-01", true), ("2026-03-31", true), ("2024-12-31", false), ("2026-04-01", false)])
    func periodBoundsAreInclusive(day: String, covered: Bool) throws {
        #expect(try Self.dibao.covers(F.day(day)) == covered)
    }

    @Test func aPolicyMustPriceAllFourServices() throws {
        for missing in BasicFuneralService.allCases {
            var amounts = Self.amounts
            amounts[missing] = nil
            let refusal = try F.refusal {
                _ = try FuneralPolicy(extendToAllResidents: false, amounts: amounts)
            }
            #expect(refusal?.code == "funeral.policy-amount-missing")
            #expect(refusal?.kind == .invalidInput)
        }
    }

    @Test func negativeAmountsAreRefusedAndZeroIsAllowed() throws {
        var amounts = Self.amounts
        amounts[.storage] = Money(fen: -1)
        let refusal = try F.refusal { _ = try FuneralPolicy(extendToAllResidents: false, amounts: amounts) }
        #expect(refusal?.code == "funeral.policy-amount-negative")
        amounts[.storage] = .zero
        let policy = try FuneralPolicy(extendToAllResidents: false, amounts: amounts)
        #expect(try FreeBasicFuneral.decide(dateOfDeath: F.day("2025-06-01"), recipientPeriods: [Self.dibao], policy: policy)?.total
                == Money(fen: 90_050))
    }

    @Test func servicesAreOrderedAsInThePlan() {
        #expect(BasicFuneralService.allCases.sorted() == [.transport, .storage, .cremation, .ashStorage])
        #expect(BasicFuneralService.ashStorage > .transport)
    }
}

@Suite("Which Assistance programmes count for the free basic funeral", .tags(.unit))
struct RecipientProgramTests {
    @Test(arguments: [
        (AssistanceProgram.minimumLivingAllowance, RecipientPeriod.Program.minimumLivingAllowance as RecipientPeriod.Program?),
        (.extremePoverty, .extremePoverty),
        (.temporaryAssistance, nil),
    ])
    func temporaryAssistanceDoesNotCount(program: AssistanceProgram, counted: RecipientPeriod.Program?) {
        #expect(RecipientPeriod.Program(program) == counted)
    }
}
