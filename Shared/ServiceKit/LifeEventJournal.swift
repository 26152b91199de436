import Contracts
import Foundation
import Hummingbird
import Persistence
import PostgresNIO

/// The record of Registry life events a bureau service has received, applied
/// through the inbox, so each event appears exactly once — one row per person
/// the event concerns (both spouses of a marriage, the child and adopters of an
/// adoption). Corrections and annulments of a death are journalled too, so a
/// reaction can be undone.
///
/// It is the shared first step of every bureau's reaction to a life event: the
/// domain reactions (suspending an allowance, re-examining children) build on it.
public enum LifeEventJournal {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "life_events", statements: [
            """
            CREATE TABLE life_events (
                event_id uuid PRIMARY KEY,
                event_type text NOT NULL,
                person_ref text NOT NULL,
                occurred_on date NOT NULL,
                region text NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX life_events_person ON life_events (person_ref)",
        ]),
        Migration(version: 2, name: "life_events_per_person", statements: [
            "ALTER TABLE life_events DROP CONSTRAINT life_events_pkey",
            "ALTER TABLE life_events ADD PRIMARY KEY (event_id, person_ref)",
        ]),
    ]

    public static func handlers(_ dependencies: ServiceDependencies) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(DeathRecorded.self) { event, context in
            try await record([event.person], on: event.dateOfDeath, region: event.region, context)
        }
        handlers.on(DeathRecordCorrected.self) { event, context in
            try await record([event.person], on: event.dateOfDeath, region: event.region, context)
        }
        handlers.on(DeathRecordAnnulled.self) { event, context in
            try await record([event.person], on: event.annulledDateOfDeath, region: nil, context)
        }
        handlers.on(MarriageRegistered.self) { event, context in
            try await record([event.partyA, event.partyB], on: event.registeredOn, region: event.region, context)
        }
        handlers.on(DivorceRegistered.self) { event, context in
            try await record([event.partyA, event.partyB], on: event.registeredOn, region: nil, context)
        }
        handlers.on(MarriageAnnulled.self) { event, context in
            try await record([event.partyA, event.partyB], on: event.effectiveOn, region: nil, context)
        }
        handlers.on(AdoptionRegistered.self) { event, context in
            try await record([event.child] + event.adopters, on: event.registeredOn, region: event.region, context)
        }
        handlers.on(AdoptionDissolved.self) { event, context in
            try await record([event.child] + event.adopters, on: event.dissolvedOn, region: nil, context)
        }
        return handlers
    }

    /// One row per person; the region is the event's, or empty when the event has none.
    static func record(_ people: [PersonRef], on date: CivilDate, region: RegionCode?, _ context: EventContext) async throws {
        for person in people {
            try await context.connection.query("""
                INSERT INTO life_events (event_id, event_type, person_ref, occurred_on, region)
                VALUES (\(context.event.id), \(context.event.type), \(person.rawValue), \(date.iso)::date, \(region?.rawValue ?? ""))
                """, logger: context.logger)
        }
        context.logger.info("life event received", metadata: ["ce.type": "\(context.event.type)", "people": "\(people.count)"])
    }

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

    /// `GET /life-events[?person=pr_…]`: the newest 100 entries. A malformed person ref is
    /// refused with `request.invalid-person-ref`, the code every route uses for it.
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
