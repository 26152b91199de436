import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import Roster
import RosterStore

/// 提标: a published standard re-rates the active cases of its county and area (``CaseRerating``),
/// inside the publication's transaction: each re-rated case gets its new amount steps, back-pay
/// for the months a roster already paid at the old amount (the shared roster's ledger), and one
/// `case-rerated`. A case re-rated already (the same standard published again) changes nothing.
enum RerateCases {
    /// Re-rates for `standard`, whose `standard-published` is `cause`; returns how many cases changed.
    @discardableResult
    static func run(for standard: AssistanceStandard, policy: AssistancePolicy, today: CivilDate, cause: UUID, source: String,
                    on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let next = try await StandardStore.takingEffect(after: standard.effectiveFrom, region: standard.region, area: standard.area,
                                                        on: connection, logger: logger).first
        let window = CaseRerating.Window(from: standard.effectiveFrom, until: next?.effectiveFrom)
        var rerated = 0
        for candidate in try await CaseStore.reratable(county: standard.region, area: standard.area, on: connection, logger: logger) {
            if try await rerate(candidate, standard: standard, window: window, policy: policy, today: today, cause: cause, source: source,
                                on: connection, logger: logger) {
                rerated += 1
            }
        }
        if rerated > 0 {
            logger.info("cases re-rated", metadata: [
                "region": "\(standard.region)", "area": "\(standard.area.rawValue)", "from": "\(standard.effectiveFrom)",
                "cases": "\(rerated)"])
        }
        return rerated
    }

    /// A case whose amount was just set from `month` on the standard in force then (a new case, a
    /// review, a member's death), while standards taking effect after `month` are already
    /// published: its terms follow each of them from its effective month, as the publication
    /// re-rated the cases open then. No event (the change that set the amount announces it) and no
    /// back-pay (those months have not been paid at the amount just set).
    static func scheduleLaterStandards(_ benefit: inout BenefitCase, after month: YearMonth, household: Household,
                                       selfCareAbility: SelfCareAbility?, policy: AssistancePolicy,
                                       on connection: PostgresConnection, logger: Logger) async throws {
        let later = try await StandardStore.takingEffect(after: month, region: benefit.region, area: household.area,
                                                         on: connection, logger: logger)
        for (index, standard) in later.enumerated() {
            let window = CaseRerating.Window(from: standard.effectiveFrom, until: later.dropFirst(index + 1).first?.effectiveFrom)
            let decision = try CaseRerating.rerate(benefit, window: window, paidThrough: nil) { covered, month throws(RuleViolation) in
                try CaseRerating.amount(program: benefit.program, covered: household.members.filter { covered.contains($0.person) },
                                        area: household.area, selfCareAbility: selfCareAbility, standard: standard, month: month,
                                        policy: policy)
            }
            if let decision { benefit.terms = decision.terms }
        }
    }

    private static func rerate(_ candidate: CaseStore.Reratable, standard: AssistanceStandard, window: CaseRerating.Window,
                               policy: AssistancePolicy, today: CivilDate, cause: UUID, source: String,
                               on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        var benefit = try await CaseStore.lock(candidate.id, on: connection, logger: logger)
        let household = try await HouseholdStore.load(benefit.householdID, verified: true, on: connection, logger: logger)
        let program = benefit.program.rawValue
        let history = try await PaymentLedger.history(of: benefit.id, program: program, region: benefit.region, scheme: AssistanceRoster(),
                                                      on: connection, logger: logger)
        let decision = try CaseRerating.rerate(benefit, window: window, paidThrough: history.settledMonths.max()) {
            covered, month throws(RuleViolation) in
            try CaseRerating.amount(program: benefit.program, covered: household.members.filter { covered.contains($0.person) },
                                    area: household.area, selfCareAbility: candidate.selfCareAbility, standard: standard, month: month,
                                    policy: policy)
        }
        guard let decision else { return false }
        benefit.terms = decision.terms
        try await CaseStore.save(benefit, on: connection, logger: logger)
        // Only the months the re-rating changed are settled; anything else the ledger shows is
        // another change's business.
        let settlement = PaymentReconciliation.settle(terms: decision.terms, settledMonths: history.settledMonths, paid: history.paid,
                                                      claimed: history.claimed)
        let backPay = settlement.backPay.filter { $0.month >= decision.from }
        try await PaymentLedger.insertBackPayments(backPay, beneficiaryID: benefit.id, program: program, causeEventID: cause,
                                                   paidOn: today, on: connection, logger: logger)
        try await Outbox.append(
            CaseRerated(caseID: benefit.id, program: benefit.program, recipients: benefit.recipients, region: benefit.region,
                        area: household.area.contract, standardEffectiveFrom: standard.effectiveFrom, from: decision.from,
                        previousAmount: decision.previousAmount, newAmount: decision.newAmount, backPaidMonths: backPay.map(\.month),
                        backPayAmount: backPay.reduce(Money.zero) { $0 + $1.amount }),
            source: source, causationID: cause, on: connection, logger: logger)
        return true
    }
}
