import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// A wrongly recorded death: the record stays for audit, marked annulled, its free basic funeral
/// grant is revoked, and `death-record-annulled` lets other bureaus undo what they did.
enum AnnulDeath {
    static func run(_ id: UUID, reason: String, dependencies: ServiceDependencies, logger: Logger) async throws -> DeathRecord {
        try await dependencies.database.transaction(logger: logger) { connection in
            let deaths = DeathRecordStore(connection, logger: logger)
            var record = try await deaths.lockRecorded(id)
            try await deaths.annul(id)
            try await FuneralGrantStore(connection, logger: logger).revoke(deathRecord: id)
            try await Outbox.append(
                DeathRecordAnnulled(recordID: id, person: record.person, annulledDateOfDeath: record.dateOfDeath,
                                    annulledAt: Date(), reason: reason),
                source: dependencies.source, on: connection, logger: logger)
            record.status = .annulled
            return record
        }
    }
}
