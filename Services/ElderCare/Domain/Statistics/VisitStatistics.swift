import Contracts

/// The visit figures the statistics report.
public enum VisitStatistics {
    /// 月探访率: of the key elders due visits in `month`, how many were visited at least once in
    /// it (any mode). The national target is 100% by the end of 2025 (``ElderCareTargets/monthlyVisitRate``).
    public static func monthlyVisitRate(in month: YearMonth, visitDates: [[CivilDate]]) -> Proportion {
        Proportion(count: visitDates.filter { $0.contains { month.contains($0) } }.count, of: visitDates.count)
    }

    /// Visits on time: of the key elders with a visit due, how many are not overdue on `date`.
    public static func onTimeShare(on date: CivilDate, elders: [VisitDue], schedule: VisitSchedule,
                                   emergencies: [EmergencyVisitMode] = []) -> Proportion {
        let due = elders.filter { $0.nextDue(on: date, schedule: schedule, emergencies: emergencies) != nil }
        return Proportion(count: due.filter { !$0.isOverdue(on: date, schedule: schedule, emergencies: emergencies) }.count, of: due.count)
    }
}
