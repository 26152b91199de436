import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// One party withdraws a divorce application during cooling-off (Civil Code art. 1077 para. 1);
/// `divorce-withdrawn` (reason party) is published.
enum WithdrawDivorceApplication {
    static func run(
        _ id: UUID, by party: ResidentID, dependencies: ServiceDependencies, today: CivilDate, logger: Logger
    ) async throws -> DivorceApplicationRecord {
        try await dependencies.database.transaction(logger: logger) { connection in
            let applications = DivorceApplicationStore(connection, logger: logger)
            guard var application = try await applications.find(id, lock: true) else { throw RuleViolation.divorceNotFound(id) }
            try application.divorce.withdraw(by: party, on: today)
            try await applications.recordWithdrawal(id, by: party, on: today)
            try await Outbox.append(
                DivorceWithdrawn(applicationID: id, marriageID: application.marriageID, withdrawnOn: today, reason: .party,
                                 byParty: PersonRef.derive(from: party, key: dependencies.personRefKey)),
                source: dependencies.source, on: connection, logger: logger)
            return application
        }
    }
}
