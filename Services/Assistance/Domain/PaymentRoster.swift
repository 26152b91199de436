import Contracts
import Foundation

/// The monthly payment roster (发放清册), as a pure computation.
///
/// Rules (of this service): every active case is paid its monthly amount for the month; a month already
/// paid is never paid again (re-running is idempotent); a case suspended by a death is not paid
/// from the month after the death; months paid after a death produce ``OverpaymentRecovery``.
/// The roster is the audit artefact compared against base data and approvals ("平台发放清册等数据比对",
/// 《2020年成都市民政工作要点》第17点).
public enum PaymentRoster {
    /// One payment.
    public struct Row: Sendable, Hashable {
        public let caseID: UUID
        public let program: AssistanceProgram
        public let region: RegionCode
        public let month: YearMonth
        public let amount: Money
    }

    /// Why a case gets no row this month.
    public enum SkipReason: String, Sendable, Hashable {
        case notStarted = "not-started"
        case ended
        case alreadyPaid = "already-paid"
        case suspendedByDeath = "suspended-by-death"
        case suspended
        case outsideRegion = "outside-region"
    }

    public struct Skip: Sendable, Hashable {
        public let caseID: UUID
        public let reason: SkipReason
    }

    public struct Result: Sendable, Hashable {
        public let month: YearMonth
        public let rows: [Row]
        public let skipped: [Skip]
        /// New recovery claims (months already claimed are not repeated).
        public let recoveries: [OverpaymentRecovery]
        public let total: Money
    }

    /// The code prefix every county of `region` starts with: the whole code for a county, four
    /// digits for a city, two for a province. A roster for `region` pays the cases of those counties.
    public static func regionPrefix(of region: RegionCode) -> String {
        let code = region.county.rawValue
        if code.hasSuffix("0000") { return String(code.prefix(2)) }
        if code.hasSuffix("00") { return String(code.prefix(4)) }
        return code
    }

    /// Computes the roster for `month`, for cases within `region` (nil = all cases).
    /// Refuses `roster.duplicate-case` if a case id appears twice, and `money.overflow` if the total overflows.
    public static func compute(cases: [PaymentCase], month: YearMonth, region: RegionCode? = nil) throws(RuleViolation) -> Result {
        var seen = Set<UUID>()
        var rows: [Row] = []
        var skipped: [Skip] = []
        var recoveries: [OverpaymentRecovery] = []
        var total = Money.zero
        rows.reserveCapacity(cases.count)

        for item in cases {
            guard seen.insert(item.caseID).inserted else {
                throw RuleViolation.invalid("roster.duplicate-case", "case \(item.caseID) appears twice")
            }
            if let region, !region.contains(item.region) {
                skipped.append(Skip(caseID: item.caseID, reason: .outsideRegion))
                continue
            }
            if let recovery = recovery(for: item) { recoveries.append(recovery) }
            if let reason = skipReason(item, month) {
                skipped.append(Skip(caseID: item.caseID, reason: reason))
                continue
            }
            rows.append(Row(caseID: item.caseID, program: item.program, region: item.region, month: month, amount: item.monthlyAmount))
            total = try Exact.money { () throws(MoneyError) in try total.adding(item.monthlyAmount) }
        }
        return Result(month: month, rows: rows, skipped: skipped, recoveries: recoveries, total: total)
    }

    static func skipReason(_ item: PaymentCase, _ month: YearMonth) -> SkipReason? {
        if month < item.firstMonth { return .notStarted }
        if let last = item.lastMonth, month > last { return .ended }
        if let suspension = item.suspension, month >= suspension.firstUnpaidMonth {
            if case .death = suspension { return .suspendedByDeath }
            return .suspended
        }
        if item.paidMonths[month] != nil { return .alreadyPaid }
        return nil
    }

    /// The recovery claim for months paid after a death and not yet claimed; nil if none.
    public static func recovery(for item: PaymentCase) -> OverpaymentRecovery? {
        guard case .death(let date) = item.suspension else { return nil }
        let deathMonth = date.yearMonth
        let months = item.paidMonths.keys
            .filter { $0 > deathMonth && !item.recoveredMonths.contains($0) }
            .sorted()
        guard !months.isEmpty else { return nil }
        let amount = months.reduce(Money.zero) { $0 + (item.paidMonths[$1] ?? .zero) }
        return OverpaymentRecovery(caseID: item.caseID, deathDate: date, months: months, amount: amount)
    }
}
