import Contracts
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// The record of Registry life events a bureau service has received, applied
/// through the inbox, so each event appears exactly once — one row per person
/// the event concerns (both spouses of a marriage, the child and adopters of an
/// adoption). Corrections and annulments of a death are journalled too, so a
/// reaction can be undone.
///
/// It is the shared first step of every bureau's reaction to a life event: the
/// domain reactions (suspending an allowance, re-examining children) build on it.
/// A service includes its `migrations`, `handlers` and `routes` in its definition.
public enum LifeEventJournal {
    /// The migration scope of the journal's table, the same in every service that includes it.
    public static let scope = "journal"

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

    /// The date of death the Registry last told this service about for `person`, or nil when it
    /// told of none or its latest word was an annulment: the last of the person's death-recorded,
    /// -corrected and -annulled rows, in the order they were applied.
    public static func recordedDeath(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> CivilDate? {
        let rows = try await connection.query("""
            SELECT event_type, occurred_on::text FROM life_events
            WHERE person_ref = \(person.rawValue)
              AND event_type IN (\(DeathRecorded.eventType.rawValue), \(DeathRecordCorrected.eventType.rawValue),
                                 \(DeathRecordAnnulled.eventType.rawValue))
            ORDER BY received_at DESC LIMIT 1
            """, logger: logger)
        for try await (type, day) in rows.decode((String, String).self) {
            return type == DeathRecordAnnulled.eventType.rawValue ? nil : try CivilDate(iso: day)
        }
        return nil
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
}
