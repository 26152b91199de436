import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// Records a reported death with `death-recorded`, and decides its free basic funeral, in one
/// transaction. A repeated report (same idempotency key, or the same person and date) returns the
/// existing record and writes nothing.
enum RecordDeath {
    static func run(
        _ report: DeathReport, dependencies: ServiceDependencies, policy: FuneralPolicy, logger: Logger
    ) async throws -> (record: DeathRecord, isNew: Bool) {
        let person = PersonRef.derive(from: report.residentID, key: dependencies.personRefKey)
        return try await dependencies.database.transaction(logger: logger) { connection in
            let deaths = DeathRecordStore(connection, logger: logger)
            let id = UUID()
            if try await deaths.insertIfNew(id: id, report, person: person) {
                let event = DeathRecorded(recordID: id, person: person, dateOfDeath: report.dateOfDeath,
                                          region: report.region, source: report.source, recordedAt: Date())
                let envelope = try await Outbox.append(event, source: dependencies.source, on: connection, logger: logger)
                try await GrantFreeBasicFuneral.run(deathRecord: id, policy: policy, source: dependencies.source,
                                                    causationID: envelope.id, connection: connection, logger: logger)
                let record = DeathRecord(id: id, residentID: report.residentID, person: person, dateOfDeath: report.dateOfDeath,
                                         region: report.region, source: report.source, status: .recorded)
                return (record, true)
            }
            guard let existing = try await deaths.conflicting(idempotencyKey: report.idempotencyKey, person: person) else {
                // The conflicting row went away between the two statements.
                throw RuleViolation("death.conflict", "the death could not be recorded; retry", kind: .conflict)
            }
            try report.checkRepeat(reportedPerson: person, recordedPerson: existing.person, recordedDateOfDeath: existing.dateOfDeath)
            return (existing, false)
        }
    }
}
