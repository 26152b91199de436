import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// What Assistance does when the Registry records a life event. Each handler runs inside the
/// inbox transaction, so its effects and the inbox row commit together: exactly once.
///
/// - death-recorded: a sole recipient's case is suspended from the month after the death; a
///   larger household loses the member and is recomputed from that month. Months already paid
///   past that point become a recovery claim.
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
        for var record in try await CaseLedger.lockCases(of: person, on: connection, logger: logger)
        where record.recipients.contains(person) {
            let fromMonth = date.yearMonth.next
            let sole = record.recipients == [person]
            record.departed.append(Departure(person: person, dateOfDeath: date, fromMonth: fromMonth, soleRecipient: sole,
                                             amountBeforeFen: record.terms.monthlyAmount.fen, eventID: context.event.id))
            if sole {
                record.terms = record.terms.suspended(from: fromMonth)
                record.status = "suspended"
                record.suspensionReason = "death"
            } else {
                record.recipients.removeAll { $0 == person }
                let amount = try await recomputedAmount(record, from: fromMonth, policy: policy, on: connection, logger: logger)
                record.terms = record.terms.changingAmount(to: amount ?? record.terms.monthlyAmount, from: fromMonth)
                if amount == nil {
                    try await ReviewTasks.open(householdID: record.householdID, caseID: record.id, kind: "household-changed",
                                               reason: "a member died on \(date); the remaining household no longer passes the means test",
                                               dueOn: today, causeEventID: context.event.id, on: connection, logger: logger)
                }
            }
            try await CaseLedger.save(record, on: connection, logger: logger)
            let (_, claim) = try await publishSettlement(record, person: person, dateOfDeath: date, today: today, source: source, context)
            try await Outbox.append(
                BenefitSuspended(caseID: record.id, program: record.program, recipients: [person], region: record.region, person: person,
                                 firstUnpaidMonth: fromMonth, reason: .death, causationEventID: context.event.id),
                source: source, causationID: context.event.id, on: connection, logger: logger)
            logger.info("benefit suspended after a death", metadata: [
                "case": "\(record.id)", "sole": "\(sole)", "claim": "\(claim.map { "\($0)" } ?? "none")"])
        }
    }

    static func correctDeath(_ person: PersonRef, to date: CivilDate, today: CivilDate, source: String,
                             _ context: EventContext) async throws {
        let (connection, logger) = (context.connection, context.logger)
        for var record in try await CaseLedger.lockCases(of: person, on: connection, logger: logger) {
            guard let index = record.departed.firstIndex(where: { $0.person == person }) else { continue }
            try await cancelClaims(caseID: record.id, person: person, context)
            let fromMonth = date.yearMonth.next
            let previousFrom = record.departed[index].fromMonth
            record.departed[index].dateOfDeath = date
            record.departed[index].fromMonth = fromMonth
            record.terms = record.departed[index].soleRecipient
                ? record.terms.suspended(from: fromMonth)
                : record.terms.movingChange(from: previousFrom, to: fromMonth)
            try await CaseLedger.save(record, on: connection, logger: logger)
            let (settlement, _) = try await publishSettlement(record, person: person, dateOfDeath: date, today: today, source: source, context)
            if !settlement.backPay.isEmpty {
                try await Outbox.append(
                    BenefitReinstated(caseID: record.id, program: record.program, recipients: [person], region: record.region,
                                      person: person, resumedFrom: previousFrom, backPaidMonths: settlement.backPay.map(\.month),
                                      backPayAmount: settlement.backPayTotal, causationEventID: context.event.id),
                    source: source, causationID: context.event.id, on: connection, logger: logger)
            }
            try await Outbox.append(
                BenefitSuspended(caseID: record.id, program: record.program, recipients: [person], region: record.region, person: person,
                                 firstUnpaidMonth: fromMonth, reason: .death, causationEventID: context.event.id),
                source: source, causationID: context.event.id, on: connection, logger: logger)
        }
    }

    static func annulDeath(_ person: PersonRef, today: CivilDate, source: String, _ context: EventContext) async throws {
        let (connection, logger) = (context.connection, context.logger)
        for var record in try await CaseLedger.lockCases(of: person, on: connection, logger: logger) {
            guard let index = record.departed.firstIndex(where: { $0.person == person }) else { continue }
            let departure = record.departed.remove(at: index)
            try await cancelClaims(caseID: record.id, person: person, context)
            if departure.soleRecipient {
                record.terms = record.terms.suspended(from: nil)
                record.status = "active"
                record.suspensionReason = nil
            } else {
                record.recipients.append(person)
                record.terms = record.terms.revertingChange(from: departure.fromMonth)
                try await ReviewTasks.open(householdID: record.householdID, caseID: record.id, kind: "re-verification",
                                           reason: "a member's death record was annulled; the household's amount was restored",
                                           dueOn: today, causeEventID: context.event.id, on: connection, logger: logger)
            }
            try await CaseLedger.save(record, on: connection, logger: logger)
            let (settlement, _) = try await publishSettlement(record, person: person, dateOfDeath: departure.dateOfDeath, today: today,
                                                              source: source, context)
            try await Outbox.append(
                BenefitReinstated(caseID: record.id, program: record.program, recipients: record.recipients, region: record.region,
                                  person: person, resumedFrom: departure.fromMonth, backPaidMonths: settlement.backPay.map(\.month),
                                  backPayAmount: settlement.backPayTotal, causationEventID: context.event.id),
                source: source, causationID: context.event.id, on: connection, logger: logger)
        }
    }

    /// Settles the case's paid months and publishes the recovery claim, if one was opened.
    static func publishSettlement(_ record: CaseRecord, person: PersonRef, dateOfDeath: CivilDate, today: CivilDate, source: String,
                                  _ context: EventContext) async throws -> (PaymentReconciliation.Settlement, UUID?) {
        let (settlement, claim) = try await CaseLedger.settle(record, person: person, dateOfDeath: dateOfDeath,
                                                              causeEventID: context.event.id, today: today,
                                                              on: context.connection, logger: context.logger)
        if let claim {
            try await Outbox.append(
                OverpaymentRecoveryOpened(claimID: claim, caseID: record.id, program: record.program, person: person, region: record.region,
                                          dateOfDeath: dateOfDeath, months: settlement.overpaid.map(\.month),
                                          amount: settlement.overpaidTotal, causationEventID: context.event.id),
                source: source, causationID: context.event.id, on: context.connection, logger: context.logger)
        }
        return (settlement, claim)
    }

    static func cancelClaims(caseID: UUID, person: PersonRef, _ context: EventContext) async throws {
        try await context.connection.query("""
            UPDATE recovery_claims SET status = 'cancelled', cancelled_by_event_id = \(context.event.id)
            WHERE case_id = \(caseID) AND person_ref = \(person.rawValue) AND status = 'open'
            """, logger: context.logger)
    }

    /// The remaining household's 低保 amount from `month`, or nil when it no longer qualifies.
    /// 特困 cases are individual, so they never get here.
    static func recomputedAmount(_ record: CaseRecord, from month: YearMonth, policy: AssistancePolicy,
                                 on connection: PostgresConnection, logger: Logger) async throws -> Money? {
        let household = try await HouseholdStore.load(record.householdID, verified: true, on: connection, logger: logger)
        let remaining = household.members.filter { record.recipients.contains($0.person) }
        guard !remaining.isEmpty else { return nil }
        let standard = try await StandardStore.inForce(region: record.region, year: month.year, area: household.area,
                                                       on: connection, logger: logger)
        let income = try MeansTest(policy: policy.meansTest).countableIncome(of: remaining, area: household.area)
        let amount = Result { () throws(RuleViolation) -> BenefitAmount in
            try BenefitAmount.compute(standard: standard.minimumLivingAllowance, countableIncome: income.countable,
                                      members: remaining, on: month.firstDay, policy: policy.amount)
        }
        switch amount {
        case .success(let amount): return amount.total
        // The remaining household is above the line: a caseworker reviews it.
        case .failure(let violation) where violation.code == "benefit.income-not-below-standard": return nil
        case .failure(let violation): throw violation
        }
    }

    /// Opens one re-verification task per household with an active case that lists any of `people`.
    static func reverify(_ people: [PersonRef], reason: String, today: CivilDate, _ context: EventContext) async throws {
        let rows = try await context.connection.query("""
            SELECT DISTINCT c.household_id FROM cases c JOIN household_members m ON m.household_id = c.household_id
            WHERE m.person_ref = ANY(\(people.map(\.rawValue))) AND c.status <> 'terminated'
            """, logger: context.logger)
        var households: [UUID] = []
        for try await id in rows.decode(UUID.self) { households.append(id) }
        for household in households {
            try await ReviewTasks.open(householdID: household, caseID: nil, kind: "re-verification", reason: reason, dueOn: today,
                                       causeEventID: context.event.id, on: context.connection, logger: context.logger)
        }
    }
}
