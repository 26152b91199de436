import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO

/// Re-verification of a running case (定期核查, a change report, a life event): the household's
/// data is asked again, and the case continues at a new amount, enters 渐退 (gradual exit) when
/// income has risen above the standard, or — for 特困 — ends when the person no longer qualifies.
/// The household's open review tasks are closed with the outcome.
enum CaseReverification {
    static func run(_ id: UUID, sources: [any EconomicDataSource], policy: AssistancePolicy, today: CivilDate, source: String,
                    on connection: PostgresConnection, logger: Logger) async throws -> CaseRecord {
        var record = try await CaseLedger.lock(id, on: connection, logger: logger)
        guard record.status == "active" else {
            throw RuleViolation("case.not-active", "case \(id) is \(record.status); only an active case is re-verified", kind: .conflict)
        }
        let stored = try await HouseholdStore.load(record.householdID, verified: false, on: connection, logger: logger)
        var facts: [VerificationRecord] = []
        for dataSource in sources {
            facts += try await dataSource.records(for: stored.members.map(\.person), on: connection, logger: logger)
        }
        let members = try VerificationConsolidation.consolidate(stored.members, with: facts)
        let covered = members.filter { record.recipients.contains($0.person) }
        let standard = try await StandardStore.inForce(region: record.region, year: today.year, area: stored.area,
                                                       on: connection, logger: logger)
        let thisMonth = today.yearMonth
        var outcome: String
        switch record.program {
        case .minimumLivingAllowance, .temporaryAssistance:
            let income = try MeansTest(policy: policy.meansTest).countableIncome(of: covered, area: stored.area)
            if let exit = try GradualExit.begin(countableIncome: income.countable, householdSize: covered.count,
                                                standard: standard.minimumLivingAllowance, determinedIn: thisMonth,
                                                months: policy.gradualExitMonths) {
                record.terms = record.terms.ending(after: exit.lastPaidMonth)
                record.status = "exiting"
                outcome = "gradual exit: income \(income.countable) is no longer below the line; paid until \(exit.lastPaidMonth)"
                try await Outbox.append(
                    BenefitTerminated(caseID: record.id, program: record.program, recipients: record.recipients, region: record.region,
                                      lastCoveredDay: exit.lastCoveredDay, reason: .incomeAboveStandard, causationEventID: nil),
                    source: source, on: connection, logger: logger)
            } else {
                let amount = try BenefitAmount.compute(standard: standard.minimumLivingAllowance, countableIncome: income.countable,
                                                       members: covered, on: thisMonth.next.firstDay, policy: policy.amount).total
                if amount != record.terms.monthlyAmount {
                    record.terms = record.terms.changingAmount(to: amount, from: thisMonth.next)
                    outcome = "continued at \(amount) from \(thisMonth.next)"
                } else {
                    outcome = "continued unchanged"
                }
            }
        case .extremePoverty:
            guard let person = record.recipients.first, let member = members.first(where: { $0.person == person }) else {
                throw RuleViolation("case.no-recipient", "case \(id) has no recipient left", kind: .conflict)
            }
            let decision = ExtremePovertyEligibility.evaluate(member, hasAbleSupporter: false, on: today, policy: policy.extremePoverty)
            if decision.isEligible {
                outcome = "continued: " + decision.bases.map(\.rawValue).joined(separator: ", ")
            } else {
                record.terms = record.terms.ending(after: thisMonth)
                record.status = "exiting"
                outcome = "ended: " + decision.refusals.map(\.code).joined(separator: ", ")
                try await Outbox.append(
                    BenefitTerminated(caseID: record.id, program: record.program, recipients: record.recipients, region: record.region,
                                      lastCoveredDay: thisMonth.lastDay, reason: .review, causationEventID: nil),
                    source: source, on: connection, logger: logger)
            }
        }
        try await HouseholdStore.updateMembers(record.householdID, members: members, nearLowIncome: nil, on: connection, logger: logger)
        try await CaseLedger.save(record, on: connection, logger: logger)
        try await connection.query("""
            UPDATE review_tasks SET status = 'done', outcome = \(outcome)
            WHERE household_id = \(record.householdID) AND status = 'open' AND due_on <= \(today.iso)::date
            """, logger: logger)
        logger.info("case re-verified", metadata: ["case": "\(id)", "outcome": "\(outcome)"])
        return record
    }
}
