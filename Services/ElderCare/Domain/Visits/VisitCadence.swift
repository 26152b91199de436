import Contracts

/// How often a key elder is visited: the longest time allowed between two visits.
///
/// A visit is due one interval after the last (or after the person entered the schedule), on
/// the same day of the month for monthly and quarterly visits (31 January + 1 month = 28/29
/// February, as ``CivilDate/adding(months:)`` clamps). Service rule: the seeds give frequencies
/// ("月探访", "每天至少进行一次探访") but not how a due date is counted.
public enum VisitCadence: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Every day: the emergency mode (seed 000 L36).
    case daily
    case weekly
    /// Every month: the seeds' default (seed 001 L24 "特殊家庭老年人月探访制度").
    case monthly
    case quarterly

    /// The last day a visit is due when the previous one (or the start) was on `date`.
    public func due(after date: CivilDate) -> CivilDate {
        switch self {
        case .daily: date.adding(days: 1)
        case .weekly: date.adding(days: 7)
        case .monthly: date.adding(months: 1)
        case .quarterly: date.adding(months: 3)
        }
    }

    /// More frequent first: `.daily < .weekly < .monthly < .quarterly`.
    public static func < (lhs: VisitCadence, rhs: VisitCadence) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
