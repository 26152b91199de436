import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// What the waiting list does when the Registry records a death. Each handler runs in the inbox
/// transaction, so its effects and events commit with the inbox row: exactly once.
///
/// - death-recorded: an applicant leaves the list (removed, reason death; an offer's bed is no
///   longer held); a resident is discharged on the day of death, the bed freed, `discharged` published.
/// - death-record-corrected: nothing changes. The bed was freed when the death was recorded; the
///   day a resident left stays the day ElderCare learnt of it (docs/rules.md).
/// - death-record-annulled: an application a death closed is reopened in the queue with its
///   application time (``WaitingListEntry/reopenedAfterAnnulledDeath(on:)``); a discharged resident
///   does not get the bed back (it may be taken) but is first of their class.
enum WaitingListReactions {
    static func handlers(clock: ServiceClock, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(DeathRecorded.self) { event, context in
            try await recordDeath(event.person, on: event.dateOfDeath, source: source, context)
        }
        handlers.on(DeathRecordAnnulled.self) { event, context in
            try await annulDeath(event.person, today: clock.today(), context)
        }
        return handlers
    }

    static func recordDeath(_ person: PersonRef, on date: CivilDate, source: String, _ context: EventContext) async throws {
        let (connection, logger) = (context.connection, context.logger)
        for var stored in try await WaitingListStore.entries(of: person, on: connection, logger: logger) {
            guard let step = stored.entry.stepOnDeath(on: date) else { continue }
            if case .discharge(let day, let reason) = step {
                try await WaitingListPlacement.discharge(&stored, on: day, reason: reason, cause: context.event.id, source: source,
                                                         on: connection, logger: logger)
            } else {
                try stored.entry.apply(step)
                stored.institution = nil
                stored.bed = nil
                try await WaitingListStore.save(stored, on: connection, logger: logger)
                logger.info("applicant removed from the waiting list after a death", metadata: ["entry": "\(stored.id)"])
            }
        }
    }

    static func annulDeath(_ person: PersonRef, today: CivilDate, _ context: EventContext) async throws {
        let (connection, logger) = (context.connection, context.logger)
        let entries = try await WaitingListStore.entries(of: person, includingClosed: true, on: connection, logger: logger)
        // Someone who applied again since keeps the new application.
        guard !entries.contains(where: { !$0.entry.state.isFinal }) else { return }
        guard var latest = entries.last, let reopened = latest.entry.reopenedAfterAnnulledDeath(on: today) else { return }
        latest.entry = reopened
        latest.institution = nil
        latest.bed = nil
        latest.placedPriority = nil
        latest.centralisedSupport = false
        try await WaitingListStore.save(latest, on: connection, logger: logger)
        logger.info("application reopened after an annulled death", metadata: ["entry": "\(latest.id)"])
    }
}
