import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// What the register does when the Registry records a life event of a registered person. Each
/// handler runs in the inbox transaction, after the shared journal's: exactly once.
///
/// - death-recorded: the record becomes deceased with the date and the death record's id; its
///   categories stay as on the day of death, and visits stop (the sweep and `POST …/visits` skip
///   the dead);
/// - death-record-corrected: the date moves;
/// - death-record-annulled: the record is active again, and its categories recomputed for today;
/// - marriage-registered, divorce-registered, marriage-annulled: 独居 and 空巢
///   (``KeyCategory/reviewedOnMaritalChange``) are put up for a caseworker's review.
enum ElderLifeEventReactions {
    static func handlers(policy: ElderCarePolicy, clock: ServiceClock, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(DeathRecorded.self) { event, context in
            guard var elder = try await ElderStore.lock(event.person, on: context.connection, logger: context.logger) else { return }
            elder.status = .deceased
            elder.dateOfDeath = event.dateOfDeath
            elder.deathRecordID = event.recordID
            try await save(elder, policy: policy, today: clock.today(), source: source, context)
        }
        handlers.on(DeathRecordCorrected.self) { event, context in
            guard var elder = try await ElderStore.lock(event.person, on: context.connection, logger: context.logger),
                  elder.status == .deceased else { return }
            elder.dateOfDeath = event.dateOfDeath
            elder.deathRecordID = event.recordID
            try await save(elder, policy: policy, today: clock.today(), source: source, context)
        }
        handlers.on(DeathRecordAnnulled.self) { event, context in
            guard var elder = try await ElderStore.lock(event.person, on: context.connection, logger: context.logger),
                  elder.status == .deceased, elder.deathRecordID == nil || elder.deathRecordID == event.recordID else { return }
            elder.status = .active
            elder.dateOfDeath = nil
            elder.deathRecordID = nil
            try await save(elder, policy: policy, today: clock.today(), source: source, context)
        }
        handlers.on(MarriageRegistered.self) { event, context in
            try await review([event.partyA, event.partyB], reason: "marriage registered on \(event.registeredOn)", today: clock.today(), context)
        }
        handlers.on(DivorceRegistered.self) { event, context in
            try await review([event.partyA, event.partyB], reason: "divorce registered on \(event.registeredOn)", today: clock.today(), context)
        }
        handlers.on(MarriageAnnulled.self) { event, context in
            try await review([event.partyA, event.partyB], reason: "marriage \(event.kind.rawValue) effective \(event.effectiveOn)",
                             today: clock.today(), context)
        }
        return handlers
    }

    static func save(_ elder: ElderRecord, policy: ElderCarePolicy, today: CivilDate, source: String, _ context: EventContext) async throws {
        try await ElderStore.update(elder, on: context.connection, logger: context.logger)
        try await RecordCategory.refresh(elder, today: today, policy: policy, cause: context.event.id, source: source,
                                         on: context.connection, logger: context.logger)
    }

    static func review(_ people: [PersonRef], reason: String, today: CivilDate, _ context: EventContext) async throws {
        for person in Set(people).sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let elder = try await ElderStore.find(person, on: context.connection, logger: context.logger), elder.status == .active else {
                continue
            }
            try await CategoryReviewStore.open(person: person, cause: context.event.id, reason: reason,
                                               categories: KeyCategory.reviewedOnMaritalChange, on: today,
                                               on: context.connection, logger: context.logger)
        }
    }
}
