import Contracts
import Testing
import TestKit
@testable import Roster

@Suite("PaymentReconciliation (settling the past after a change of terms)", .tags(.unit))
struct PaymentReconciliationTests {
    typealias F = RosterFixture
    typealias MonthAmount = PaymentReconciliation.MonthAmount

    static let full = Money(fen: 831_50)
    static let reduced = Money(fen: 576_25)

    /// Open-ended terms from January 2024 at `amount`.
    func terms(_ amount: Money = Self.full, first: String = "2024-01") throws -> PaymentTerms {
        try PaymentTerms(firstMonth: F.month(first), monthlyAmount: amount)
    }

    /// Every month from `from` through `through`.
    func months(_ from: String, _ through: String) throws -> [YearMonth] {
        let start = try F.month(from)
        return try (0...F.month(through).monthsSince(start)).map { start.adding(months: $0) }
    }

    func settled(_ from: String, _ through: String) throws -> Set<YearMonth> { try Set(months(from, through)) }

    func paid(_ from: String, _ through: String, _ amount: Money = Self.full) throws -> [YearMonth: Money] {
        try Dictionary(uniqueKeysWithValues: months(from, through).map { ($0, amount) })
    }

    func item(_ month: String, _ amount: Money) throws -> MonthAmount { try MonthAmount(month: F.month(month), amount: amount) }

    // MARK: - Nothing to settle

    @Test("terms unchanged and every rostered month paid in full: nothing to settle, totals zero")
    func nothingToSettle() throws {
        let s = try PaymentReconciliation.settle(terms: terms(), settledMonths: settled("2024-01", "2024-06"),
                                                 paid: paid("2024-01", "2024-06"), claimed: [:])
        #expect(s.backPay.isEmpty)
        #expect(s.overpaid.isEmpty)
        #expect(s.backPayTotal == .zero)
        #expect(s.overpaidTotal == .zero)
    }

    @Test("no rostered and no paid months: nothing to settle")
    func empty() throws {
        let s = try PaymentReconciliation.settle(terms: terms().suspended(from: F.month("2024-01")), settledMonths: [], paid: [:], claimed: [:])
        #expect(s == PaymentReconciliation.Settlement(backPay: [], overpaid: []))
    }

