import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// Corrects the date of death of a recorded death (e.g. a mistyped medical certificate) with
/// `death-record-corrected`, and decides the free basic funeral again. The same date again
/// changes nothing and publishes nothing.
enum CorrectDeath {
    static func run(
        _ id: UUID, dateOfDeath date: CivilDate, reason: String, dependencies: ServiceDependencies, policy: FuneralPolicy, logger: Logger
    ) async throws -> DeathRecord {
        try await dependencies.database.transaction(logger: logger) { connection in
            let deaths = DeathRecordStore(connection, logger: logger)
            var record = try await deaths.lockRecorded(id)
            try DeathReport.checkDate(date, of: record.residentID, today: .today())
            let previous = record.dateOfDeath
            guard previous != date else { return record }
            try await deaths.correctDateOfDeath(id, to: date)
            let envelope = try await Outbox.append(
                DeathRecordCorrected(recordID: id, person: record.person, previousDateOfDeath: previous, dateOfDeath: date,
                                     region: record.region, correctedAt: Date(), reason: reason),
                source: dependencies.source, on: connection, logger: logger)
            try await GrantFreeBasicFuneral.run(deathRecord: id, policy: policy, source: dependencies.source, causationID: envelope.id,
                                                connection: connection, logger: logger)
            record.dateOfDeath = date
            return record
        }
    }
}
