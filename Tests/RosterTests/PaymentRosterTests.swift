import Contracts
import Foundation
import Testing
import TestKit
@testable import Roster

@Suite("PaymentRoster (发放清册)", .tags(.unit))
struct PaymentRosterTests {
    typealias F = RosterFixture

    static let allowance = "minimum-living-allowance"

    func entitlement(_ n: Int, program: String = Self.allowance, amount: String = "831", first: String = "2024-01",
                     last: String? = nil, suspendedFrom: String? = nil, paid: [String] = [],
                     region: String = "620423100001") throws -> RosterEntitlement {
        let terms = try PaymentTerms(firstMonth: F.month(first), lastMonth: last.map(F.month), monthlyAmount: F.yuan(amount),
                                     suspendedFrom: suspendedFrom.map(F.month))
        return try RosterEntitlement(beneficiaryID: F.id(n), program: program, region: F.region(region), terms: terms,
                                     paid: Dictionary(uniqueKeysWithValues: paid.map { try (F.month($0), F.yuan(amount)) }))
    }

    // MARK: - Paying

    @Test("every beneficiary due a payment is paid once, in the order given; the total is exact")
    func basic() throws {
        let r = try PaymentRoster.compute([try entitlement(2, amount: "476.01"), try entitlement(1)], month: F.month("2024-03"))
        #expect(r.payments.map(\.beneficiaryID) == [F.id(2), F.id(1)])
        #expect(try r.payments.map(\.amount) == [F.yuan("476.01"), F.yuan("831")])
        #expect(try r.payments.allSatisfy { try $0.month == F.month("2024-03") && $0.program == Self.allowance })
        #expect(try r.payments.map(\.region) == [F.region("620423100001"), F.region("620423100001")])
        #expect(try r.total == F.yuan("1307.01"))
        #expect(r.skipped == [])
        #expect(try r.programs == [PaymentRoster.ProgramTotal(program: Self.allowance, payments: 2, total: F.yuan("1307.01"))])
    }

    @Test("an empty roster pays nothing and totals zero")
    func empty() throws {
        let r = try PaymentRoster.compute([], month: F.month("2024-03"))
        #expect(r.payments == [])
        #expect(r.skipped == [])
        #expect(r.programs == [])
        #expect(r.total == .zero)
        #expect(try r.month == F.month("2024-03"))
    }