    @Test("rostered months before the period and months suspended but unpaid owe nothing either way")
    func zeroDueUnpaid() throws {
        let t = try terms(first: "2024-03").suspended(from: F.month("2024-05"))
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2024-01", "2024-07"),
                                                 paid: paid("2024-03", "2024-04"), claimed: [:])
        #expect(s.backPay.isEmpty && s.overpaid.isEmpty)
    }

    // MARK: - Death reported late

    @Test("a death reported late: the suspended months already paid are overpaid with exact amounts, no back pay")
    func lateDeath() throws {
        // Died in March; case suspended from April; April, May and June were rostered and paid before the report.
        let t = try terms().suspended(from: F.month("2024-04"))
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2024-01", "2024-06"),
                                                 paid: paid("2024-01", "2024-06"), claimed: [:])
        #expect(s.backPay.isEmpty)
        #expect(try s.overpaid == [item("2024-04", Self.full), item("2024-05", Self.full), item("2024-06", Self.full)])
        #expect(try s.overpaidTotal == F.yuan("2494.50"))
        #expect(s.backPayTotal == .zero)
    }

    @Test("months already covered by an open claim are not claimed again")
    func fullyClaimed() throws {
        let t = try terms().suspended(from: F.month("2024-04"))
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2024-01", "2024-06"), paid: paid("2024-01", "2024-06"),
                                                 claimed: [F.month("2024-04"): Self.full, F.month("2024-05"): Self.full])
        #expect(try s.overpaid == [item("2024-06", Self.full)])
        #expect(s.overpaidTotal == Self.full)
        #expect(s.backPay.isEmpty)
    }

    @Test("a partial claim leaves exactly the unclaimed rest of that month to claim")
    func partiallyClaimed() throws {
        let t = try terms().suspended(from: F.month("2024-04"))
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2024-01", "2024-06"), paid: paid("2024-01", "2024-06"),
                                                 claimed: [F.month("2024-04"): Self.full, F.month("2024-05"): F.yuan("300.01")])
        #expect(try s.overpaid == [item("2024-05", F.yuan("531.49")), item("2024-06", Self.full)])
        #expect(try s.overpaidTotal == F.yuan("1362.99"))
    }

    @Test("a claim larger than the overpayment yields nothing for that month, never a negative amount")
    func overClaimed() throws {
        let t = try terms().suspended(from: F.month("2024-04"))
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2024-01", "2024-04"), paid: paid("2024-01", "2024-04"),
                                                 claimed: [F.month("2024-04"): F.yuan("1000")])
        #expect(s.overpaid.isEmpty)
        #expect(s.backPay.isEmpty)
        #expect(s.overpaidTotal == .zero)
    }

    @Test("claims on months that are not overpaid change nothing")
    func claimOnDueMonth() throws {
        let t = try terms().suspended(from: F.month("2024-04"))
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2024-01", "2024-05"), paid: paid("2024-01", "2024-05"),
                                                 claimed: [F.month("2024-02"): Self.full])
        #expect(try s.overpaid == [item("2024-04", Self.full), item("2024-05", Self.full)])
        #expect(s.backPay.isEmpty)
    }

    // MARK: - Annulment

    @Test("annulment: the months rostered while suspended are back-paid exactly, not months never rostered")
    func annulment() throws {
        // Suspended from April; the April and May rosters ran and skipped the case; June has no roster yet.
        let lifted = try terms().suspended(from: F.month("2024-04")).suspended(from: nil)
        let s = try PaymentReconciliation.settle(terms: lifted, settledMonths: settled("2024-01", "2024-05"),
                                                 paid: paid("2024-01", "2024-03"), claimed: [:])
        #expect(try s.backPay == [item("2024-04", Self.full), item("2024-05", Self.full)])
        #expect(try s.backPayTotal == F.yuan("1663.00"))
        #expect(s.overpaid.isEmpty)
        #expect(try !s.backPay.contains { try $0.month >= F.month("2024-06") })
    }

    @Test("annulment after the overpaid months were claimed: the claims don't affect back pay of unpaid months")
    func annulmentWithClaims() throws {
        // Paid through April, suspended from April (April overpaid and claimed), May rostered and skipped. The death is
        // annulled; the caller cancels the claim, but even if it were still open nothing would be back-paid for April.
        let lifted = try terms().suspended(from: nil)
        let s = try PaymentReconciliation.settle(terms: lifted, settledMonths: settled("2024-01", "2024-05"), paid: paid("2024-01", "2024-04"),
                                                 claimed: [F.month("2024-04"): Self.full])
        #expect(try s.backPay == [item("2024-05", Self.full)])
        #expect(s.overpaid.isEmpty)
    }

    @Test("annulment of a household member's death: restoring the amount back-pays the difference for rostered months")
    func annulDeparture() throws {
        let changed = try terms().changingAmount(to: Self.reduced, from: F.month("2024-04"))
        let restored = try changed.revertingChange(from: F.month("2024-04"))
        var paidSoFar = try paid("2024-01", "2024-03")
        try paidSoFar.merge(paid("2024-04", "2024-05", Self.reduced)) { $1 }
        let s = try PaymentReconciliation.settle(terms: restored, settledMonths: settled("2024-01", "2024-05"), paid: paidSoFar, claimed: [:])
        #expect(try s.backPay == [item("2024-04", F.yuan("255.25")), item("2024-05", F.yuan("255.25"))])
        #expect(try s.backPayTotal == F.yuan("510.50"))
        #expect(s.overpaid.isEmpty)
    }

    // MARK: - Household recompute

    @Test("household recompute: the old amount paid after the drop is overpaid by exactly the difference")
    func householdRecompute() throws {
        let t = try terms().changingAmount(to: Self.reduced, from: F.month("2024-04"))
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2024-01", "2024-06"),
                                                 paid: paid("2024-01", "2024-06"), claimed: [:])
        #expect(try s.overpaid == [item("2024-04", F.yuan("255.25")), item("2024-05", F.yuan("255.25")), item("2024-06", F.yuan("255.25"))])
        #expect(try s.overpaidTotal == F.yuan("765.75"))
        #expect(s.backPay.isEmpty)
    }

    @Test("household recompute to a higher amount back-pays the difference for rostered months only")
    func householdIncrease() throws {
        let t = try terms(Self.reduced).changingAmount(to: Self.full, from: F.month("2024-05"))
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2024-01", "2024-06"),
                                                 paid: paid("2024-01", "2024-06", Self.reduced), claimed: [:])
        #expect(try s.backPay == [item("2024-05", F.yuan("255.25")), item("2024-06", F.yuan("255.25"))])
        #expect(s.overpaid.isEmpty)
    }

    // MARK: - Corrections of the death date

    @Test("correction to a later date: the months now due are back-paid, the month still suspended is not")
    func correctionLater() throws {
        // First recorded as died in March (suspended from April): April…June rostered and skipped.
        // Corrected to May: suspended from June; April and May are now due.
        let corrected = try terms().suspended(from: F.month("2024-04")).suspended(from: F.month("2024-06"))
        let s = try PaymentReconciliation.settle(terms: corrected, settledMonths: settled("2024-01", "2024-06"),
                                                 paid: paid("2024-01", "2024-03"), claimed: [:])
        #expect(try s.backPay == [item("2024-04", Self.full), item("2024-05", Self.full)])
        #expect(try s.backPayTotal == F.yuan("1663.00"))
        #expect(s.overpaid.isEmpty)
    }

    @Test("correction to a later date after the overpayment was claimed and cancelled: the rest stays overpaid")
    func correctionLaterPaid() throws {
        // April…June had been paid; the first report claimed them all; the correction (to May) cancels that claim
        // (claimed is empty again) and settles anew: only June is still overpaid.
        let corrected = try terms().suspended(from: F.month("2024-06"))
        let s = try PaymentReconciliation.settle(terms: corrected, settledMonths: settled("2024-01", "2024-06"),
                                                 paid: paid("2024-01", "2024-06"), claimed: [:])
        #expect(try s.overpaid == [item("2024-06", Self.full)])
        #expect(s.backPay.isEmpty)
    }

    @Test("correction to an earlier date: months paid before the old suspension become a new overpayment")
    func correctionEarlier() throws {
        // First recorded as died in March (suspended from April), paid through March.
        // Corrected to January: suspended from February; February and March are now overpaid.
        let corrected = try terms().suspended(from: F.month("2024-04")).suspended(from: F.month("2024-02"))
        let s = try PaymentReconciliation.settle(terms: corrected, settledMonths: settled("2024-01", "2024-05"),
                                                 paid: paid("2024-01", "2024-03"), claimed: [:])
        #expect(try s.overpaid == [item("2024-02", Self.full), item("2024-03", Self.full)])
        #expect(try s.overpaidTotal == F.yuan("1663.00"))
        #expect(s.backPay.isEmpty)
    }

    @Test("correction to an earlier date with the old claim still open: only the newly overpaid months are claimed")
    func correctionEarlierWithOpenClaim() throws {
        let corrected = try terms().suspended(from: F.month("2024-02"))
        let s = try PaymentReconciliation.settle(terms: corrected, settledMonths: settled("2024-01", "2024-05"),
                                                 paid: paid("2024-01", "2024-05"),
                                                 claimed: [F.month("2024-04"): Self.full, F.month("2024-05"): Self.full])
        #expect(try s.overpaid == [item("2024-02", Self.full), item("2024-03", Self.full)])
    }

    @Test("household correction: moving the amount change later back-pays the difference for the months in between")
    func householdCorrectionLater() throws {
        let first = try terms().changingAmount(to: Self.reduced, from: F.month("2024-04"))
        let corrected = try first.movingChange(from: F.month("2024-04"), to: F.month("2024-06"))
        var paidSoFar = try paid("2024-01", "2024-03")
        try paidSoFar.merge(paid("2024-04", "2024-06", Self.reduced)) { $1 }
        let s = try PaymentReconciliation.settle(terms: corrected, settledMonths: settled("2024-01", "2024-06"), paid: paidSoFar, claimed: [:])
        #expect(try s.backPay == [item("2024-04", F.yuan("255.25")), item("2024-05", F.yuan("255.25"))])
        #expect(s.overpaid.isEmpty)
    }

    @Test("household correction: moving the amount change earlier overpays the difference for the months in between")
    func householdCorrectionEarlier() throws {
        let first = try terms().changingAmount(to: Self.reduced, from: F.month("2024-04"))
        let corrected = try first.movingChange(from: F.month("2024-04"), to: F.month("2024-02"))
        var paidSoFar = try paid("2024-01", "2024-03")
        try paidSoFar.merge(paid("2024-04", "2024-05", Self.reduced)) { $1 }
        let s = try PaymentReconciliation.settle(terms: corrected, settledMonths: settled("2024-01", "2024-05"), paid: paidSoFar, claimed: [:])
        #expect(try s.overpaid == [item("2024-02", F.yuan("255.25")), item("2024-03", F.yuan("255.25"))])
        #expect(s.backPay.isEmpty)
    }

    @Test("two different household changes: every month keeps what was due then, so nothing is back-paid")
    func secondChangeKeepsTheFirst() throws {
        let thousand = Money(yuan: 1000), sevenHundred = Money(yuan: 700), fourHundred = Money(yuan: 400)
        let t = try terms(thousand).changingAmount(to: sevenHundred, from: F.month("2024-04"))
            .changingAmount(to: fourHundred, from: F.month("2024-07"))
        var paidSoFar = try paid("2024-01", "2024-03", thousand)
        try paidSoFar.merge(paid("2024-04", "2024-06", sevenHundred)) { $1 }
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2024-01", "2024-06"), paid: paidSoFar, claimed: [:])
        #expect(s.backPay.isEmpty)
        #expect(s.overpaid.isEmpty)
    }

    // MARK: - Month set and ordering

    @Test("a paid month outside settledMonths is still checked for overpayment")
    func paidOutsideSettled() throws {
        // Rosters recorded through March only, but April was paid (e.g. by an earlier back payment) and is now suspended.
        let t = try terms().suspended(from: F.month("2024-04"))
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2024-01", "2024-03"),
                                                 paid: paid("2024-01", "2024-04"), claimed: [:])
        #expect(try s.overpaid == [item("2024-04", Self.full)])
        #expect(s.backPay.isEmpty)
    }

    @Test("a paid month before the period, outside settledMonths, is overpaid in full")
    func paidBeforePeriod() throws {
        let s = try PaymentReconciliation.settle(terms: terms(first: "2024-03"), settledMonths: settled("2024-03", "2024-04"),
                                                 paid: paid("2024-02", "2024-04"), claimed: [:])
        #expect(try s.overpaid == [item("2024-02", Self.full)])
        #expect(s.backPay.isEmpty)
    }

    @Test("an underpaid month outside settledMonths is not back-paid (its roster pays it)")
    func underpaidOutsideSettled() throws {
        var paidSoFar = try paid("2024-01", "2024-03")
        try paidSoFar[F.month("2024-04")] = F.yuan("400")
        let s = try PaymentReconciliation.settle(terms: terms(), settledMonths: settled("2024-01", "2024-03"), paid: paidSoFar, claimed: [:])
        #expect(s.backPay.isEmpty)
        #expect(s.overpaid.isEmpty)
    }

    @Test("a rostered month with no payment at all is back-paid in full")
    func unpaidRostered() throws {
        var paidSoFar = try paid("2024-01", "2024-04")
        try paidSoFar[F.month("2024-02")] = nil
        let s = try PaymentReconciliation.settle(terms: terms(), settledMonths: settled("2024-01", "2024-04"), paid: paidSoFar, claimed: [:])
        #expect(try s.backPay == [item("2024-02", Self.full)])
    }

    @Test("amounts are exact to the fen: a 1-fen shortfall is back-paid, a 1-fen excess is claimed")
    func exactFen() throws {
        let paidSoFar: [YearMonth: Money] = try [F.month("2024-01"): F.yuan("831.49"), F.month("2024-02"): F.yuan("831.51"),
                                                 F.month("2024-03"): Self.full]
        let s = try PaymentReconciliation.settle(terms: terms(), settledMonths: settled("2024-01", "2024-03"), paid: paidSoFar, claimed: [:])
        #expect(try s.backPay == [item("2024-01", Money(fen: 1))])
        #expect(try s.overpaid == [item("2024-02", Money(fen: 1))])
        #expect(s.backPayTotal == Money(fen: 1) && s.overpaidTotal == Money(fen: 1))
    }

    @Test("results are in month order across a year boundary, with back pay and overpayment mixed; totals add up")
    func monthOrderAndTotals() throws {
        // From December 2023 the amount rose (back pay of the difference); from February 2024 the case is suspended.
        let t = try terms(Money(yuan: 1000), first: "2023-10").changingAmount(to: Money(yuan: 1200), from: F.month("2023-12"))
            .suspended(from: F.month("2024-02"))
        var paidSoFar = try paid("2023-10", "2024-04", Money(yuan: 1000))
        try paidSoFar[F.month("2024-04")] = Money(yuan: 500)
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2023-10", "2024-04"), paid: paidSoFar,
                                                 claimed: [F.month("2024-03"): Money(yuan: 100)])
        #expect(try s.backPay == [item("2023-12", Money(yuan: 200)), item("2024-01", Money(yuan: 200))])
        #expect(try s.overpaid == [item("2024-02", Money(yuan: 1000)), item("2024-03", Money(yuan: 900)), item("2024-04", Money(yuan: 500))])
        #expect(s.backPay.map(\.month) == s.backPay.map(\.month).sorted())
        #expect(s.overpaid.map(\.month) == s.overpaid.map(\.month).sorted())
        #expect(s.backPayTotal == Money(yuan: 400))
        #expect(s.overpaidTotal == Money(yuan: 2400))
    }

    @Test("month order holds over many months regardless of set and dictionary order")
    func monthOrderLong() throws {
        let t = try terms(first: "2020-01").suspended(from: F.month("2021-01"))
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2020-01", "2022-12"),
                                                 paid: paid("2020-07", "2022-12"), claimed: [:])
        #expect(try s.backPay.map(\.month) == months("2020-01", "2020-06"))
        #expect(try s.overpaid.map(\.month) == months("2021-01", "2022-12"))
        #expect(s.backPayTotal == Self.full * 6)
        #expect(s.overpaidTotal == Self.full * 24)
    }

    @Test("a case ended early: months paid after the new last month are overpaid")
    func endedEarly() throws {
        let t = try terms().ending(after: F.month("2024-03"))
        let s = try PaymentReconciliation.settle(terms: t, settledMonths: settled("2024-01", "2024-05"),
                                                 paid: paid("2024-01", "2024-05"), claimed: [:])
        #expect(try s.overpaid == [item("2024-04", Self.full), item("2024-05", Self.full)])
        #expect(s.backPay.isEmpty)
    }
}
