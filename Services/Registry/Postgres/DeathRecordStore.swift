import Contracts
import Foundation
import Logging
import RegistryDomain

/// `death_records`: one per person and one per idempotency key (both unique).
struct DeathRecordStore: RegistryStore {
    let session: StoreSession
    let logger: Logger

    private typealias Row = (UUID, String, String, String, String, String, String)
    private static let select = "SELECT id, resident_id, person_ref, date_of_death::text, region, source, status FROM death_records"

    private static func record(_ row: Row) throws -> DeathRecord {
        let (id, residentID, person, date, region, source, status) = row
        return DeathRecord(id: id, residentID: try ResidentID(residentID), person: try PersonRef(rawValue: person),
                           dateOfDeath: try CivilDate(iso: date), region: try RegionCode(region),
                           source: try DeathCertificateSource(column: "death_records.source", source),
                           status: try DeathRecordStatus(column: "death_records.status", status))
    }

    /// The record, locked for the rest of the transaction when `lock` is set.
    func find(_ id: UUID, lock: Bool = false) async throws -> DeathRecord? {
        let rows = try await query("\(unescaped: Self.select) WHERE id = \(id) \(unescaped: lock ? "FOR UPDATE" : "")")
        for try await row in rows.decode(Row.self) { return try Self.record(row) }
        return nil
    }

    /// The death's recorded region (its region scope, and its funeral subsidy's); nil when unknown.
    func region(of id: UUID) async throws -> RegionCode? {
        for try await region in try await query("SELECT region FROM death_records WHERE id = \(id)").decode(String.self) {
            return try RegionCode(region)
        }
        return nil
    }

    /// Records the death unless its idempotency key or its person is already recorded; whether it did.
    func insertIfNew(id: UUID, _ report: DeathReport, person: PersonRef) async throws -> Bool {
        try await exists("""
            INSERT INTO death_records (id, idempotency_key, resident_id, person_ref, date_of_death, region, source)
            VALUES (\(id), \(report.idempotencyKey), \(report.residentID.rawValue), \(person.rawValue),
                    \(report.dateOfDeath.iso)::date, \(report.region.rawValue), \(report.source.rawValue))
            ON CONFLICT DO NOTHING RETURNING id
            """)
    }

    /// The record that kept a report from being inserted: same idempotency key or same person.
    func conflicting(idempotencyKey: String, person: PersonRef) async throws -> DeathRecord? {
        let rows = try await query("""
            \(unescaped: Self.select) WHERE idempotency_key = \(idempotencyKey) OR person_ref = \(person.rawValue)
            """)
        for try await row in rows.decode(Row.self) { return try Self.record(row) }
        return nil
    }

    /// The recorded (not annulled) deaths of any of `people`.
    func recordedDeaths(of people: [PersonRef]) async throws -> [UUID] {
        let rows = try await query(
            "SELECT id FROM death_records WHERE person_ref = ANY(\(people.map(\.rawValue))) AND status = 'recorded'")
        var records: [UUID] = []
        for try await id in rows.decode(UUID.self) { records.append(id) }
        return records
    }

    func correctDateOfDeath(_ id: UUID, to date: CivilDate) async throws {
        try await query("UPDATE death_records SET date_of_death = \(date.iso)::date WHERE id = \(id)")
    }

    func annul(_ id: UUID) async throws {
        try await query("UPDATE death_records SET status = 'annulled' WHERE id = \(id)")
    }
}
