import Contracts

/// When a key elder's next visit is due, and whether it is overdue, on a given day.
///
/// - The cadence is the schedule's for the person's categories (``VisitSchedule/cadence(for:)``);
///   someone in no scheduled category, or not living at home (in an institution, whose staff
///   care for them), has no visit due.
/// - The next visit is due one cadence after the last visit, or after the day the person entered
///   the schedule when never visited (service rule).
/// - While an emergency covers the person's region (``EmergencyVisitMode``), a visit is due every
///   day: the day after the last visit, but not before the emergency's first day (and never later
///   than the regular schedule would have it).
/// - A visit is overdue on a day after its due day; one on the due day is on time.
public struct VisitDue: Sendable, Hashable {
    public var categories: Set<KeyCategory>
    /// Where the person lives (township or village code; a county code will do).
    public var region: RegionCode
    public var livesAtHome: Bool
    /// The day the person entered the visit schedule (registered, or first in a scheduled category).
    public var scheduledSince: CivilDate
    public var lastVisit: CivilDate?

    public init(categories: Set<KeyCategory>, region: RegionCode, livesAtHome: Bool = true, scheduledSince: CivilDate, lastVisit: CivilDate? = nil) {
        self.categories = categories
        self.region = region
        self.livesAtHome = livesAtHome
        self.scheduledSince = scheduledSince
        self.lastVisit = lastVisit
    }

    /// The cadence in force on `date`: daily under an emergency, otherwise the schedule's.
    public func cadence(on date: CivilDate, schedule: VisitSchedule, emergencies: [EmergencyVisitMode]) -> VisitCadence? {
        guard livesAtHome, let regular = schedule.cadence(for: categories) else { return nil }
        return emergency(on: date, among: emergencies) == nil ? regular : .daily
    }

    /// The last day by which the next visit must happen, as seen on `date`; nil when no visit is due.
    public func nextDue(on date: CivilDate, schedule: VisitSchedule, emergencies: [EmergencyVisitMode] = []) -> CivilDate? {
        guard livesAtHome, let regular = schedule.cadence(for: categories) else { return nil }
        let from = lastVisit ?? scheduledSince
        let regularDue = regular.due(after: from)
        if let emergency = emergency(on: date, among: emergencies) {
            // Daily from the emergency's first day on; a visit already late stays as late.
            return min(regularDue, max(VisitCadence.daily.due(after: from), emergency.startsOn))
        }
        return regularDue
    }

    /// Whether the visit is overdue on `date`: `date` is after the due day.
    public func isOverdue(on date: CivilDate, schedule: VisitSchedule, emergencies: [EmergencyVisitMode] = []) -> Bool {
        guard let due = nextDue(on: date, schedule: schedule, emergencies: emergencies) else { return false }
        return date > due
    }

    /// How many days overdue on `date` (0 when on time or nothing is due).
    public func daysOverdue(on date: CivilDate, schedule: VisitSchedule, emergencies: [EmergencyVisitMode] = []) -> Int {
        guard let due = nextDue(on: date, schedule: schedule, emergencies: emergencies) else { return 0 }
        return max(date.daysSince(due), 0)
    }

    /// The emergency covering the person on `date`: the earliest-starting one when several overlap.
    func emergency(on date: CivilDate, among emergencies: [EmergencyVisitMode]) -> EmergencyVisitMode? {
        emergencies.filter { $0.applies(to: region, on: date) }.min { $0.startsOn < $1.startsOn }
    }
}
