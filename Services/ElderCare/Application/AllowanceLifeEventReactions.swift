import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import RosterStore
import ServiceKit

/// What the advanced-age allowance does when the Registry records, corrects or annuls a death.
/// Each handler runs inside the inbox transaction (exactly once), beside the register's own
/// reaction to the same event; it reads the date from the event, not from the register, so the
/// order of the two does not matter.
///
/// - death-recorded: the allowance stops from the month after the death (the month of death is
///   paid, ``AllowanceEntitlement``); months already paid past it become a recovery claim
///   (`allowance-stopped` carries it).
/// - death-record-corrected: the open claims are cancelled and the past settled again at the new
///   date: months now owed are back-paid (`allowance-resumed`, reason `death-corrected`), months
///   now overpaid claimed; `allowance-stopped` with the new date follows.
/// - death-record-annulled: the open claims are cancelled, the missed months back-paid
///   (`allowance-resumed`, reason `death-annulled`) and the next roster pays again.
///
/// A person who never had the allowance (under 80, or no roster owed them anything yet) needs
/// nothing: the roster reads the register's date of death.
enum AllowanceLifeEventReactions {
    static func handlers(settings: AllowanceSettings, clock: ServiceClock, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(DeathRecorded.self) { event, context in
            try await died(event.person, on: event.dateOfDeath, reason: nil, settings: settings, today: clock.today(), source: source, context)
        }
        handlers.on(DeathRecordCorrected.self) { event, context in
            try await died(event.person, on: event.dateOfDeath, reason: .deathCorrected, settings: settings, today: clock.today(),
                           source: source, context)
        }
        handlers.on(DeathRecordAnnulled.self) { event, context in
            try await died(event.person, on: nil, reason: .deathAnnulled, settings: settings, today: clock.today(), source: source, context)
        }
        return handlers
    }

    /// Applies the death of `person` on `date` (nil: annulled) to their allowance. `reason` is the
    /// resumption a back-payment announces (nil for a first death record, which pays nothing back).
    static func died(_ person: PersonRef, on date: CivilDate?, reason: AllowanceResumed.Reason?, settings: AllowanceSettings,
                     today: CivilDate, source: String, _ context: EventContext) async throws {
        let (connection, logger, cause) = (context.connection, context.logger, context.event.id)
        guard var allowance = try await AllowanceStore.allowance(of: person, forUpdate: true, on: connection, logger: logger) else { return }
        if reason != nil {
            try await PaymentLedger.cancelClaims(beneficiaryID: allowance.id, program: AllowanceRoster.program, person: person, byEvent: cause,
                                                 on: connection, logger: logger)
        }
        let previous = allowance.diedOn
        allowance.diedOn = date
        try await AllowanceStore.setDiedOn(date, allowance: allowance.id, on: connection, logger: logger)
        guard let loaded = try await AllowanceReconciliation.load(allowance, settings: settings, on: connection, logger: logger) else { return }
        let (recipient, schedule, region) = loaded
        let outcome = try await AllowanceReconciliation.settle(allowance, recipient: recipient, region: region, schedule: schedule,
                                                               settings: settings, endedOn: date, today: today, cause: cause,
                                                               on: connection, logger: logger)
        let settlement = outcome.settlement
        if let reason, reason == .deathAnnulled || !settlement.backPay.isEmpty {
            let resumedFrom = settlement.backPay.first?.month ?? previous?.yearMonth.next ?? today.yearMonth
            try await Outbox.append(
                AllowanceResumed(allowanceID: allowance.id, person: person, region: region, reason: reason, resumedFrom: resumedFrom,
                                 backPaidMonths: settlement.backPay.map(\.month), backPayAmount: settlement.backPayTotal, causationEventID: cause),
                source: source, causationID: cause, on: connection, logger: logger)
        }
        if let date {
            try await Outbox.append(
                AllowanceStopped(allowanceID: allowance.id, person: person, region: region, dateOfDeath: date, firstUnpaidMonth: date.yearMonth.next,
                                 recoveryClaimID: outcome.claimID, recoveryMonths: outcome.claimID == nil ? [] : settlement.overpaid.map(\.month),
                                 recoveryAmount: outcome.claimID == nil ? .zero : settlement.overpaidTotal, causationEventID: cause),
                source: source, causationID: cause, on: connection, logger: logger)
        }
        logger.info("allowance follows a death record", metadata: [
            "allowance": "\(allowance.id)", "died": "\(date?.iso ?? "annulled")", "claim": "\(outcome.claimID.map { "\($0)" } ?? "none")",
            "backPaid": "\(settlement.backPayTotal.fen)"])
    }
}