    @Test("totals per program, by program name; programs with no payment are left out")
    func programTotals() throws {
        let r = try PaymentRoster.compute([
            try entitlement(1, program: "minimum-living-allowance", amount: "500"),
            try entitlement(2, program: "extreme-poverty", amount: "751"),
            try entitlement(3, program: "minimum-living-allowance", amount: "300.50"),
            try entitlement(4, program: "advanced-age-allowance", amount: "100", suspendedFrom: "2024-02"),
        ], month: F.month("2024-03"))
        #expect(try r.programs == [
            PaymentRoster.ProgramTotal(program: "extreme-poverty", payments: 1, total: F.yuan("751")),
            PaymentRoster.ProgramTotal(program: "minimum-living-allowance", payments: 2, total: F.yuan("800.50")),
        ])
        #expect(try r.total == F.yuan("1551.50"))
        #expect(r.skipped == [PaymentRoster.Skip(beneficiaryID: F.id(4), program: "advanced-age-allowance", reason: .notDue(.suspended))])
    }

    @Test("the amount paid is the one scheduled for the roster's month, not the latest")
    func amountOfTheMonth() throws {
        let terms = try PaymentTerms(firstMonth: F.month("2024-01"), monthlyAmount: F.yuan("1000"))
            .changingAmount(to: F.yuan("700"), from: F.month("2024-04"))
        let e = try RosterEntitlement(beneficiaryID: F.id(1), program: Self.allowance, region: F.region("620423"), terms: terms)
        #expect(try PaymentRoster.compute([e], month: F.month("2024-03")).total == F.yuan("1000"))
        #expect(try PaymentRoster.compute([e], month: F.month("2024-04")).total == F.yuan("700"))
        #expect(try PaymentRoster.decide(e, month: F.month("2024-02")) == .pay(F.yuan("1000")))
    }

    // MARK: - Never twice

    @Test("a month already paid is never paid again: a re-run pays nobody")
    func idempotent() throws {
        let month = try F.month("2024-03")
        let first = try PaymentRoster.compute([try entitlement(1)], month: month)
        #expect(first.payments.count == 1)
        // Recording the run marks the month paid; the re-run pays nothing.
        let again = try PaymentRoster.compute([try entitlement(1, paid: ["2024-03"])], month: month)
        #expect(again.payments == [])
        #expect(again.skipped == [PaymentRoster.Skip(beneficiaryID: F.id(1), program: Self.allowance, reason: .alreadyPaid)])
        #expect(again.total == .zero)
        #expect(again.programs == [])
    }

    @Test("a month settled by a back-payment counts as paid, whatever its amount")
    func backPaid() throws {
        let terms = try PaymentTerms(firstMonth: F.month("2024-01"), monthlyAmount: F.yuan("831"))
        let e = try RosterEntitlement(beneficiaryID: F.id(1), program: Self.allowance, region: F.region("620423"), terms: terms,
                                      paid: [F.month("2024-05"): F.yuan("255.25")])
        #expect(try PaymentRoster.decide(e, month: F.month("2024-05")) == .skip(.alreadyPaid))
        #expect(try PaymentRoster.decide(e, month: F.month("2024-06")) == .pay(F.yuan("831")))
    }

    @Test("other months paid do not stop this month's payment")
    func otherMonthsPaid() throws {
        let e = try entitlement(1, paid: ["2024-01", "2024-02", "2024-04"])
        #expect(try PaymentRoster.decide(e, month: F.month("2024-03")) == .pay(F.yuan("831")))
    }

    @Test("a month that owes nothing is reported as such even when it was paid (the overpayment is reconciliation's)")
    func notDueBeforeAlreadyPaid() throws {
        let e = try entitlement(1, suspendedFrom: "2024-03", paid: ["2024-03"])
        #expect(try PaymentRoster.decide(e, month: F.month("2024-03")) == .skip(.notDue(.suspended)))
    }

    // MARK: - Period and suspension

    @Test("the first and last months are paid; the months outside are not",
          arguments: [("2023-12", NotDue?.some(.notStarted)), ("2024-01", nil), ("2024-06", nil), ("2024-07", .ended)])
    func period(_ month: String, _ reason: NotDue?) throws {
        let r = try PaymentRoster.compute([try entitlement(1, first: "2024-01", last: "2024-06")], month: F.month(month))
        #expect(r.payments.count == (reason == nil ? 1 : 0))
        #expect(r.skipped.map(\.reason) == (reason.map { [.notDue($0)] } ?? []))
    }

    @Test("a death suspends from the month after it: the death month is paid, the next is not",
          arguments: [("2024-03-31", "2024-03", true), ("2024-03-31", "2024-04", false), ("2024-03-01", "2024-03", true),
                      ("2024-12-31", "2025-01", false), ("2024-12-31", "2024-12", true)])
    func death(_ died: String, _ month: String, _ paid: Bool) throws {
        let e = try entitlement(1, suspendedFrom: F.date(died).yearMonth.next.iso)
        #expect(try PaymentRoster.decide(e, month: F.month(month)) == (paid ? .pay(F.yuan("831")) : .skip(.notDue(.suspended))))
    }

    @Test("a suspension stops payments from its month, and lifting it pays again")
    func suspension() throws {
        let e = try entitlement(1, suspendedFrom: "2024-05")
        #expect(try PaymentRoster.decide(e, month: F.month("2024-04")) == .pay(F.yuan("831")))
        #expect(try PaymentRoster.decide(e, month: F.month("2024-05")) == .skip(.notDue(.suspended)))
        let lifted = try RosterEntitlement(beneficiaryID: e.beneficiaryID, program: e.program, region: e.region,
                                           terms: e.terms.suspended(from: nil))
        #expect(try PaymentRoster.decide(lifted, month: F.month("2024-05")) == .pay(F.yuan("831")))
    }

    @Test("the roster decides for each beneficiary exactly what decide(_:month:) says")
    func computeAgreesWithDecide() throws {
        let entitlements = [try entitlement(1), try entitlement(2, first: "2024-04"), try entitlement(3, last: "2024-02"),
                            try entitlement(4, suspendedFrom: "2024-03"), try entitlement(5, paid: ["2024-03"])]
        let month = try F.month("2024-03")
        let r = try PaymentRoster.compute(entitlements, month: month)
        for e in entitlements {
            switch PaymentRoster.decide(e, month: month) {
            case .pay(let amount):
                #expect(r.payments.filter { $0.beneficiaryID == e.beneficiaryID }.map(\.amount) == [amount])
            case .skip(let reason):
                #expect(r.skipped.filter { $0.beneficiaryID == e.beneficiaryID }.map(\.reason) == [reason])
            }
        }
        #expect(r.payments.count + r.skipped.count == entitlements.count)
    }

    // MARK: - Regions

    @Test("a roster of a county, city or province pays the counties under its code; a township's is its county's",
          arguments: [("620423", "620423"), ("620400", "6204"), ("620000", "62"), ("620423100", "620423"), ("620423100001", "620423")])
    func regionPrefix(_ region: String, _ prefix: String) throws {
        #expect(try PaymentRoster.regionPrefix(of: F.region(region)) == prefix)
    }

    @Test("beneficiaries outside the roster's region are skipped as such", arguments: [
        ("620423", [1, 2], [3, 4]), ("620400", [1, 2, 3], [4]), ("620000", [1, 2, 3], [4]), ("620423100", [1, 2], [3, 4]),
    ])
    func regionFilter(_ roster: String, _ paid: [Int], _ outside: [Int]) throws {
        let entitlements = [try entitlement(1, region: "620423100001"), try entitlement(2, region: "620423"),
                            try entitlement(3, region: "620421"), try entitlement(4, region: "510104")]
        let r = try PaymentRoster.compute(entitlements, month: F.month("2024-03"), region: F.region(roster))
        #expect(r.payments.map(\.beneficiaryID) == paid.map(F.id))
        #expect(r.skipped == outside.map { PaymentRoster.Skip(beneficiaryID: F.id($0), program: Self.allowance, reason: .outsideRegion) })
    }

    // MARK: - Refusals

    @Test("a beneficiary twice on one program is refused; on two programs it is paid twice")
    func duplicates() throws {
        let e = try entitlement(1)
        #expect(try F.refusal { try PaymentRoster.compute([e, e], month: F.month("2024-03")) }?.code
                == "roster.duplicate-entitlement")
        let both = try PaymentRoster.compute([e, try entitlement(1, program: "extreme-poverty")], month: F.month("2024-03"))
        #expect(both.payments.map(\.program) == [Self.allowance, "extreme-poverty"])
    }

    @Test("an amount of zero or less anywhere in the schedule is refused", arguments: ["0", "-1"])
    func amountNotPositive(_ amount: String) throws {
        #expect(try F.refusal { try entitlement(1, amount: amount) }?.code == "roster.amount-not-positive")
        let laterZero = try PaymentTerms(firstMonth: F.month("2024-01"), monthlyAmount: F.yuan("831"))
            .changingAmount(to: F.yuan(amount), from: F.month("2024-06"))
        #expect(try F.refusal {
            try RosterEntitlement(beneficiaryID: F.id(1), program: Self.allowance, region: F.region("620423"), terms: laterZero)
        }?.code == "roster.amount-not-positive")
    }

    @Test("a total that overflows is refused as money.overflow")
    func overflow() throws {
        let huge = Money(fen: Int64.max / 2 + 1)
        let entitlements = try (1...2).map { n in
            try RosterEntitlement(beneficiaryID: F.id(n), program: Self.allowance, region: F.region("620423"),
                                  terms: PaymentTerms(firstMonth: F.month("2024-01"), monthlyAmount: huge))
        }
        #expect(try F.refusal { try PaymentRoster.compute(entitlements, month: F.month("2024-03")) }?.code
                == "money.overflow")
    }
}
