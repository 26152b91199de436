import Contracts
import Foundation
import Hummingbird
import Persistence
import PostgresNIO
import ServiceKit

/// `POST /deaths` records a death and publishes `death-recorded` through the outbox;
/// `GET /deaths/{id}` returns the record (with the resident ID: this is the Registry's own API).
enum DeathRoutes {
    struct Record: ResponseEncodable {
        var recordId: UUID
        var residentId: String
        var personRef: String
        var dateOfDeath: String
        var region: String
        var source: String
        /// `recorded`, `annulled`, or `already-recorded` when the same death was reported before.
        var status: String
    }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies, policy: FuneralPolicy) {
        router.post("/deaths") { request, context -> EditedResponse<Record> in
            let body = try await request.decode(as: DeathReport.Request.self, context: context)
            let report = try DeathReport.validate(body, today: .today())
            let record = try await record(report, dependencies: dependencies, policy: policy, logger: context.logger)
            return EditedResponse(status: record.status == "recorded" ? .created : .ok, response: record)
        }
        router.get("/deaths/:id") { _, context -> Record in
            guard let id = context.parameters.get("id", as: UUID.self) else {
                throw Problem.badRequest("request.invalid-id", "the record id must be a UUID")
            }
            let rows = try await dependencies.database.query(
                "\(unescaped: selectRecord) WHERE id = \(id)", logger: context.logger)
            for try await row in rows.decode(RecordRow.self) { return Record(row) }
            throw Problem.notFound("death.not-found", "no death record \(id)")
        }
        FuneralRoutes.register(router, dependencies, policy: policy)
    }

    typealias RecordRow = (UUID, String, String, String, String, String, String)
    static let selectRecord = "SELECT id, resident_id, person_ref, date_of_death::text, region, source, status FROM death_records"

    /// One transaction: the record and its event, or neither. A repeated report
    /// (same idempotency key, or the same person) returns the existing record.
    static func record(
        _ report: DeathReport, dependencies: ServiceDependencies, policy: FuneralPolicy, logger: Logger
    ) async throws -> Record {
        let person = PersonRef.derive(from: report.residentID, key: dependencies.personRefKey)
        return try await dependencies.database.transaction(logger: logger) { connection in
            let id = UUID()
            let inserted = try await connection.query("""
                INSERT INTO death_records (id, idempotency_key, resident_id, person_ref, date_of_death, region, source)
                VALUES (\(id), \(report.idempotencyKey), \(report.residentID.rawValue), \(person.rawValue),
                        \(report.dateOfDeath.iso)::date, \(report.region.rawValue), \(report.source.rawValue))
                ON CONFLICT DO NOTHING RETURNING id
                """, logger: logger)
            var created = false
            for try await _ in inserted { created = true }
            if created {
                let event = DeathRecorded(recordID: id, person: person, dateOfDeath: report.dateOfDeath,
                                          region: report.region, source: report.source, recordedAt: Date())
                let envelope = try await Outbox.append(event, source: dependencies.source, on: connection, logger: logger)
                try await FuneralGrants.evaluate(deathRecord: id, policy: policy, source: dependencies.source,
                                                 causationID: envelope.id, on: connection, logger: logger)
                return Record(id: id, report: report, person: person, status: "recorded")
            }
            let existing = try await connection.query("""
                \(unescaped: selectRecord) WHERE idempotency_key = \(report.idempotencyKey) OR person_ref = \(person.rawValue)
                """, logger: logger)
            for try await row in existing.decode(RecordRow.self) {
                var record = Record(row)
                record.status = "already-recorded"
                guard record.personRef == person.rawValue else {
                    throw RuleViolation("request.idempotency-key-reused",
                                        "idempotencyKey was already used for another person's death", kind: .conflict)
                }
                guard record.dateOfDeath == report.dateOfDeath.iso else {
                    throw RuleViolation("death.already-recorded",
                                        "a death on \(record.dateOfDeath) is already recorded for this person", kind: .conflict)
                }
                return record
            }
            throw RuleViolation("death.conflict", "the death could not be recorded; retry", kind: .conflict)
        }
    }
}

extension DeathRoutes.Record {
    init(_ row: DeathRoutes.RecordRow) {
        self.init(recordId: row.0, residentId: row.1, personRef: row.2, dateOfDeath: row.3, region: row.4,
                  source: row.5, status: row.6)
    }

    init(id: UUID, report: DeathReport, person: PersonRef, status: String) {
        self.init(recordId: id, residentId: report.residentID.rawValue, personRef: person.rawValue,
                  dateOfDeath: report.dateOfDeath.iso, region: report.region.rawValue,
                  source: report.source.rawValue, status: status)
    }
}
