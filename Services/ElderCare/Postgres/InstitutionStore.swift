import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// `institutions`: filings, grades and beds by type with their occupancy.
enum InstitutionStore {
    static func insert(_ stored: StoredInstitution, on connection: PostgresConnection, logger: Logger) async throws {
        let institution = stored.institution
        try await connection.query("""
            INSERT INTO institutions (id, name, operator_code, ownership, kind, region, filed_on)
            VALUES (\(stored.id), \(institution.name), \(institution.operatorCode.rawValue), \(institution.ownership.rawValue),
                    \(institution.kind.rawValue), \(institution.region.rawValue), \(institution.filedOn.iso)::date)
            """, logger: logger)
    }

    private static let columns = """
        id, name, operator_code, ownership, kind, region, filed_on::text, grade, graded_on::text,
        nursing_beds, nursing_occupied, dementia_beds, dementia_occupied, general_beds, general_occupied, beds_changed_on::text
        """

    private typealias Row = (UUID, String, String, String, String, String, String, Int?, String?, Int, Int, Int, Int, Int, Int, String?)

    /// Refuses `institution.not-found` (404); `forUpdate` locks the row for the rest of the transaction.
    static func load(_ id: UUID, forUpdate: Bool, on connection: PostgresConnection, logger: Logger) async throws -> StoredInstitution {
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM institutions WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)
        for try await row in rows.decode(Row.self) { return try institution(row) }
        throw RuleViolation("institution.not-found", "no institution \(id)", kind: .notFound)
    }

    /// The institutions within `region`, by name.
    static func institutions(within region: RegionCode, on connection: PostgresConnection, logger: Logger) async throws -> [StoredInstitution] {
        let prefix = String(region.significantPrefix)
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM institutions WHERE starts_with(region, \(prefix)) ORDER BY name, id
            """, logger: logger)
        var found: [StoredInstitution] = []
        for try await row in rows.decode(Row.self) { found.append(try institution(row)) }
        return found
    }

    /// The region an institution is judged by for region scope: where it stands. Nil when there is no such institution.
    static func region(of id: UUID, in database: PostgresClient, logger: Logger) async throws -> RegionCode? {
        let rows = try await database.query("SELECT region FROM institutions WHERE id = \(id)", logger: logger)
        for try await region in rows.decode(String.self) { return try RegionCode(region) }
        return nil
    }

    static func saveGrade(_ id: UUID, _ grade: InstitutionGrade, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE institutions SET grade = \(grade.grade), graded_on = \(grade.awardedOn.iso)::date WHERE id = \(id)
            """, logger: logger)
    }

    /// Writes every type's beds and occupancy; `changedOn` is kept when nil (an admission or discharge).
    static func saveBeds(_ id: UUID, _ beds: BedInventory, changedOn: CivilDate?, on connection: PostgresConnection,
                         logger: Logger) async throws {
        try await connection.query("""
            UPDATE institutions SET
                nursing_beds = \(beds.beds(.nursing)), nursing_occupied = \(beds.occupied(.nursing)),
                dementia_beds = \(beds.beds(.dementia)), dementia_occupied = \(beds.occupied(.dementia)),
                general_beds = \(beds.beds(.general)), general_occupied = \(beds.occupied(.general)),
                beds_changed_on = coalesce(\(changedOn?.iso)::date, beds_changed_on)
            WHERE id = \(id)
            """, logger: logger)
    }

    private static func institution(_ row: Row) throws -> StoredInstitution {
        guard let ownership = InstitutionOwnership(rawValue: row.3) else { throw PlacementStoreError(column: "institutions.ownership", value: row.3) }
        guard let kind = InstitutionKind(rawValue: row.4) else { throw PlacementStoreError(column: "institutions.kind", value: row.4) }
        let beds = try BedInventory([.nursing: (row.9, row.10), .dementia: (row.11, row.12), .general: (row.13, row.14)])
        var institution = try ElderCareInstitution(name: row.1, operatorCode: try CreditCode(row.2), ownership: ownership, kind: kind,
                                                   region: try RegionCode(row.5), filedOn: try CivilDate(iso: row.6), beds: beds)
        if let grade = row.7, let awarded = row.8 {
            try institution.grade(try InstitutionGrade(grade: grade, awardedOn: try CivilDate(iso: awarded)))
        }
        return StoredInstitution(id: row.0, institution: institution, bedsChangedOn: try row.15.map { text throws in try CivilDate(iso: text) })
    }
}
