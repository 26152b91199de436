import Contracts
import Foundation
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("PaymentRoster (发放清册)", .tags(.unit))
struct PaymentRosterTests {
    typealias F = AssistanceDomainFixture

    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    func paymentCase(_ n: Int, amount: String = "831", first: String = "2024-01", last: String? = nil,
                     suspension: CaseSuspension? = nil, paid: [String] = [], recovered: [String] = [],
                     region: String = "620423100001") throws(RuleViolation) -> PaymentCase {
        try PaymentCase(caseID: Self.id(n), program: .minimumLivingAllowance, region: F.region(region), monthlyAmount: F.yuan(amount),
                        firstMonth: F.month(first), lastMonth: last.map(F.month), suspension: suspension,
                        paidMonths: Dictionary(uniqueKeysWithValues: paid.map { (F.month($0), F.yuan(amount)) }),
                        recoveredMonths: Set(recovered.map(F.month)))
    }

    @Test("active cases are paid; total is exact")
    func basic() throws {
        let r = try PaymentRoster.compute(cases: [try paymentCase(1), try paymentCase(2, amount: "476.01")], month: F.month("2024-03"))
        #expect(r.rows.map(\.caseID) == [Self.id(1), Self.id(2)])
        #expect(r.rows.allSatisfy { $0.month == F.month("2024-03") })
        #expect(r.total == F.yuan("1307.01"))
        #expect(r.skipped.isEmpty && r.recoveries.isEmpty)
    }

    @Test("a month already paid is never paid again (idempotent re-run)")
    func idempotent() throws {
        let month = F.month("2024-03")
        let first = try PaymentRoster.compute(cases: [try paymentCase(1)], month: month)
        #expect(first.rows.count == 1)
        // Persisting the run marks the month paid; the re-run pays nothing.
        let again = try PaymentRoster.compute(cases: [try paymentCase(1, paid: ["2024-03"])], month: month)
        #expect(again.rows.isEmpty)
        #expect(again.skipped == [PaymentRoster.Skip(caseID: Self.id(1), reason: .alreadyPaid)])
        #expect(again.total == .zero)
    }

    @Test("start and end months are inclusive boundaries",
          arguments: [("2023-12", PaymentRoster.SkipReason?.some(.notStarted)), ("2024-01", nil), ("2024-06", nil), ("2024-07", .ended)])
    func period(_ month: String, _ reason: PaymentRoster.SkipReason?) throws {
        let r = try PaymentRoster.compute(cases: [try paymentCase(1, first: "2024-01", last: "2024-06")], month: F.month(month))
        #expect(r.rows.count == (reason == nil ? 1 : 0))
        #expect(r.skipped.first?.reason == reason)
    }

    @Test("a gradual exit's last paid month bounds the case")
    func gradualExitBounds() throws {
        let exit = try GradualExit(determinedIn: F.month("2024-08"))
        let c = try paymentCase(1, last: exit.lastPaidMonth.iso)
        #expect(try PaymentRoster.compute(cases: [c], month: F.month("2025-02")).rows.count == 1)
        #expect(try PaymentRoster.compute(cases: [c], month: F.month("2025-03")).rows.isEmpty)
    }

