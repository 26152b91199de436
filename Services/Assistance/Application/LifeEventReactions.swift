import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import Roster
import RosterStore
import ServiceKit

/// What Assistance does when the Registry records a life event. Each handler runs inside the
/// inbox transaction, so its effects, its events and the inbox row commit together: exactly once.
///
/// - death-recorded: the case follows the death (``BenefitCase/recordDeath(of:on:eventID:remainingAmount:)``);
///   months already paid past it become a recovery claim.
/// - death-record-corrected: the departure moves to the corrected date; months now due are
///   back-paid, months now overpaid are claimed.
/// - death-record-annulled: the departure is undone; the missed months are back-paid and the
///   death's open claims cancelled.
/// - marriage, divorce, adoption: the household is re-verified (a review task).
enum LifeEventReactions {
    static func handlers(policy: AssistancePolicy, clock: ServiceClock, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(DeathRecorded.self) { event, context in
            try await recordDeath(event.person, on: event.dateOfDeath, policy: policy, today: clock.today(), source: source, context)
        }
        handlers.on(DeathRecordCorrected.self) { event, context in
            try await correctDeath(event.person, to: event.dateOfDeath, today: clock.today(), source: source, context)
        }
        handlers.on(DeathRecordAnnulled.self) { event, context in
            try await annulDeath(event.person, today: clock.today(), source: source, context)
        }
        handlers.on(MarriageRegistered.self) { event, context in
            try await reverify([event.partyA, event.partyB], reason: "marriage registered on \(event.registeredOn)", today: clock.today(), context)
        }
        handlers.on(DivorceRegistered.self) { event, context in
            try await reverify([event.partyA, event.partyB], reason: "divorce registered on \(event.registeredOn)", today: clock.today(), context)
        }
        handlers.on(AdoptionRegistered.self) { event, context in
            try await reverify([event.child] + event.adopters, reason: "adoption registered on \(event.registeredOn)", today: clock.today(), context)
        }
        return handlers
    }

    static func recordDeath(_ person: PersonRef, on date: CivilDate, policy: AssistancePolicy, today: CivilDate, source: String,
                            _ context: EventContext) async throws {
        let (connection, logger) = (context.connection, context.logger)
        for var benefit in try await CaseStore.cases(of: person, forUpdate: true, on: connection, logger: logger) where benefit.covers(person) {
            var othersAmount: Money?
            if !benefit.isSoleRecipient(person) {
                othersAmount = try await remainingAmount(benefit, without: person, from: BenefitCase.firstMonthWithout(diedOn: date),
                                                         policy: policy, on: connection, logger: logger)
            }
            let outcome = benefit.recordDeath(of: person, on: date, eventID: context.event.id, remainingAmount: othersAmount)
            if othersAmount != nil {
                // The others' amount is on the standard in force the month after the death; one
                // published to take effect later still applies from its month.
                let household = try await HouseholdStore.load(benefit.householdID, verified: true, on: connection, logger: logger)
                try await RerateCases.scheduleLaterStandards(&benefit, after: outcome.departure.fromMonth, household: household,
                                                             selfCareAbility: nil, policy: policy, on: connection, logger: logger)
            }
            if outcome.needsReview {
                try await ReviewTaskStore.open(
                    .householdChanged, household: benefit.householdID, case: benefit.id,
                    reason: "a member died on \(date); the remaining household no longer passes the means test", dueOn: today,
                    causeEventID: context.event.id, on: connection, logger: logger)
            }
            try await CaseStore.save(benefit, on: connection, logger: logger)
            let (_, claim) = try await settle(benefit, person: person, dateOfDeath: date, today: today, source: source, context)
            try await Outbox.append(
                BenefitSuspended(caseID: benefit.id, program: benefit.program, recipients: [person], region: benefit.region, person: person,
                                 firstUnpaidMonth: outcome.departure.fromMonth, reason: .death, causationEventID: context.event.id),
                source: source, causationID: context.event.id, on: connection, logger: logger)
            logger.info("benefit suspended after a death", metadata: [
                "case": "\(benefit.id)", "sole": "\(outcome.departure.soleRecipient)", "claim": "\(claim.map { "\($0)" } ?? "none")"])
        }
    }

    static func correctDeath(_ person: PersonRef, to date: CivilDate, today: CivilDate, source: String,
                             _ context: EventContext) async throws {
        let (connection, logger) = (context.connection, context.logger)
        for var benefit in try await CaseStore.cases(of: person, forUpdate: true, on: connection, logger: logger) {
            guard let previousFrom = benefit.correctDeath(of: person, to: date) else { continue }
            try await PaymentLedger.cancelClaims(beneficiaryID: benefit.id, program: benefit.program.rawValue, person: person,
                                                 byEvent: context.event.id, on: connection, logger: logger)
            try await CaseStore.save(benefit, on: connection, logger: logger)
            let (settlement, _) = try await settle(benefit, person: person, dateOfDeath: date, today: today, source: source, context)
            if !settlement.backPay.isEmpty {
                try await Outbox.append(
                    BenefitReinstated(caseID: benefit.id, program: benefit.program, recipients: [person], region: benefit.region,
                                      person: person, resumedFrom: previousFrom, backPaidMonths: settlement.backPay.map(\.month),
                                      backPayAmount: settlement.backPayTotal, causationEventID: context.event.id),
                    source: source, causationID: context.event.id, on: connection, logger: logger)
            }
            try await Outbox.append(
                BenefitSuspended(caseID: benefit.id, program: benefit.program, recipients: [person], region: benefit.region, person: person,
                                 firstUnpaidMonth: BenefitCase.firstMonthWithout(diedOn: date), reason: .death,
                                 causationEventID: context.event.id),
                source: source, causationID: context.event.id, on: connection, logger: logger)
        }
    }

