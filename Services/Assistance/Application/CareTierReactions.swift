import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import Roster
import RosterStore
import ServiceKit

/// ElderCare's `capability-assessed`: the 特困 care tier (照料护理标准档) follows the assessment. Each
/// active 特困 case paying the person is paid on the tier of the assessed level
/// (``SelfCareAbility/init(assessed:)``) from the assessment's month: the amount is re-rated as a
/// standard's publication re-rates (``CaseRerating``) — new amount steps on the standard in force in
/// each month, back-pay of the difference for months a roster already paid, a lower amount only
/// from the first month not yet paid — and one `case-rerated` is published (causation: the
/// assessment's event). Runs in the inbox transaction: exactly once.
///
/// An assessment older than the one a case was last rated on changes nothing; one that leaves the
/// tier as it was records its day and publishes nothing. 低保 and 临时救助 have no care tier.
enum CareTierReactions {
    static func handlers(policy: AssistancePolicy, clock: ServiceClock, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(CapabilityAssessed.self) { event, context in
            try await rate(event.person, tier: SelfCareAbility(assessed: event.level), assessedOn: event.assessedOn, policy: policy,
                           today: clock.today(), source: source, context)
        }
        return handlers
    }

    static func rate(_ person: PersonRef, tier: SelfCareAbility, assessedOn: CivilDate, policy: AssistancePolicy, today: CivilDate,
                     source: String, _ context: EventContext) async throws {
        let (connection, logger) = (context.connection, context.logger)
        for var benefit in try await CaseStore.cases(of: person, forUpdate: true, on: connection, logger: logger)
        where benefit.program == .extremePoverty && benefit.status == .active && benefit.recipients.contains(person) {
            let current = try await CaseStore.selfCare(of: benefit.id, on: connection, logger: logger)
            if let rated = current.assessedOn, rated > assessedOn { continue }
            try await CaseStore.saveSelfCare(tier, assessedOn: assessedOn, case: benefit.id, on: connection, logger: logger)
            guard current.ability != tier else { continue }

            let household = try await HouseholdStore.load(benefit.householdID, verified: true, on: connection, logger: logger)
            let from = max(assessedOn.yearMonth, benefit.terms.firstMonth)
            let program = benefit.program.rawValue
            let history = try await PaymentLedger.history(of: benefit.id, program: program, region: benefit.region,
                                                          scheme: AssistanceRoster(), on: connection, logger: logger)
            // The standard in force in the assessment's month, then each one taking effect later.
            let inForce = try await StandardStore.latest(region: benefit.region, upTo: from, area: household.area,
                                                         on: connection, logger: logger)
            let later = try await StandardStore.takingEffect(after: from, region: benefit.region, area: household.area,
                                                             on: connection, logger: logger)
            let standards = (inForce.map { [$0] } ?? []) + later
            var first: (decision: CaseRerating.Decision, standard: AssistanceStandard)?
            for (index, standard) in standards.enumerated() {
                let window = CaseRerating.Window(from: max(from, standard.effectiveFrom),
                                                 until: standards.dropFirst(index + 1).first?.effectiveFrom)
                let decision = try CaseRerating.rerate(benefit, window: window, paidThrough: history.settledMonths.max()) {
                    covered, month throws(RuleViolation) in
                    try CaseRerating.amount(program: benefit.program, covered: household.members.filter { covered.contains($0.person) },
                                            area: household.area, selfCareAbility: tier, standard: standard, month: month, policy: policy)
                }
                guard let decision else { continue }
                benefit.terms = decision.terms
                if first == nil { first = (decision, standard) }
            }
            guard let first else { continue }
            try await CaseStore.save(benefit, on: connection, logger: logger)
            let settlement = PaymentReconciliation.settle(terms: benefit.terms, settledMonths: history.settledMonths, paid: history.paid,
                                                          claimed: history.claimed)
            let backPay = settlement.backPay.filter { $0.month >= first.decision.from }
            try await PaymentLedger.insertBackPayments(backPay, beneficiaryID: benefit.id, program: program, causeEventID: context.event.id,
                                                       paidOn: today, on: connection, logger: logger)
            try await Outbox.append(
                CaseRerated(caseID: benefit.id, program: benefit.program, recipients: benefit.recipients, region: benefit.region,
                            area: household.area.contract, standardEffectiveFrom: first.standard.effectiveFrom, from: first.decision.from,
                            previousAmount: first.decision.previousAmount, newAmount: first.decision.newAmount,
                            backPaidMonths: backPay.map(\.month), backPayAmount: backPay.reduce(Money.zero) { $0 + $1.amount }),
                source: source, causationID: context.event.id, on: connection, logger: logger)
            logger.info("特困 care tier re-rated after a capability assessment", metadata: [
                "case": "\(benefit.id)", "tier": "\(tier.rawValue)", "from": "\(first.decision.from)"])
        }
    }
}
