import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// Civil Code art. 1077 para. 2: an application nobody came to register within the window counts
/// as withdrawn (未申请的，视为撤回离婚登记申请). A periodic job records that and publishes
/// `divorce-withdrawn` (reason expired) so other bureaus learn it too; the Registry's own answers
/// already follow from the calendar (`DivorceByAgreement.status(on:)`).
enum ExpireDivorceApplications {
    static func job(_ dependencies: ServiceDependencies, clock: ServiceClock, interval: Duration) -> PeriodicJob {
        PeriodicJob(name: "divorce-expiry", interval: interval, logger: dependencies.logger) {
            try await run(dependencies, today: clock.today())
        }
    }

    /// Closes every application whose window ended before `today`; returns how many.
    @discardableResult
    static func run(_ dependencies: ServiceDependencies, today: CivilDate) async throws -> Int {
        let logger = dependencies.logger
        return try await dependencies.database.transaction(logger: logger) { connection in
            let expired = try await DivorceApplicationStore(connection, logger: logger).expireWindowsEndedBefore(today)
            for (application, marriage, withdrawnOn) in expired {
                try await Outbox.append(
                    DivorceWithdrawn(applicationID: application, marriageID: marriage, withdrawnOn: withdrawnOn, reason: .expired, byParty: nil),
                    source: dependencies.source, on: connection, logger: logger)
            }
            if !expired.isEmpty { logger.info("divorce applications expired", metadata: ["count": "\(expired.count)"]) }
            return expired.count
        }
    }
}
