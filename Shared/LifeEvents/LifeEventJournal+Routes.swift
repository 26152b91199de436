import Contracts
import Foundation
import Hummingbird
import PostgresNIO
import ServiceKit

extension LifeEventJournal {
    struct Entry: ResponseEncodable {
        var eventId: UUID
        var eventType: String
        var personRef: String
        var occurredOn: String
        var region: String
    }

    struct Page: ResponseEncodable {
        var items: [Entry]
    }

    /// `GET /life-events[?person=pr_…]`: the newest 100 entries.
    public static func routes(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies) {
        router.get("/life-events") { request, context -> Page in
            let person = request.uri.queryParameters.get("person")
            if let person { _ = try RequestParsing.personRef(person, field: "person") }
            let rows = try await dependencies.database.query("""
                SELECT event_id, event_type, person_ref, occurred_on::text, region FROM life_events
                WHERE \(person)::text IS NULL OR person_ref = \(person)
                ORDER BY received_at DESC LIMIT 100
                """, logger: context.logger)
            var items: [Entry] = []
            for try await (id, type, ref, date, region) in rows.decode((UUID, String, String, String, String).self) {
                items.append(Entry(eventId: id, eventType: type, personRef: ref, occurredOn: date, region: region))
            }
            return Page(items: items)
        }
    }
}