    @Test("death: the death month is paid, the month after is not",
          arguments: [("2024-03-31", "2024-03", true), ("2024-03-31", "2024-04", false), ("2024-03-01", "2024-03", true), ("2024-12-31", "2025-01", false), ("2024-12-31", "2024-12", true)])
    func death(_ died: String, _ month: String, _ paid: Bool) throws {
        let r = try PaymentRoster.compute(cases: [try paymentCase(1, suspension: .death(on: F.date(died)))], month: F.month(month))
        #expect(r.rows.count == (paid ? 1 : 0))
        if !paid { #expect(r.skipped.first?.reason == .suspendedByDeath) }
    }

    @Test("administrative suspension stops from its month")
    func administrative() throws {
        let c = try paymentCase(1, suspension: .administrative(from: F.month("2024-05")))
        #expect(try PaymentRoster.compute(cases: [c], month: F.month("2024-04")).rows.count == 1)
        #expect(try PaymentRoster.compute(cases: [c], month: F.month("2024-05")).skipped.first?.reason == .suspended)
        #expect(try PaymentRoster.compute(cases: [c], month: F.month("2024-05")).recoveries.isEmpty)
    }

    @Test("a late death yields a recovery claim for the paid months after the death month")
    func lateDeath() throws {
        let c = try paymentCase(1, suspension: .death(on: F.date("2024-02-15")), paid: ["2024-01", "2024-02", "2024-03", "2024-04"])
        let r = try PaymentRoster.compute(cases: [c], month: F.month("2024-05"))
        #expect(r.rows.isEmpty)
        #expect(r.recoveries == [OverpaymentRecovery(caseID: Self.id(1), deathDate: F.date("2024-02-15"),
                                                     months: [F.month("2024-03"), F.month("2024-04")], amount: Money(yuan: 1662))])
        #expect(PaymentRoster.recovery(for: c)?.amount == Money(yuan: 1662))
    }

    @Test("a recovery is never opened twice for the same months")
    func recoveryIdempotent() throws {
        let c = try paymentCase(1, suspension: .death(on: F.date("2024-02-15")), paid: ["2024-02", "2024-03", "2024-04"], recovered: ["2024-03"])
        #expect(PaymentRoster.recovery(for: c)?.months == [F.month("2024-04")])
        let all = try paymentCase(1, suspension: .death(on: F.date("2024-02-15")), paid: ["2024-03"], recovered: ["2024-03"])
        #expect(PaymentRoster.recovery(for: all) == nil)
        let timely = try paymentCase(1, suspension: .death(on: F.date("2024-03-31")), paid: ["2024-03"])
        #expect(PaymentRoster.recovery(for: timely) == nil)
    }

    @Test("recovery uses the amounts actually paid")
    func recoveryAmounts() throws {
        let c = try PaymentCase(caseID: Self.id(1), program: .extremePoverty, region: F.jingtai, monthlyAmount: Money(yuan: 751),
                                firstMonth: F.month("2024-01"), suspension: .death(on: F.date("2024-01-20")),
                                paidMonths: [F.month("2024-01"): Money(yuan: 751), F.month("2024-02"): Money(yuan: 700), F.month("2024-03"): F.yuan("751.50")])
        #expect(PaymentRoster.recovery(for: c)?.amount == F.yuan("1451.50"))
    }

    @Test("region filter")
    func regionFilter() throws {
        let cases = [try paymentCase(1, region: "620423100001"), try paymentCase(2, region: "620421")]
        let r = try PaymentRoster.compute(cases: cases, month: F.month("2024-03"), region: F.jingtai)
        #expect(r.rows.map(\.caseID) == [Self.id(1)])
        #expect(r.skipped == [PaymentRoster.Skip(caseID: Self.id(2), reason: .outsideRegion)])
    }

    @Test("invalid input")
    func invalid() throws {
        let c = try paymentCase(1)
        #expect(F.refusal { () throws(RuleViolation) in try PaymentRoster.compute(cases: [c, c], month: F.month("2024-03")) }?.code == "roster.duplicate-case")
        #expect(F.refusal { () throws(RuleViolation) in try paymentCase(1, amount: "0") }?.code == "roster.amount-not-positive")
        #expect(F.refusal { () throws(RuleViolation) in try paymentCase(1, first: "2024-05", last: "2024-04") }?.code == "roster.period-invalid")
    }

    @Test("suspension firstUnpaidMonth")
    func firstUnpaid() {
        #expect(CaseSuspension.death(on: F.date("2024-12-31")).firstUnpaidMonth == F.month("2025-01"))
        #expect(CaseSuspension.administrative(from: F.month("2024-05")).firstUnpaidMonth == F.month("2024-05"))
    }
}
