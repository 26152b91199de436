import AssistanceDomain
import Contracts
import Foundation
import Logging
import Metrics
import Persistence
import PostgresNIO
import ServiceKit

/// The timed part of casework:
/// - 定期核查: a case whose review date has come gets a `periodic-review` task, and its next
///   review date moves on by the program's interval;
/// - cases whose gradual exit (渐退) has ended are marked terminated;
/// - 先行救助: urgent temporary-assistance reports still not advanced 24 hours after the report
///   are counted once as breaches (`assistance_advance_target_breaches_total`), published once
///   each as `urgent-advance-overdue` (for the statistics), and exposed as the
///   `assistance_advances_overdue` gauge.
enum CaseworkSweep {
    static func job(_ dependencies: ServiceDependencies, policy: AssistancePolicy, clock: ServiceClock, interval: Duration) -> PeriodicJob {
        PeriodicJob(name: "casework-sweep", interval: interval, logger: dependencies.logger) {
            try await sweep(dependencies, policy: policy, today: clock.today(), now: Date())
        }
    }

    @discardableResult
    static func sweep(_ dependencies: ServiceDependencies, policy: AssistancePolicy, today: CivilDate, now: Date) async throws
        -> (reviews: Int, overdue: Int) {
        let logger = dependencies.logger
        return try await dependencies.database.transaction(logger: logger) { connection in
            var reviews = 0
            for (program, months) in policy.reviewMonths where months > 0 {
                reviews += try await CaseStore.openDueReviews(program: program, everyMonths: months, today: today, on: connection,
                                                              logger: logger)
            }
            try await CaseStore.terminateEnded(before: today, on: connection, logger: logger)
            let cutoff = now.addingTimeInterval(-TemporaryAssistance.advanceTarget)
            let newlyLate = try await TemporaryCaseStore.flagLateAdvances(reportedBefore: cutoff, on: connection, logger: logger)
            for late in newlyLate {
                try await Outbox.append(
                    UrgentAdvanceOverdue(caseID: late.id, person: late.person, region: late.region, township: late.township,
                                         reportedAt: late.reportedAt, targetHours: Int(TemporaryAssistance.advanceTarget / 3_600),
                                         detectedAt: now),
                    source: dependencies.source, on: connection, logger: logger)
            }
            if !newlyLate.isEmpty {
                Counter(label: "assistance_advance_target_breaches_total", dimensions: [("when", "not-advanced")])
                    .increment(by: newlyLate.count)
                logger.warning("urgent cases not advanced within 24 hours", metadata: ["count": "\(newlyLate.count)"])
            }
            let overdue = try await TemporaryCaseStore.overdueAdvances(reportedBefore: cutoff, on: connection, logger: logger)
            Gauge(label: "assistance_advances_overdue").record(overdue)
            if reviews > 0 { logger.info("periodic reviews due", metadata: ["count": "\(reviews)"]) }
            return (reviews, overdue)
        }
    }
}
