import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// `elders`: the register's people. All SQL on the table is here; the other ElderCare parts (the
/// allowance, the waiting list, assessments) read people through ``find(_:on:logger:)`` and
/// ``vitals(of:on:logger:)``.
enum ElderStore {
    /// What the other parts of ElderCare need about a registered person, without personal data.
    struct Vitals: Sendable, Hashable {
        let person: PersonRef
        let birthDate: CivilDate
        let region: RegionCode
        let registeredOn: CivilDate
        let status: ElderRecord.Status
        let dateOfDeath: CivilDate?
    }

    /// Stores a new person; false when the person (or the resident ID) is registered already.
    static func insert(_ elder: ElderRecord, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let contacts = String(decoding: try JSONEncoder().encode(elder.contacts), as: UTF8.self)
        let rows = try await connection.query("""
            INSERT INTO elders (person_ref, resident_id, name, address, phone, contacts, birth_date, region, registered_on,
                                status, date_of_death, death_record_id, disability_grade, capability_level)
            VALUES (\(elder.person.rawValue), \(elder.residentID.rawValue), \(elder.name), \(elder.address), \(elder.phone),
                    \(contacts)::jsonb, \(elder.birthDate.iso)::date, \(elder.region.rawValue), \(elder.registeredOn.iso)::date,
                    \(elder.status.rawValue), \(elder.dateOfDeath?.iso)::date, \(elder.deathRecordID),
                    \(elder.disabilityGrade.map { Int16($0.rawValue) }), \(elder.capability.map { Int16($0.rawValue) }))
            ON CONFLICT DO NOTHING RETURNING person_ref
            """, logger: logger)
        for try await _ in rows.decode(String.self) { return true }
        return false
    }

    private static let columns = """
        person_ref, resident_id, name, address, phone, contacts::text, region, registered_on::text, status,
        date_of_death::text, death_record_id, disability_grade, capability_level
        """
    private typealias Row = (String, String, String, String, String?, String, String, String, String, String?, UUID?, Int16?, Int16?)

    /// The person's record, or nil when not registered.
    static func find(_ person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> ElderRecord? {
        let rows = try await connection.query("SELECT \(unescaped: columns) FROM elders WHERE person_ref = \(person.rawValue)", logger: logger)
        for try await row in rows.decode(Row.self) { return try record(row) }
        return nil
    }

    /// The record, locked for the rest of the transaction; nil when not registered.
    static func lock(_ person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> ElderRecord? {
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM elders WHERE person_ref = \(person.rawValue) FOR UPDATE
            """, logger: logger)
        for try await row in rows.decode(Row.self) { return try record(row) }
        return nil
    }

    /// The record, locked; refuses `elder.not-found` (404) when the person is not registered.
    static func require(_ person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> ElderRecord {
        guard let elder = try await lock(person, on: connection, logger: logger) else { throw notFound(person) }
        return elder
    }

    static func notFound(_ person: PersonRef) -> RuleViolation {
        RuleViolation("elder.not-found", "\(person) is not in the elder register", kind: .notFound)
    }

    /// Birth date, region, registration day and status, without personal data; nil when not registered.
    static func vitals(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> Vitals? {
        let rows = try await connection.query("""
            SELECT birth_date::text, region, registered_on::text, status, date_of_death::text FROM elders
            WHERE person_ref = \(person.rawValue)
            """, logger: logger)
        for try await (birth, region, registered, status, death) in rows.decode((String, String, String, String, String?).self) {
            return Vitals(person: person, birthDate: try CivilDate(iso: birth), region: try RegionCode(region),
                          registeredOn: try CivilDate(iso: registered), status: try self.status(status),
                          dateOfDeath: try death.map { text throws in try CivilDate(iso: text) })
        }
        return nil
    }

    /// The region a person's record lies in, for region scope; nil when not registered.
    static func region(of person: PersonRef, in database: PostgresClient, logger: Logger) async throws -> RegionCode? {
        let rows = try await database.query("SELECT region FROM elders WHERE person_ref = \(person.rawValue)", logger: logger)
        for try await region in rows.decode(String.self) { return try RegionCode(region) }
        return nil
    }

    /// The people living within `region` (prefix), optionally only those in `category` now, by
    /// region then person ref, at most `limit`.
    static func list(within region: RegionCode, category: KeyCategory?, limit: Int = 500,
                     on connection: PostgresConnection, logger: Logger) async throws -> [ElderRecord] {
        let prefix = String(region.significantPrefix) + "%"
        let category = category?.rawValue
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM elders e
            WHERE e.region LIKE \(prefix)
              AND (\(category)::text IS NULL OR EXISTS (
                    SELECT 1 FROM elder_category_memberships m WHERE m.person_ref = e.person_ref AND m.category = \(category)))
            ORDER BY e.region, e.person_ref LIMIT \(limit)
            """, logger: logger)
        var elders: [ElderRecord] = []
        for try await row in rows.decode(Row.self) { elders.append(try record(row)) }
        return elders
    }

    /// Writes the record's changeable columns (status and death, disability grade, capability).
    static func update(_ elder: ElderRecord, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE elders SET status = \(elder.status.rawValue), date_of_death = \(elder.dateOfDeath?.iso)::date,
                   death_record_id = \(elder.deathRecordID), disability_grade = \(elder.disabilityGrade.map { Int16($0.rawValue) }),
                   capability_level = \(elder.capability.map { Int16($0.rawValue) })
            WHERE person_ref = \(elder.person.rawValue)
            """, logger: logger)
    }

    private static func record(_ row: Row) throws -> ElderRecord {
        let contacts = try JSONDecoder().decode([ElderContact].self, from: Data(row.5.utf8))
        return ElderRecord(
            person: try PersonRef(rawValue: row.0), residentID: try ResidentID(row.1), name: row.2, address: row.3, phone: row.4,
            contacts: contacts, region: try RegionCode(row.6), registeredOn: try CivilDate(iso: row.7), status: try status(row.8),
            dateOfDeath: try row.9.map { text throws in try CivilDate(iso: text) }, deathRecordID: row.10,
            disabilityGrade: try row.11.map { grade throws in try DisabilityCertificateGrade(grade: Int(grade)) },
            capability: try row.12.map { level throws in
                guard let value = CapabilityLevel(rawValue: Int(level)) else { throw StoredValueError(column: "elders.capability_level", value: "\(level)") }
                return value
            })
    }

    private static func status(_ text: String) throws -> ElderRecord.Status {
        guard let status = ElderRecord.Status(rawValue: text) else { throw StoredValueError(column: "elders.status", value: text) }
        return status
    }
}

/// A stored value this version does not understand (a migration and the code disagree).
struct StoredValueError: Error, CustomStringConvertible {
    let column: String
    let value: String
    var description: String { "unexpected value \(value) in \(column)" }
}
