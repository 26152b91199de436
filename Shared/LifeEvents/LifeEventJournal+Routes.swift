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

    /// Who reads the journal: the caseworkers who act on life events, and the auditor.
    static let policy = RoutePolicy(roles: [.intake, .reviewer, .approver, .auditor], region: .fromToken, personalData: true)

    /// `GET /life-events[?person=pr_…]`: the newest 100 entries within the token's region.
    public static func routes(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies) {
        routes.get("/life-events", policy) { request, context -> Page in
            let person = request.uri.queryParameters.get("person")
            if let person { _ = try RequestParsing.personRef(person, field: "person") }
            let within = String(try context.requirePrincipal().region.significantPrefix)
            let rows = try await dependencies.database.query("""
                SELECT event_id, event_type, person_ref, occurred_on::text, region FROM life_events
                WHERE (\(person)::text IS NULL OR person_ref = \(person)) AND starts_with(region, \(within))
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
