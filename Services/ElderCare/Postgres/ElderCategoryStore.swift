import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// The register's category tables: categories caseworkers recorded
/// (`elder_recorded_categories`), Assistance's coverage of anyone (`elder_assistance_coverage`)
/// and the memberships last computed (`elder_category_memberships`, see ElderRegisterMigrations
/// for why they are materialised).
enum ElderCategoryStore {
    /// A category the register holds for a person now, where it comes from and since when.
    struct Membership: Sendable, Hashable {
        enum Origin: String, Sendable, Hashable, Codable {
            /// Followed from another record (age, Assistance's coverage, the disability grade, the assessment).
            case derived
            /// Recorded by a caseworker.
            case recorded
        }

        let category: KeyCategory
        let origin: Origin
        let since: CivilDate
    }

    /// A recorded category with its row id (the id a caseworker ends it by).
    struct StoredRecord: Sendable, Hashable {
        let id: UUID
        var record: RecordedCategory
    }

    // MARK: Recorded categories

    static func insert(_ record: RecordedCategory, id: UUID, person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws
        -> Bool {
        let rows = try await connection.query("""
            INSERT INTO elder_recorded_categories (id, person_ref, category, effective_from, evidence_kind, evidence_reference, recorded_by)
            VALUES (\(id), \(person.rawValue), \(record.category.rawValue), \(record.effectiveFrom.iso)::date,
                    \(record.evidence.kind.rawValue), \(record.evidence.reference), \(record.recordedBy))
            ON CONFLICT DO NOTHING RETURNING id
            """, logger: logger)
        for try await _ in rows.decode(UUID.self) { return true }
        return false
    }

    private typealias RecordRow = (UUID, String, String, String, String, String, String?, String?)

    /// Every category recorded for the person, ended ones included, oldest first.
    static func recorded(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> [StoredRecord] {
        let rows = try await connection.query("""
            SELECT id, category, effective_from::text, evidence_kind, evidence_reference, recorded_by, ended_on::text, end_reason
            FROM elder_recorded_categories WHERE person_ref = \(person.rawValue) ORDER BY recorded_at, id
            """, logger: logger)
        var records: [StoredRecord] = []
        for try await row in rows.decode(RecordRow.self) { records.append(try storedRecord(row)) }
        return records
    }

    /// Marks the record ended (its end date and reason were set by ``RecordedCategory/end(on:reason:)``).
    static func end(_ stored: StoredRecord, by userID: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE elder_recorded_categories
            SET ended_on = \(stored.record.endedOn?.iso)::date, end_reason = \(stored.record.endReason), ended_by = \(userID)
            WHERE id = \(stored.id)
            """, logger: logger)
    }

    private static func storedRecord(_ row: RecordRow) throws -> StoredRecord {
        guard let category = KeyCategory(rawValue: row.1) else { throw StoredValueError(column: "elder_recorded_categories.category", value: row.1) }
        guard let kind = CategoryEvidence.Kind(rawValue: row.3) else {
            throw StoredValueError(column: "elder_recorded_categories.evidence_kind", value: row.3)
        }
        var record = try RecordedCategory(category: category, effectiveFrom: try CivilDate(iso: row.2),
                                          evidence: try CategoryEvidence(kind: kind, reference: row.4), recordedBy: row.5)
        if let ended = row.6 { try record.end(on: try CivilDate(iso: ended), reason: row.7 ?? "") }
        return StoredRecord(id: row.0, record: record)
    }

    // MARK: Assistance coverage

    /// Keeps a grant's coverage for each recipient; a repeated grant of the case changes nothing.
    static func cover(case caseID: UUID, program: AssistanceProgram, people: [PersonRef], from startsOn: CivilDate,
                      on connection: PostgresConnection, logger: Logger) async throws {
        for person in people {
            try await connection.query("""
                INSERT INTO elder_assistance_coverage (case_id, person_ref, program, starts_on)
                VALUES (\(caseID), \(person.rawValue), \(program.rawValue), \(startsOn.iso)::date)
                ON CONFLICT (case_id, person_ref) DO NOTHING
                """, logger: logger)
        }
    }

    /// Ends the case's coverage of each recipient on its last covered day (kept even for a case
    /// whose grant this service never saw, so that the end is known).
    static func endCoverage(case caseID: UUID, program: AssistanceProgram, people: [PersonRef], lastCoveredDay: CivilDate,
                            on connection: PostgresConnection, logger: Logger) async throws {
        for person in people {
            try await connection.query("""
                INSERT INTO elder_assistance_coverage (case_id, person_ref, program, starts_on, last_covered_day)
                VALUES (\(caseID), \(person.rawValue), \(program.rawValue), \(lastCoveredDay.iso)::date, \(lastCoveredDay.iso)::date)
                ON CONFLICT (case_id, person_ref) DO UPDATE
                SET last_covered_day = EXCLUDED.last_covered_day,
                    starts_on = LEAST(elder_assistance_coverage.starts_on, EXCLUDED.last_covered_day)
                """, logger: logger)
        }
    }

    static func coverage(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> [AssistanceCoverage] {
        let rows = try await connection.query("""
            SELECT program, starts_on::text, last_covered_day::text FROM elder_assistance_coverage
            WHERE person_ref = \(person.rawValue) ORDER BY starts_on, case_id
            """, logger: logger)
        var coverage: [AssistanceCoverage] = []
        for try await (program, starts, last) in rows.decode((String, String, String?).self) {
            guard let program = AssistanceProgram(rawValue: program) else {
                throw StoredValueError(column: "elder_assistance_coverage.program", value: program)
            }
            coverage.append(try AssistanceCoverage(program: program, startsOn: try CivilDate(iso: starts),
                                                   lastCoveredDay: try last.map { text throws in try CivilDate(iso: text) }))
        }
        return coverage
    }

    // MARK: Memberships

    static func memberships(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> [Membership] {
        let rows = try await connection.query("""
            SELECT category, origin, since::text FROM elder_category_memberships WHERE person_ref = \(person.rawValue)
            """, logger: logger)
        var memberships: [Membership] = []
        for try await row in rows.decode((String, String, String).self) { memberships.append(try membership(row)) }
        return memberships.sorted { $0.category < $1.category }
    }

    /// The memberships of many people at once (a listing's page).
    static func memberships(of people: [PersonRef], on connection: PostgresConnection, logger: Logger) async throws -> [PersonRef: [Membership]] {
        guard !people.isEmpty else { return [:] }
        let refs = people.map(\.rawValue)
        let rows = try await connection.query("""
            SELECT person_ref, category, origin, since::text FROM elder_category_memberships WHERE person_ref = ANY(\(refs))
            """, logger: logger)
        var result: [PersonRef: [Membership]] = [:]
        for try await (person, category, origin, since) in rows.decode((String, String, String, String).self) {
            result[try PersonRef(rawValue: person), default: []].append(try membership((category, origin, since)))
        }
        return result.mapValues { $0.sorted { $0.category < $1.category } }
    }

    static func add(_ membership: Membership, person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO elder_category_memberships (person_ref, category, origin, since)
            VALUES (\(person.rawValue), \(membership.category.rawValue), \(membership.origin.rawValue), \(membership.since.iso)::date)
            ON CONFLICT (person_ref, category) DO UPDATE SET origin = EXCLUDED.origin
            """, logger: logger)
    }

    static func remove(_ category: KeyCategory, person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            DELETE FROM elder_category_memberships WHERE person_ref = \(person.rawValue) AND category = \(category.rawValue)
            """, logger: logger)
    }

    private static func membership(_ row: (String, String, String)) throws -> Membership {
        guard let category = KeyCategory(rawValue: row.0) else { throw StoredValueError(column: "elder_category_memberships.category", value: row.0) }
        guard let origin = Membership.Origin(rawValue: row.1) else {
            throw StoredValueError(column: "elder_category_memberships.origin", value: row.1)
        }
        return Membership(category: category, origin: origin, since: try CivilDate(iso: row.2))
    }
}
