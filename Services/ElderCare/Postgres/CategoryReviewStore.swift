import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// `category_reviews`: a registered person's 独居/空巢 to look at again after a change of marital status.
enum CategoryReviewStore {
    struct Review: Sendable, Hashable {
        let id: UUID
        let person: PersonRef
        let region: RegionCode
        let reason: String
        let categories: [KeyCategory]
        let openedOn: CivilDate
        let clearedOn: CivilDate?
        let clearedBy: String?
        let outcome: String?
    }

    /// Opens one review per event and person; false when the event opened it before.
    @discardableResult
    static func open(person: PersonRef, cause: UUID, reason: String, categories: Set<KeyCategory>, on date: CivilDate,
                     on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let names = categories.sorted().map(\.rawValue)
        let rows = try await connection.query("""
            INSERT INTO category_reviews (id, person_ref, cause_event_id, reason, categories, opened_on)
            VALUES (\(UUID()), \(person.rawValue), \(cause), \(reason), \(names), \(date.iso)::date)
            ON CONFLICT (cause_event_id, person_ref) DO NOTHING RETURNING id
            """, logger: logger)
        for try await _ in rows.decode(UUID.self) { return true }
        return false
    }

    private static let columns = """
        r.id, r.person_ref, e.region, r.reason, r.categories, r.opened_on::text, r.cleared_on::text, r.cleared_by, r.outcome
        """
    private typealias Row = (UUID, String, String, String, [String], String, String?, String?, String?)

    /// Reviews of people living within `region`, open ones only unless `includeCleared`, oldest first (at most 500).
    static func reviews(within region: RegionCode, includeCleared: Bool, on connection: PostgresConnection, logger: Logger) async throws -> [Review] {
        let prefix = String(region.significantPrefix) + "%"
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM category_reviews r JOIN elders e ON e.person_ref = r.person_ref
            WHERE e.region LIKE \(prefix) AND (\(includeCleared) OR r.cleared_on IS NULL)
            ORDER BY r.opened_on, r.id LIMIT 500
            """, logger: logger)
        var reviews: [Review] = []
        for try await row in rows.decode(Row.self) { reviews.append(try review(row)) }
        return reviews
    }

    /// The review, locked; refuses `category-review.not-found` (404).
    static func lock(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> Review {
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM category_reviews r JOIN elders e ON e.person_ref = r.person_ref WHERE r.id = \(id) FOR UPDATE OF r
            """, logger: logger)
        for try await row in rows.decode(Row.self) { return try review(row) }
        throw RuleViolation("category-review.not-found", "no category review \(id)", kind: .notFound)
    }

    static func clear(_ id: UUID, on date: CivilDate, by userID: String, outcome: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE category_reviews SET cleared_on = \(date.iso)::date, cleared_by = \(userID), outcome = \(outcome) WHERE id = \(id)
            """, logger: logger)
    }

    static func region(of id: UUID, in database: PostgresClient, logger: Logger) async throws -> RegionCode? {
        let rows = try await database.query("""
            SELECT e.region FROM category_reviews r JOIN elders e ON e.person_ref = r.person_ref WHERE r.id = \(id)
            """, logger: logger)
        for try await region in rows.decode(String.self) { return try RegionCode(region) }
        return nil
    }

    private static func review(_ row: Row) throws -> Review {
        Review(id: row.0, person: try PersonRef(rawValue: row.1), region: try RegionCode(row.2), reason: row.3,
               categories: row.4.compactMap(KeyCategory.init(rawValue:)), openedOn: try CivilDate(iso: row.5),
               clearedOn: try row.6.map { text throws in try CivilDate(iso: text) }, clearedBy: row.7, outcome: row.8)
    }
}
