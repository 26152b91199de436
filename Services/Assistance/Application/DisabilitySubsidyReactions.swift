import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import Roster
import RosterStore
import ServiceKit

/// What the disability two subsidies do when the Registry records, corrects or annuls a death,
/// as a 低保 case does (``LifeEventReactions``). Each runs in the inbox transaction after the
/// cases' reaction, so a duplicate delivery changes nothing (the inbox row, and the subsidy's own
/// record of the date: ``DisabilitySubsidy/recordDeath(on:)`` answers nil for the same death).
///
/// - death-recorded: the person's subsidies stop from the month after (`disability-subsidy-stopped`,
///   reason `death`); months a roster already paid past it become a recovery claim
///   (`disability-subsidy-recovery-opened`, reason `death`).
/// - death-record-corrected: the stop moves to the month after the corrected date; the death's open
///   claims are cancelled and the ledger settled again (months now due back-paid, months now
///   overpaid claimed, with `disability-subsidy-recovery-opened`); `disability-subsidy-stopped` with
///   the new last month.
/// - death-record-annulled: the subsidies resume (active, or exiting when a 渐退 was under way, ended
///   when it ran its course meanwhile); the withheld months a roster has run for are back-paid and
///   the death's claims cancelled; `disability-subsidy-resumed`.
enum DisabilitySubsidyReactions {
    static func handlers(clock: ServiceClock, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(DeathRecorded.self) { event, context in
            try await stop(event.person, diedOn: event.dateOfDeath, correction: false, today: clock.today(), source: source, context)
        }
        handlers.on(DeathRecordCorrected.self) { event, context in
            try await stop(event.person, diedOn: event.dateOfDeath, correction: true, today: clock.today(), source: source, context)
        }
        handlers.on(DeathRecordAnnulled.self) { event, context in
            try await resume(event.person, today: clock.today(), source: source, context)
        }
        return handlers
    }

    /// A correction acts only on subsidies a recorded death already stopped.
    static func stop(_ person: PersonRef, diedOn date: CivilDate, correction: Bool, today: CivilDate, source: String,
                     _ context: EventContext) async throws {
        let (connection, logger) = (context.connection, context.logger)
        for stored in try await DisabilitySubsidyStore.of(person: person, on: connection, logger: logger) {
            var subsidy = stored.subsidy
            if correction && subsidy.diedOn == nil { continue }
            guard let from = subsidy.recordDeath(on: date) else { continue }
            if correction {
                try await PaymentLedger.cancelClaims(beneficiaryID: subsidy.id, program: subsidy.kind.program.rawValue, person: person,
                                                     byEvent: context.event.id, on: connection, logger: logger)
            }
            try await DisabilitySubsidyStore.save(subsidy, on: connection, logger: logger)
            // Paid through the month of death, or nothing at all when it falls before the first month.
            let lastPaid = min(from.previous, subsidy.terms.lastMonth ?? from.previous)
            try await Outbox.append(
                DisabilitySubsidyStopped(subsidyID: subsidy.id, person: person, region: subsidy.region, program: subsidy.kind.program,
                                         reason: .death, lastPaidMonth: lastPaid, causationEventID: context.event.id),
                source: source, causationID: context.event.id, on: connection, logger: logger)
            _ = try await settle(subsidy, dateOfDeath: date, today: today, source: source, context)
            logger.info("disability subsidy stopped after a death", metadata: ["subsidy": "\(subsidy.id)", "from": "\(from)"])
        }
    }

    static func resume(_ person: PersonRef, today: CivilDate, source: String, _ context: EventContext) async throws {
        let (connection, logger) = (context.connection, context.logger)
        for stored in try await DisabilitySubsidyStore.of(person: person, on: connection, logger: logger) {
            var subsidy = stored.subsidy
            guard let diedOn = subsidy.diedOn, let resumedFrom = subsidy.stoppedFrom, subsidy.annulDeath() else { continue }
            // An exit that ran its course while the subsidy stood stopped has ended meanwhile.
            _ = subsidy.endExit(before: today.yearMonth)
            try await PaymentLedger.cancelClaims(beneficiaryID: subsidy.id, program: subsidy.kind.program.rawValue, person: person,
                                                 byEvent: context.event.id, on: connection, logger: logger)
            try await DisabilitySubsidyStore.save(subsidy, on: connection, logger: logger)
            let settlement = try await settle(subsidy, dateOfDeath: diedOn, today: today, source: source, context)
            try await Outbox.append(
                DisabilitySubsidyResumed(subsidyID: subsidy.id, person: person, region: subsidy.region, program: subsidy.kind.program,
                                         resumedFrom: resumedFrom, lastMonth: subsidy.terms.lastMonth,
                                         backPaidMonths: settlement.backPay.map(\.month), backPayAmount: settlement.backPayTotal,
                                         causationEventID: context.event.id),
                source: source, causationID: context.event.id, on: connection, logger: logger)
            logger.info("disability subsidy resumed after an annulled death", metadata: ["subsidy": "\(subsidy.id)"])
        }
    }

    /// Settles the subsidy's past against its terms (``PaymentReconciliation``) on its own roster
    /// scheme: back-pays shortfalls, opens one recovery claim for unclaimed overpayments, published
    /// as `disability-subsidy-recovery-opened` (reason `death`).
    static func settle(_ subsidy: DisabilitySubsidy, dateOfDeath: CivilDate, today: CivilDate, source: String,
                       _ context: EventContext) async throws -> PaymentReconciliation.Settlement {
        let (connection, logger, cause) = (context.connection, context.logger, context.event.id)
        let program = subsidy.kind.program.rawValue
        let history = try await PaymentLedger.history(of: subsidy.id, program: program, region: subsidy.region,
                                                      scheme: DisabilitySubsidyRoster(), on: connection, logger: logger)
        let settlement = PaymentReconciliation.settle(terms: subsidy.terms, settledMonths: history.settledMonths, paid: history.paid,
                                                      claimed: history.claimed)
        try await PaymentLedger.insertBackPayments(settlement.backPay, beneficiaryID: subsidy.id, program: program, causeEventID: cause,
                                                   paidOn: today, on: connection, logger: logger)
        guard !settlement.overpaid.isEmpty else { return settlement }
        let claim = UUID()
        try await PaymentLedger.openRecoveryClaim(claim, beneficiaryID: subsidy.id, program: program, person: subsidy.person,
                                                  endedOn: dateOfDeath, overpaid: settlement.overpaid, total: settlement.overpaidTotal,
                                                  openedOn: today, causeEventID: cause, on: connection, logger: logger)
        try await Outbox.append(
            DisabilitySubsidyRecoveryOpened(claimID: claim, subsidyID: subsidy.id, person: subsidy.person, region: subsidy.region,
                                            program: subsidy.kind.program, reason: .death, dateOfDeath: dateOfDeath, effectiveFrom: nil,
                                            months: settlement.overpaid.map(\.month), amount: settlement.overpaidTotal, causationEventID: cause),
            source: source, causationID: cause, on: connection, logger: logger)
        return settlement
    }
}
