import AssistanceDomain
import Contracts
import Foundation
import Logging
import Metrics
import Persistence
import PostgresNIO
import ServiceKit

/// The timed part of casework:
/// - cases whose gradual exit (渐退) has ended are marked terminated;
/// - 定期核查: a case whose review date has come gets a `periodic-review` task, and its next
///   review date moves on by the program's interval;
/// - 先行救助: urgent temporary-assistance reports still not advanced 24 hours after the report
///   are counted once as breaches (`assistance_advance_target_breaches_total`) and exposed as the
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
                let rows = try await connection.query("""
                    WITH due AS (
                        -- The next review date after today, however many intervals were missed (one task, not one per interval).
                        UPDATE cases SET next_review_on = (
                            SELECT min(d)::date FROM generate_series(next_review_on::timestamp,
                                \(today.iso)::date + make_interval(months => \(months)::int), make_interval(months => \(months)::int)) d
                            WHERE d > \(today.iso)::date)
                        WHERE program = \(program.rawValue) AND status = 'active' AND next_review_on <= \(today.iso)::date
                        RETURNING id, household_id, next_review_on
                    )
                    INSERT INTO review_tasks (id, case_id, household_id, kind, reason, due_on, cause_event_id)
                    SELECT gen_random_uuid(), id, household_id, 'periodic-review',
                           'periodic review (定期核查) every ' || \(months) || ' months', \(today.iso)::date, NULL
                    FROM due RETURNING id
                    """, logger: logger)
                for try await _ in rows.decode(UUID.self) { reviews += 1 }
            }
            // A gradual exit (or a review) that has run its course ends the case.
            try await connection.query("""
                UPDATE cases SET status = 'terminated'
                WHERE status = 'exiting' AND last_month < \(today.yearMonth.firstDay.iso)::date
                """, logger: logger)
            let cutoff = now.addingTimeInterval(-TemporaryAssistance.advanceTarget)
            let late = try await connection.query("""
                UPDATE temporary_cases SET breach_reported = true
                WHERE kind = 'urgent' AND advanced_at IS NULL AND status = 'reported' AND reported_at < \(cutoff) AND NOT breach_reported
                RETURNING id
                """, logger: logger)
            var newlyLate = 0
            for try await _ in late.decode(UUID.self) { newlyLate += 1 }
            if newlyLate > 0 {
                Counter(label: "assistance_advance_target_breaches_total", dimensions: [("when", "not-advanced")]).increment(by: newlyLate)
                logger.warning("urgent cases not advanced within 24 hours", metadata: ["count": "\(newlyLate)"])
            }
            let overdueRows = try await connection.query("""
                SELECT count(*)::int FROM temporary_cases
                WHERE kind = 'urgent' AND advanced_at IS NULL AND status = 'reported' AND reported_at < \(cutoff)
                """, logger: logger)
            var overdue = 0
            for try await count in overdueRows.decode(Int.self) { overdue = count }
            Gauge(label: "assistance_advances_overdue").record(overdue)
            if reviews > 0 { logger.info("periodic reviews due", metadata: ["count": "\(reviews)"]) }
            return (reviews, overdue)
        }
    }
}
