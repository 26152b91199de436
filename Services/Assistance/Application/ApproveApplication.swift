import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Approval (审核确认): closes the public notice, approves under the configured authority, computes
/// the amount and opens the case(s) — one for the household, or one per 单人户 member — each
/// with `application-approved` and `benefit-granted`. A standard already published to take effect
/// later in the case's period re-rates it from then, as it re-rated the cases open when it was published. A 特困 minor's review at 18 is scheduled now.
enum ApproveApplication {
    static func run(_ id: UUID, by authority: ApprovalAuthority, policy: AssistancePolicy, today: CivilDate,
                    dependencies: ServiceDependencies, logger: Logger) async throws -> StoredApplication {
        try await ApplicationStep.run(id, dependencies, logger: logger) { application, connection in
            try await approve(&application, by: authority, policy: policy, today: today, source: dependencies.source,
                              on: connection, logger: logger)
        }
    }

    /// Refuses `application.not-eligible` when verification found the applicant not eligible,
    /// besides what the workflow refuses.
    private static func approve(_ application: inout StoredApplication, by authority: ApprovalAuthority, policy: AssistancePolicy,
                        today: CivilDate, source: String, on connection: PostgresConnection, logger: Logger) async throws {
        if case .publicNotice = application.workflow.state { try application.workflow.closePublicNotice(on: today) }
        try application.workflow.approve(on: today, by: authority)
        guard case .granted(let approvedOn, let startsOn) = application.workflow.state else { return }
        guard let verification = application.verification, verification.meetsMeansTest else {
            throw RuleViolation("application.not-eligible",
                                "economic verification found the applicant not eligible; reject the application with a reason")
        }
        let household = try await HouseholdStore.load(application.householdID, verified: true, on: connection, logger: logger)
        let standard = try await StandardStore.inForce(region: application.region, month: startsOn.yearMonth, area: household.area,
                                                       on: connection, logger: logger)
        let grants = try BenefitGrant.grants(program: application.program, applicant: application.applicant,
                                             selfCareAbility: application.selfCareAbility, household: household,
                                             standard: standard, policy: policy, startsOn: startsOn)
        for grant in grants {
            var benefit = BenefitCase(id: UUID(), householdID: application.householdID, program: application.program,
                                      region: application.region, recipients: grant.recipients,
                                      terms: CaseTerms(firstMonth: startsOn.yearMonth, monthlyAmount: grant.amount),
                                      status: .active, suspensionReason: nil, departed: [])
            try await RerateCases.scheduleLaterStandards(&benefit, after: startsOn.yearMonth, household: household,
                                                         selfCareAbility: application.selfCareAbility, policy: policy,
                                                         on: connection, logger: logger)
            try await CaseStore.open(benefit, applicationID: application.id, approvedOn: approvedOn,
                                     reviewMonths: policy.reviewMonths[application.program] ?? 12, on: connection, logger: logger)
            let approved = ApplicationApproved(
                applicationID: application.id, caseID: benefit.id, program: application.program, applicant: application.applicant,
                recipients: grant.recipients, region: application.region, approvedOn: approvedOn, startsOn: startsOn,
                monthlyAmount: grant.amount, approvedBy: authority == .county ? .county : .township)
            let envelope = try await Outbox.append(approved, source: source, on: connection, logger: logger)
            try await Outbox.append(
                BenefitGranted(caseID: benefit.id, program: application.program, recipients: grant.recipients, region: application.region,
                               startsOn: startsOn, monthlyAmount: grant.amount, causationEventID: nil),
                source: source, causationID: envelope.id, on: connection, logger: logger)
        }
        // A 特困 minor leaves on the 18th birthday: the review is scheduled now.
        if application.program == .extremePoverty, let applicant = household.member(application.applicant),
           applicant.age(on: today) < policy.extremePoverty.minorAgeLimit {
            let exit = ExtremePovertyEligibility.exitDate(for: applicant, policy: policy.extremePoverty)
            try await ReviewTaskStore.open(.turningAdult, household: application.householdID, case: nil,
                                           reason: "特困 minor turns \(policy.extremePoverty.minorAgeLimit) on \(exit)", dueOn: exit,
                                           causeEventID: application.id, on: connection, logger: logger)
        }
    }
}
