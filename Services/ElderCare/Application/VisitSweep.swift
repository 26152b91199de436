import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// The register's timed work, in one transaction:
/// - 高龄 starts on a birthday with no write at all: people who may have reached the age get
///   their categories recomputed (and `category-changed` published);
/// - overdue visits: every living key elder whose visit is overdue today (``VisitDue``, with the
///   schedule and the regions' emergency modes) is published as `visit-overdue`, once per person
///   and due day (`visit_overdue_notices`), however often the sweep runs.
enum VisitSweep {
    static func job(_ dependencies: ServiceDependencies, policy: ElderCarePolicy, clock: ServiceClock, interval: Duration) -> PeriodicJob {
        PeriodicJob(name: "visit-sweep", interval: interval, logger: dependencies.logger) {
            try await sweep(dependencies, policy: policy, today: clock.today())
        }
    }

    /// Returns how many overdue visits were newly published.
    @discardableResult
    static func sweep(_ dependencies: ServiceDependencies, policy: ElderCarePolicy, today: CivilDate) async throws -> Int {
        let logger = dependencies.logger
        return try await dependencies.database.transaction(logger: logger) { connection in
            for person in try await VisitStore.reachingAdvancedAge(policy.categories.advancedAge, today: today, on: connection, logger: logger) {
                guard let elder = try await ElderStore.lock(person, on: connection, logger: logger) else { continue }
                try await RecordCategory.refresh(elder, today: today, policy: policy, cause: nil, source: dependencies.source,
                                                 on: connection, logger: logger)
            }
            let emergencies = try await VisitStore.emergencies(on: connection, logger: logger)
            var published = 0
            for candidate in try await VisitStore.candidates(on: connection, logger: logger) {
                let due = candidate.due
                guard due.isOverdue(on: today, schedule: policy.visitSchedule, emergencies: emergencies),
                      let dueOn = due.nextDue(on: today, schedule: policy.visitSchedule, emergencies: emergencies),
                      let cadence = due.cadence(on: today, schedule: policy.visitSchedule, emergencies: emergencies),
                      try await VisitStore.noteOverdue(candidate.person, dueOn: dueOn, today: today, on: connection, logger: logger)
                else { continue }
                let event = VisitOverdue(person: candidate.person, region: due.region, dueOn: dueOn,
                                         cadence: VisitOverdue.Cadence(rawValue: cadence.rawValue) ?? .monthly, detectedOn: today)
                try await Outbox.append(event, source: dependencies.source, on: connection, logger: logger)
                published += 1
            }
            if published > 0 { logger.info("overdue visits", metadata: ["count": "\(published)"]) }
            return published
        }
    }
}