    static func annulDeath(_ person: PersonRef, today: CivilDate, source: String, _ context: EventContext) async throws {
        let (connection, logger) = (context.connection, context.logger)
        for var benefit in try await CaseStore.cases(of: person, forUpdate: true, on: connection, logger: logger) {
            guard let departure = benefit.annulDeath(of: person) else { continue }
            try await PaymentLedger.cancelClaims(beneficiaryID: benefit.id, program: benefit.program.rawValue, person: person,
                                                 byEvent: context.event.id, on: connection, logger: logger)
            if !departure.soleRecipient {
                try await ReviewTaskStore.open(
                    .reverification, household: benefit.householdID, case: benefit.id,
                    reason: "a member's death record was annulled; the household's amount was restored", dueOn: today,
                    causeEventID: context.event.id, on: connection, logger: logger)
            }
            try await CaseStore.save(benefit, on: connection, logger: logger)
            let (settlement, _) = try await settle(benefit, person: person, dateOfDeath: departure.dateOfDeath, today: today,
                                                   source: source, context)
            try await Outbox.append(
                BenefitReinstated(caseID: benefit.id, program: benefit.program, recipients: benefit.recipients, region: benefit.region,
                                  person: person, resumedFrom: departure.fromMonth, backPaidMonths: settlement.backPay.map(\.month),
                                  backPayAmount: settlement.backPayTotal, causationEventID: context.event.id),
                source: source, causationID: context.event.id, on: connection, logger: logger)
        }
    }

    /// Settles the case's past (``PaymentReconciliation``): back-pays shortfalls, and opens one
    /// recovery claim for unclaimed overpayments, published as `overpayment-recovery-opened`.
    static func settle(_ benefit: BenefitCase, person: PersonRef, dateOfDeath: CivilDate, today: CivilDate, source: String,
                       _ context: EventContext) async throws -> (PaymentReconciliation.Settlement, UUID?) {
        let (connection, logger, cause) = (context.connection, context.logger, context.event.id)
        let program = benefit.program.rawValue
        let history = try await PaymentLedger.history(of: benefit.id, program: program, region: benefit.region, scheme: AssistanceRoster(),
                                                      on: connection, logger: logger)
        let settlement = PaymentReconciliation.settle(terms: benefit.terms, settledMonths: history.settledMonths, paid: history.paid,
                                                      claimed: history.claimed)
        try await PaymentLedger.insertBackPayments(settlement.backPay, beneficiaryID: benefit.id, program: program, causeEventID: cause,
                                                   paidOn: today, on: connection, logger: logger)
        guard !settlement.overpaid.isEmpty else { return (settlement, nil) }
        let claim = UUID()
        try await PaymentLedger.openRecoveryClaim(claim, beneficiaryID: benefit.id, program: program, person: person, endedOn: dateOfDeath,
                                                  overpaid: settlement.overpaid, total: settlement.overpaidTotal, openedOn: today,
                                                  causeEventID: cause, on: connection, logger: logger)
        try await Outbox.append(
            OverpaymentRecoveryOpened(claimID: claim, caseID: benefit.id, program: benefit.program, person: person, region: benefit.region,
                                      dateOfDeath: dateOfDeath, months: settlement.overpaid.map(\.month),
                                      amount: settlement.overpaidTotal, causationEventID: cause),
            source: source, causationID: cause, on: connection, logger: logger)
        return (settlement, claim)
    }

    /// The amount the recipients other than `person` qualify for from `month`, on the verified
    /// household and the standard in force; nil when they no longer qualify.
    static func remainingAmount(_ benefit: BenefitCase, without person: PersonRef, from month: YearMonth, policy: AssistancePolicy,
                                on connection: PostgresConnection, logger: Logger) async throws -> Money? {
        let household = try await HouseholdStore.load(benefit.householdID, verified: true, on: connection, logger: logger)
        let others = benefit.recipients(without: person)
        let remaining = household.members.filter { others.contains($0.person) }
        guard !remaining.isEmpty else { return nil }
        let standard = try await StandardStore.inForce(region: benefit.region, month: month, area: household.area,
                                                       on: connection, logger: logger)
        return try BenefitAmount.remainingHousehold(remaining, area: household.area, standard: standard, from: month, policy: policy)
    }

    /// Opens one re-verification task per household with a case that lists any of `people`.
    static func reverify(_ people: [PersonRef], reason: String, today: CivilDate, _ context: EventContext) async throws {
        for household in try await HouseholdStore.withCases(listing: people, on: context.connection, logger: context.logger) {
            try await ReviewTaskStore.open(.reverification, household: household, case: nil, reason: reason, dueOn: today,
                                           causeEventID: context.event.id, on: context.connection, logger: context.logger)
        }
    }
}
