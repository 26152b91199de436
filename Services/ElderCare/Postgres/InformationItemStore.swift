import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// `elder_information_items`: what was collected about each registered person (信息采集).
enum InformationItemStore {
    /// Marks the items collected (an item collected before keeps its first day); returns the
    /// person's collected items afterwards.
    @discardableResult
    static func collect(_ items: Set<InformationItem>, person: PersonRef, on date: CivilDate, by userID: String,
                        on connection: PostgresConnection, logger: Logger) async throws -> InformationCollection {
        for item in items.sorted() {
            try await connection.query("""
                INSERT INTO elder_information_items (person_ref, item, collected_on, collected_by)
                VALUES (\(person.rawValue), \(item.rawValue), \(date.iso)::date, \(userID))
                ON CONFLICT (person_ref, item) DO NOTHING
                """, logger: logger)
        }
        return try await collection(of: person, on: connection, logger: logger)
    }

    static func collection(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> InformationCollection {
        let rows = try await connection.query("SELECT item FROM elder_information_items WHERE person_ref = \(person.rawValue)", logger: logger)
        var items = Set<InformationItem>()
        for try await text in rows.decode(String.self) {
            guard let item = InformationItem(rawValue: text) else { throw StoredValueError(column: "elder_information_items.item", value: text) }
            items.insert(item)
        }
        return InformationCollection(collected: items)
    }

    /// Every active person living within `region`, with their categories now and what was
    /// collected: the input of ``InformationCollection/rate(of:among:)``.
    static func register(within region: RegionCode, on connection: PostgresConnection, logger: Logger) async throws
        -> [(categories: Set<KeyCategory>, information: InformationCollection)] {
        let prefix = String(region.significantPrefix) + "%"
        let rows = try await connection.query("""
            SELECT e.person_ref,
                   coalesce((SELECT array_agg(m.category) FROM elder_category_memberships m WHERE m.person_ref = e.person_ref), '{}'),
                   coalesce((SELECT array_agg(i.item) FROM elder_information_items i WHERE i.person_ref = e.person_ref), '{}')
            FROM elders e WHERE e.region LIKE \(prefix) AND e.status = 'active'
            """, logger: logger)
        var people: [(categories: Set<KeyCategory>, information: InformationCollection)] = []
        for try await (_, categories, items) in rows.decode((String, [String], [String]).self) {
            people.append((Set(categories.compactMap(KeyCategory.init(rawValue:))),
                           InformationCollection(collected: Set(items.compactMap(InformationItem.init(rawValue:))))))
        }
        return people
    }
}
