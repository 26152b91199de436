import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Re-verification of an active case: the household's declared data is asked of every source
/// again and consolidated, the case reviewed (``CaseReview``: new amount, 渐退, or the end of a
/// 特困 case, with `benefit-terminated`), and the household's open review tasks due by today are
/// closed with the outcome. A 低保 case that ends sends the household's living subsidies granted
/// on it into their 渐退 (``DisabilitySubsidyExits``).
enum ReverifyCase {
    static func run(_ id: UUID, sources: [any EconomicDataSource], policy: AssistancePolicy, today: CivilDate,
                    dependencies: ServiceDependencies, logger: Logger) async throws -> BenefitCase {
        try await dependencies.database.transaction(logger: logger) { connection in
            let benefit = try await CaseStore.lock(id, on: connection, logger: logger)
            try benefit.requireActive(for: "only an active case is re-verified")
            let declared = try await HouseholdStore.load(benefit.householdID, verified: false, on: connection, logger: logger)
            var facts: [VerificationRecord] = []
            for source in sources {
                facts += try await source.records(for: declared.members.map(\.person), on: connection, logger: logger)
            }
            let members = try VerificationConsolidation.consolidate(declared.members, with: facts)
            let standard = try await StandardStore.inForce(region: benefit.region, month: today.yearMonth, area: declared.area,
                                                           on: connection, logger: logger)
            var review = try CaseReview.review(benefit, members: members, area: declared.area, standard: standard, policy: policy,
                                               today: today)
            if review.reviewed.status == .active, review.reviewed.terms != benefit.terms {
                // The new amount is from next month on today's standard; one already published to
                // take effect later still applies from its month.
                try await RerateCases.scheduleLaterStandards(
                    &review.reviewed, after: today.yearMonth,
                    household: try Household(area: declared.area, residence: declared.residence, members: members),
                    selfCareAbility: nil, policy: policy, on: connection, logger: logger)
            }
            if let termination = review.termination {
                try await Outbox.append(
                    BenefitTerminated(caseID: benefit.id, program: benefit.program, recipients: benefit.recipients, region: benefit.region,
                                      lastCoveredDay: termination.lastCoveredDay, reason: termination.reason, causationEventID: nil),
                    source: dependencies.source, on: connection, logger: logger)
                if benefit.program == .minimumLivingAllowance {
                    // The household leaves 低保: its living subsidies granted on that basis begin their own 渐退.
                    try await DisabilitySubsidyExits.begin(household: benefit.householdID, determinedIn: today.yearMonth,
                                                           policy: policy.disability, source: dependencies.source,
                                                           on: connection, logger: logger)
                }
            }
            try await HouseholdStore.updateVerified(benefit.householdID, members: members, nearLowIncome: nil, on: connection, logger: logger)
            try await CaseStore.save(review.reviewed, on: connection, logger: logger)
            try await ReviewTaskStore.closeDue(household: benefit.householdID, by: today, outcome: review.outcome, on: connection,
                                               logger: logger)
            logger.info("case re-verified", metadata: ["case": "\(id)", "outcome": "\(review.outcome)"])
            return review.reviewed
        }
    }
}
