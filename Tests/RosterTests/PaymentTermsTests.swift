import Contracts
import Testing
import TestKit
@testable import Roster

@Suite("PaymentTerms (what a beneficiary is owed per month)", .tags(.unit))
struct PaymentTermsTests {
    typealias F = RosterFixture

    static let full = Money(fen: 831_50)
    static let reduced = Money(fen: 576_25)

    func terms(first: String = "2024-01", last: String? = nil, amount: Money = Self.full, previous: Money? = nil,
               changedFrom: String? = nil, suspendedFrom: String? = nil) throws -> PaymentTerms {
        try PaymentTerms(firstMonth: F.month(first), lastMonth: last.map(F.month), monthlyAmount: amount, previousAmount: previous,
                      amountChangedFrom: changedFrom.map(F.month), suspendedFrom: suspendedFrom.map(F.month))
    }

    /// `terms.due(in:)` for every month from `from` through `through`.
    func dues(_ terms: PaymentTerms, _ from: String, _ through: String) throws -> [Money] {
        let start = try F.month(from)
        return try (0...F.month(through).monthsSince(start)).map { terms.due(in: start.adding(months: $0)) }
    }

    // MARK: - due(in:)

    @Test("inside an open-ended period every month owes the monthly amount")
    func openEnded() throws {
        let t = try terms()
        #expect(try dues(t, "2024-01", "2025-02") == Array(repeating: Self.full, count: 14))
        #expect(try t.due(in: F.month("2099-12")) == Self.full)
    }

    @Test("before the first month nothing is due; the first month itself is due",
          arguments: [("2023-12", false), ("2023-01", false), ("2001-06", false), ("2024-01", true), ("2024-02", true)])
    func beforeFirstMonth(_ month: String, _ owed: Bool) throws {
        #expect(try terms(first: "2024-01").due(in: F.month(month)) == (owed ? Self.full : .zero))
    }

    @Test("after the last month nothing is due; the last month itself is due",
          arguments: [("2024-05", true), ("2024-06", true), ("2024-07", false), ("2025-01", false)])
    func afterLastMonth(_ month: String, _ owed: Bool) throws {
        #expect(try terms(first: "2024-01", last: "2024-06").due(in: F.month(month)) == (owed ? Self.full : .zero))
    }

    @Test("a one-month period owes exactly that month")
    func singleMonth() throws {
        let t = try terms(first: "2024-03", last: "2024-03")
        #expect(try dues(t, "2024-01", "2024-05") == [.zero, .zero, Self.full, .zero, .zero])
    }

    @Test("from the suspension month on nothing is due; the month before is paid")
    func suspension() throws {
        let t = try terms(first: "2024-01", suspendedFrom: "2024-04")
        #expect(try t.due(in: F.month("2024-03")) == Self.full)
        #expect(try t.due(in: F.month("2024-04")) == .zero)
        #expect(try t.due(in: F.month("2024-05")) == .zero)
        #expect(try t.due(in: F.month("2030-01")) == .zero)
        #expect(try dues(t, "2024-01", "2024-06") == [Self.full, Self.full, Self.full, .zero, .zero, .zero])
    }

    @Test("a suspension from the first month (or earlier) leaves nothing due", arguments: ["2024-01", "2023-07"])
    func suspendedFromStart(_ from: String) throws {
        #expect(try dues(terms(first: "2024-01", suspendedFrom: from), "2023-06", "2024-12").allSatisfy { $0 == .zero })
    }

    @Test("a suspension across a year boundary: December paid, January not")
    func suspensionAcrossYear() throws {
        let t = try terms(first: "2024-01", suspendedFrom: "2025-01")
        #expect(try t.due(in: F.month("2024-12")) == Self.full)
        #expect(try t.due(in: F.month("2025-01")) == .zero)
    }

    @Test("amount change: months before amountChangedFrom owe previousAmount, from it on monthlyAmount")
    func amountChange() throws {
        let t = try terms(first: "2024-01", amount: Self.reduced, previous: Self.full, changedFrom: "2024-04")
        #expect(try t.due(in: F.month("2024-03")) == Self.full)
        #expect(try t.due(in: F.month("2024-04")) == Self.reduced)
        #expect(try dues(t, "2023-12", "2024-06") == [.zero, Self.full, Self.full, Self.full, Self.reduced, Self.reduced, Self.reduced])
    }

