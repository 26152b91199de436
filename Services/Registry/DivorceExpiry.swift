import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Civil Code art. 1077 para. 2: an application nobody came to register within the
/// window counts as withdrawn. This job records that and publishes
/// `divorce-withdrawn` (reason `expired`) so other bureaus learn it too.
enum DivorceExpiry {
    static func job(_ dependencies: ServiceDependencies, clock: ServiceClock, interval: Duration) -> PeriodicJob {
        PeriodicJob(name: "divorce-expiry", interval: interval, logger: dependencies.logger) {
            try await sweep(dependencies, today: clock.today())
        }
    }

    /// Closes every application whose window ended before `today`; returns how many.
    @discardableResult
    static func sweep(_ dependencies: ServiceDependencies, today: CivilDate) async throws -> Int {
        let logger = dependencies.logger
        return try await dependencies.database.transaction(logger: logger) { connection in
            let rows = try await connection.query("""
                UPDATE divorce_applications SET outcome = 'withdrawn', outcome_on = window_end + 1
                WHERE outcome IS NULL AND window_end < \(today.iso)::date
                RETURNING id, marriage_id, (window_end + 1)::text
                """, logger: logger)
            var expired: [(UUID, UUID, String)] = []
            for try await row in rows.decode((UUID, UUID, String).self) { expired.append(row) }
            for (application, marriage, day) in expired {
                try await Outbox.append(
                    DivorceWithdrawn(applicationID: application, marriageID: marriage, withdrawnOn: try CivilDate(iso: day),
                                     reason: .expired, byParty: nil),
                    source: dependencies.source, on: connection, logger: logger)
            }
            if !expired.isEmpty { logger.info("divorce applications expired", metadata: ["count": "\(expired.count)"]) }
            return expired.count
        }
    }
}
