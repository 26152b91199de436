import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// `waiting_list`: applications for public institutions, from application to discharge.
enum WaitingListStore {
    /// Refuses `waiting-list.already-open` (409) when the person has an open application.
    static func insert(_ stored: StoredWaitingListEntry, on connection: PostgresConnection, logger: Logger) async throws {
        let rows = try await connection.query("""
            INSERT INTO waiting_list (id, person_ref, region, applied_at, entry, circumstances, state)
            VALUES (\(stored.id), \(stored.entry.person.rawValue), \(stored.region.rawValue), \(stored.entry.appliedAt),
                    \(try PlacementJSON.text(stored.entry))::jsonb, \(try PlacementJSON.text(stored.circumstances))::jsonb,
                    \(stored.entry.state.name))
            ON CONFLICT (person_ref) WHERE state NOT IN ('discharged', 'withdrawn', 'removed') DO NOTHING
            RETURNING id
            """, logger: logger)
        for try await _ in rows.decode(UUID.self) { return }
        throw RuleViolation("waiting-list.already-open", "the person already has an open application", kind: .conflict)
    }

    /// Writes the entry's state and placement.
    static func save(_ stored: StoredWaitingListEntry, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE waiting_list SET entry = \(try PlacementJSON.text(stored.entry))::jsonb, state = \(stored.entry.state.name),
                institution_id = \(stored.institution), bed_type = \(stored.bed?.rawValue), placed_priority = \(stored.placedPriority?.name),
                centralised_support = \(stored.centralisedSupport)
            WHERE id = \(stored.id)
            """, logger: logger)
    }

    private static let columns = """
        w.id, w.region, w.entry::text, w.circumstances::text, w.institution_id, w.bed_type, w.placed_priority, w.centralised_support,
        (SELECT a.level FROM assessments a WHERE a.person_ref = w.person_ref ORDER BY a.assessed_on DESC, a.recorded_at DESC LIMIT 1)
        """

    private typealias Row = (UUID, String, String, String, UUID?, String?, String?, Bool, String?)

    /// Refuses `waiting-list.not-found` (404); `forUpdate` locks the row for the rest of the transaction.
    static func load(_ id: UUID, forUpdate: Bool, on connection: PostgresConnection, logger: Logger) async throws -> StoredWaitingListEntry {
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM waiting_list w WHERE w.id = \(id) \(unescaped: forUpdate ? "FOR UPDATE OF w" : "")
            """, logger: logger)
        for try await row in rows.decode(Row.self) { return try entry(row) }
        throw RuleViolation("waiting-list.not-found", "no waiting-list application \(id)", kind: .notFound)
    }

    /// The person's applications that are not closed, locked; with `includingClosed`, the
    /// discharged and removed ones too (the caller picks those a death closed).
    static func entries(of person: PersonRef, includingClosed: Bool = false, on connection: PostgresConnection,
                        logger: Logger) async throws -> [StoredWaitingListEntry] {
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM waiting_list w
            WHERE w.person_ref = \(person.rawValue)
              AND (w.state NOT IN ('discharged', 'withdrawn', 'removed')
                   OR (\(includingClosed) AND w.state IN ('discharged', 'removed')))
            ORDER BY w.applied_at FOR UPDATE OF w
            """, logger: logger)
        var found: [StoredWaitingListEntry] = []
        for try await row in rows.decode(Row.self) { found.append(try entry(row)) }
        return found
    }

    /// The applications within `region` in the given states, in no particular order.
    static func entries(within region: RegionCode, states: [String], on connection: PostgresConnection,
                        logger: Logger) async throws -> [StoredWaitingListEntry] {
        let prefix = String(region.significantPrefix)
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM waiting_list w WHERE starts_with(w.region, \(prefix)) AND w.state = ANY(\(states))
            """, logger: logger)
        var found: [StoredWaitingListEntry] = []
        for try await row in rows.decode(Row.self) { found.append(try entry(row)) }
        return found
    }

    /// Beds of `bed` type in `institution` held by outstanding offers, other than `excluding`'s.
    static func outstandingOffers(institution: UUID, bed: BedType, excluding: UUID?, on connection: PostgresConnection,
                                  logger: Logger) async throws -> Int {
        let rows = try await connection.query("""
            SELECT count(*)::int FROM waiting_list
            WHERE institution_id = \(institution) AND bed_type = \(bed.rawValue) AND state = 'offered' AND id IS DISTINCT FROM \(excluding)
            """, logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    /// Beds of each type in `institution` occupied by people placed from the waiting list.
    static func placements(in institution: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [BedType: Int] {
        let rows = try await connection.query("""
            SELECT bed_type, count(*)::int FROM waiting_list
            WHERE institution_id = \(institution) AND state IN ('admitted', 'resident') GROUP BY bed_type
            """, logger: logger)
        var placed: [BedType: Int] = [:]
        for try await (type, count) in rows.decode((String, Int).self) {
            guard let bed = BedType(rawValue: type) else { throw PlacementStoreError(column: "waiting_list.bed_type", value: type) }
            placed[bed] = count
        }
        return placed
    }

    /// The region an application is judged by for region scope. Nil when there is no such application.
    static func region(of id: UUID, in database: PostgresClient, logger: Logger) async throws -> RegionCode? {
        let rows = try await database.query("SELECT region FROM waiting_list WHERE id = \(id)", logger: logger)
        for try await region in rows.decode(String.self) { return try RegionCode(region) }
        return nil
    }

    private static func entry(_ row: Row) throws -> StoredWaitingListEntry {
        let bed = try row.5.map { text throws in
            guard let bed = BedType(rawValue: text) else { throw PlacementStoreError(column: "waiting_list.bed_type", value: text) }
            return bed
        }
        let placed = try row.6.map { name throws in
            guard let priority = PriorityClass.allCases.first(where: { $0.name == name }) else {
                throw PlacementStoreError(column: "waiting_list.placed_priority", value: name)
            }
            return priority
        }
        return StoredWaitingListEntry(
            id: row.0, region: try RegionCode(row.1), entry: try PlacementJSON.decode(WaitingListEntry.self, from: row.2),
            circumstances: try PlacementJSON.decode(ApplicantCircumstances.self, from: row.3), institution: row.4, bed: bed,
            placedPriority: placed, centralisedSupport: row.7, latestLevel: try row.8.map(AssessmentStore.level(named:)))
    }
}