    @Test("an amount change at or before the first month: only the new amount is ever due", arguments: ["2024-01", "2023-09"])
    func changeBeforeStart(_ from: String) throws {
        let t = try terms(first: "2024-01", amount: Self.reduced, previous: Self.full, changedFrom: from)
        #expect(try dues(t, "2023-12", "2024-03") == [.zero, Self.reduced, Self.reduced, Self.reduced])
    }

    @Test("an amount change after the last month: only the previous amount is ever due")
    func changeAfterEnd() throws {
        let t = try terms(first: "2024-01", last: "2024-03", amount: Self.reduced, previous: Self.full, changedFrom: "2024-05")
        #expect(try dues(t, "2024-01", "2024-06") == [Self.full, Self.full, Self.full, .zero, .zero, .zero])
    }

    @Test("amountChangedFrom without a previousAmount owes monthlyAmount throughout")
    func changeWithoutPrevious() throws {
        let t = try terms(first: "2024-01", amount: Self.reduced, previous: nil, changedFrom: "2024-04")
        #expect(try dues(t, "2024-01", "2024-06") == Array(repeating: Self.reduced, count: 6))
    }

    @Test("combination: period, amount change and suspension together")
    func combination() throws {
        let t = try terms(first: "2024-01", last: "2024-08", amount: Self.reduced, previous: Self.full, changedFrom: "2024-03",
                          suspendedFrom: "2024-06")
        #expect(try dues(t, "2023-12", "2024-09") == [
            .zero,                                  // 2023-12 before the period
            Self.full, Self.full,                   // 2024-01, 02: old amount
            Self.reduced, Self.reduced, Self.reduced,  // 2024-03…05: new amount
            .zero, .zero, .zero,                    // 2024-06…08: suspended
            .zero,                                  // 2024-09: after the period
        ])
    }

    @Test("a suspension before the amount change hides the change entirely")
    func suspensionBeforeChange() throws {
        let t = try terms(first: "2024-01", amount: Self.reduced, previous: Self.full, changedFrom: "2024-05", suspendedFrom: "2024-03")
        #expect(try dues(t, "2024-01", "2024-06") == [Self.full, Self.full, .zero, .zero, .zero, .zero])
    }

    // MARK: - notDue(in:)

    @Test("notDue names why a month owes nothing, and is nil exactly when the scheduled amount is due",
          arguments: [("2023-12", NotDue?.some(.notStarted)), ("2024-01", nil), ("2024-03", nil), ("2024-04", .suspended),
                      ("2024-06", .suspended), ("2024-07", .ended), ("2025-01", .ended)])
    func notDue(_ month: String, _ reason: NotDue?) throws {
        // Suspended from April, ending after June: a month after both is reported as ended.
        let t = try terms(first: "2024-01", last: "2024-06", suspendedFrom: "2024-04")
        #expect(try t.notDue(in: F.month(month)) == reason)
        #expect(try t.due(in: F.month(month)) == (reason == nil ? Self.full : .zero))
    }

    @Test("the reasons are written as the roster reports them")
    func notDueNames() {
        #expect(NotDue.allCases.map(\.rawValue) == ["not-started", "ended", "suspended"])
    }

    // MARK: - suspended(from:)

    @Test("suspended(from:) sets the suspension and keeps everything else")
    func suspendSets() throws {
        let base = try terms(first: "2024-01", last: "2024-12", amount: Self.reduced, previous: Self.full, changedFrom: "2024-03")
        let s = try base.suspended(from: F.month("2024-05"))
        #expect(try s.suspendedFrom == F.month("2024-05"))
        #expect(s.firstMonth == base.firstMonth && s.lastMonth == base.lastMonth)
        #expect(try s.monthlyAmount == Self.reduced && s.previousAmount == Self.full && s.amountChangedFrom == F.month("2024-03"))
        #expect(try dues(s, "2024-01", "2024-06") == [Self.full, Self.full, Self.reduced, Self.reduced, .zero, .zero])
    }

    @Test("suspended(from: nil) lifts the suspension (annulment): every month of the period is due again")
    func suspendLifted() throws {
        let suspended = try terms(first: "2024-01", suspendedFrom: "2024-04")
        let lifted = suspended.suspended(from: nil)
        #expect(lifted.suspendedFrom == nil)
        #expect(try lifted == terms(first: "2024-01"))
        #expect(try dues(lifted, "2024-01", "2024-06") == Array(repeating: Self.full, count: 6))
    }

    @Test("suspended(from:) replaces an earlier suspension month (a corrected death date), in either direction",
          arguments: [("2024-06", 5), ("2024-02", 1)])
    func suspendMoved(_ to: String, _ paidMonths: Int) throws {
        let moved = try terms(first: "2024-01", suspendedFrom: "2024-04").suspended(from: F.month(to))
        #expect(try moved.suspendedFrom == F.month(to))
        #expect(try dues(moved, "2024-01", "2024-08") == Array(repeating: Self.full, count: paidMonths)
            + Array(repeating: .zero, count: 8 - paidMonths))
    }

    // MARK: - changingAmount(to:from:)

    @Test("the first change keeps the old monthly amount as previousAmount and keeps period and suspension")
    func firstChange() throws {
        let base = try terms(first: "2024-01", last: "2024-12", suspendedFrom: "2024-10")
        let c = try base.changingAmount(to: Self.reduced, from: F.month("2024-04"))
        #expect(c.monthlyAmount == Self.reduced)
        #expect(c.previousAmount == Self.full)
        #expect(try c.amountChangedFrom == F.month("2024-04"))
        #expect(try c.firstMonth == F.month("2024-01") && c.lastMonth == F.month("2024-12") && c.suspendedFrom == F.month("2024-10"))
        #expect(try dues(c, "2024-02", "2024-05") == [Self.full, Self.full, Self.reduced, Self.reduced])
        #expect(try c.due(in: F.month("2024-10")) == .zero)
    }

    @Test("an increase works the same way: previousAmount is the lower old amount")
    func increase() throws {
        let c = try terms(amount: Self.reduced).changingAmount(to: Self.full, from: F.month("2024-03"))
        #expect(c.previousAmount == Self.reduced)
        #expect(try dues(c, "2024-01", "2024-04") == [Self.reduced, Self.reduced, Self.full, Self.full])
    }

    @Test("moving the change date (death-date correction) keeps both amounts, in either direction",
          arguments: [("2024-06", 5), ("2024-02", 1)])
    func changeMoved(_ to: String, _ monthsAtOldAmount: Int) throws {
        // LifeEventReactions.correctDeath moves the change to the corrected month.
        let first = try terms(first: "2024-01").changingAmount(to: Self.reduced, from: F.month("2024-04"))
        let moved = try first.movingChange(from: F.month("2024-04"), to: F.month(to))
        #expect(moved.previousAmount == Self.full)
        #expect(moved.monthlyAmount == Self.reduced)
        #expect(try moved.amountChangedFrom == F.month(to))
        #expect(try dues(moved, "2024-01", "2024-08") == Array(repeating: Self.full, count: monthsAtOldAmount)
            + Array(repeating: Self.reduced, count: 8 - monthsAtOldAmount))
    }

    @Test("a second, different change keeps the first: every month keeps the amount scheduled for it")
    func secondDifferentChange() throws {
        // 1000 → 700 from April (a member died), then 700 → 400 from July (another member died, or a re-verification).
        let thousand = Money(yuan: 1000), sevenHundred = Money(yuan: 700), fourHundred = Money(yuan: 400)
        let once = try terms(first: "2024-01", amount: thousand).changingAmount(to: sevenHundred, from: F.month("2024-04"))
        let twice = try once.changingAmount(to: fourHundred, from: F.month("2024-07"))
        #expect(twice.previousAmount == sevenHundred)
        #expect(try twice.amountChangedFrom == F.month("2024-07"))
        #expect(twice.monthlyAmount == fourHundred)
        #expect(twice.steps.count == 3)
        #expect(try dues(twice, "2024-01", "2024-08")
                == [thousand, thousand, thousand, sevenHundred, sevenHundred, sevenHundred, fourHundred, fourHundred])
        // A later change replaces only what was scheduled from its month on.
        let replaced = try twice.changingAmount(to: sevenHundred, from: F.month("2024-05"))
        #expect(try dues(replaced, "2024-03", "2024-08") == [thousand] + Array(repeating: sevenHundred, count: 5))
    }

    // MARK: - revertingChange(from:)

    @Test("revertingChange undoes the change of that month and those after it; earlier months keep their amounts")
    func revert() throws {
        let changed = try terms(first: "2024-01", last: "2024-10", suspendedFrom: "2024-09")
            .changingAmount(to: Self.reduced, from: F.month("2024-04"))
        let r = try changed.revertingChange(from: F.month("2024-04"))
        #expect(r.monthlyAmount == Self.full)
        #expect(r.previousAmount == nil)
        #expect(r.amountChangedFrom == nil)
        #expect(try r.firstMonth == F.month("2024-01") && r.lastMonth == F.month("2024-10") && r.suspendedFrom == F.month("2024-09"))
        #expect(try dues(r, "2023-12", "2024-11") == [.zero] + Array(repeating: Self.full, count: 8) + [.zero, .zero, .zero])
    }

    @Test("revertingChange of a month with no change, or of the first month, changes nothing")
    func revertNothing() throws {
        let changed = try terms().changingAmount(to: Self.reduced, from: F.month("2024-04"))
        #expect(try changed.revertingChange(from: F.month("2024-05")) == changed)
        #expect(try terms().revertingChange(from: F.month("2024-01")) == terms())
    }

    // MARK: - ending(after:)

    @Test("ending(after:) makes that month the last one paid and keeps everything else")
    func ending() throws {
        let base = try terms(first: "2024-01", amount: Self.reduced, previous: Self.full, changedFrom: "2024-03", suspendedFrom: "2024-11")
        let e = try base.ending(after: F.month("2024-06"))
        #expect(try e.lastMonth == F.month("2024-06"))
        #expect(e.firstMonth == base.firstMonth && e.monthlyAmount == Self.reduced && e.previousAmount == Self.full)
        #expect(try e.amountChangedFrom == F.month("2024-03") && e.suspendedFrom == F.month("2024-11"))
        #expect(try e.due(in: F.month("2024-06")) == Self.reduced)
        #expect(try e.due(in: F.month("2024-07")) == .zero)
    }

    @Test("ending(after:) never lengthens a case that already ends earlier")
    func endingNeverLengthens() throws {
        let ended = try terms(first: "2024-01", last: "2024-05")
        #expect(try ended.ending(after: F.month("2024-09")).lastMonth == F.month("2024-05"))
        #expect(try ended.ending(after: F.month("2024-03")).lastMonth == F.month("2024-03"))
    }

    @Test("ending(after:) never ends before firstMonth.previous: nothing at all is due",
          arguments: ["2023-12", "2023-11", "2020-01"])
    func endingBeforeStart(_ after: String) throws {
        let e = try terms(first: "2024-01").ending(after: F.month(after))
        #expect(try e.lastMonth == F.month("2023-12"))
        #expect(e.lastMonth == e.firstMonth.previous)
        #expect(try dues(e, "2023-10", "2024-03").allSatisfy { $0 == .zero })
    }

    @Test("ending(after:) clamps across a year boundary and mid-year alike")
    func endingClampMidYear() throws {
        #expect(try terms(first: "2024-07").ending(after: F.month("2024-01")).lastMonth == F.month("2024-06"))
        #expect(try terms(first: "2024-01").ending(after: F.month("2024-01")).lastMonth == F.month("2024-01"))
        #expect(try terms(first: "2024-01").ending(after: F.month("2024-01")).due(in: F.month("2024-01")) == Self.full)
    }

    @Test("ending(after:) shortens an existing last month but never extends it")
    func endingReplacesLast() throws {
        let t = try terms(first: "2024-01", last: "2024-06")
        #expect(try t.ending(after: F.month("2024-03")).lastMonth == F.month("2024-03"))
        let notExtended = try t.ending(after: F.month("2024-09"))
        #expect(try notExtended.lastMonth == F.month("2024-06"))
        #expect(try notExtended.due(in: F.month("2024-08")) == .zero)
    }
}
