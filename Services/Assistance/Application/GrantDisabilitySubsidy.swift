import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// 两项补贴 eligibility and grant, inside the caller's transaction: the township's intake checks
/// an application with ``assess(_:scope:policy:on:logger:)``, and the county's approval re-checks
/// it and grants with ``grant(_:applicationID:policy:today:source:on:logger:)``.
/// The household's standing comes from Assistance's own data (``HouseholdStore/disabilityStanding(_:on:logger:)``),
/// the grade from the household's member, and ``DisabilitySubsidyEligibility/check(_:certificate:facts:in:policy:)`` decides.
enum GrantDisabilitySubsidy {
    struct Request: Sendable {
        var householdID: UUID
        var person: PersonRef
        var kind: DisabilitySubsidyKind
        var certificate: DisabilityCertificate
        var firstMonth: YearMonth
        /// 依老养残, as the township found it.
        var supportedByElderlyParents: Bool
    }

    /// What the checks found: the household's county and why the person qualifies in `firstMonth`.
    struct Assessment: Sendable {
        var region: RegionCode
        var basis: DisabilitySubsidyBasis
    }

    /// Checks without writing. `scope`, when given, is the caller's region: a household outside it
    /// is refused `auth.outside-region` (403). Refuses what ``checkCertificate(_:household:)`` and
    /// the eligibility rule refuse, and `disability-subsidy.already-granted` (409) when the person
    /// holds this kind already.
    static func assess(_ request: Request, scope: RegionCode?, policy: DisabilitySubsidyPolicy, on connection: PostgresConnection,
                       logger: Logger) async throws -> Assessment {
        let standing = try await HouseholdStore.disabilityStanding(request.householdID, on: connection, logger: logger)
        if let scope, !scope.contains(standing.region) {
            throw RuleViolation(AccessRefusal.outsideRegionCode,
                                "the household's county \(standing.region) does not lie within the token's region \(scope)", kind: .forbidden)
        }
        let household = try await HouseholdStore.load(request.householdID, verified: true, on: connection, logger: logger)
        try checkCertificate(request, household: household)
        let facts = LivingSubsidyFacts(householdStatus: standing.status, supportedByElderlyParents: request.supportedByElderlyParents,
                                       disabledMembers: household.members.filter { $0.disability != nil }.count)
        let basis = try DisabilitySubsidyEligibility.check(request.kind, certificate: request.certificate, facts: facts,
                                                           in: request.firstMonth, policy: policy)
        if try await DisabilitySubsidyStore.holds(request.person, kind: request.kind, on: connection, logger: logger) {
            throw RuleViolation("disability-subsidy.already-granted", "the person already receives the \(request.kind.rawValue) subsidy",
                                kind: .conflict)
        }
        return Assessment(region: standing.region, basis: basis)
    }

    /// Re-checks and grants: the subsidy at the county's amounts and its `disability-subsidy-granted`.
    static func grant(_ request: Request, applicationID: UUID, policy: DisabilitySubsidyPolicy, today: CivilDate, source: String,
                      on connection: PostgresConnection, logger: Logger) async throws -> DisabilitySubsidyStore.Stored {
        let assessment = try await assess(request, scope: nil, policy: policy, on: connection, logger: logger)
        let schedule = try await DisabilitySubsidyStandardStore.schedule(region: assessment.region, kind: request.kind,
                                                                         on: connection, logger: logger)
        let subsidy = try DisabilitySubsidy.grant(id: UUID(), person: request.person, kind: request.kind, basis: assessment.basis,
                                                  firstMonth: request.firstMonth, schedule: schedule)
        try await DisabilitySubsidyStore.insert(subsidy, householdID: request.householdID, grantedOn: today, on: connection, logger: logger)
        try await Outbox.append(
            DisabilitySubsidyGranted(subsidyID: subsidy.id, person: subsidy.person, region: subsidy.region, program: subsidy.kind.program,
                                     basis: assessment.basis.rawValue, firstMonth: request.firstMonth,
                                     monthlyAmount: subsidy.terms.amount(in: request.firstMonth), applicationID: applicationID),
            source: source, on: connection, logger: logger)
        return DisabilitySubsidyStore.Stored(subsidy: subsidy, householdID: request.householdID, grantedOn: today)
    }

    /// The person is a member of the household, and the certificate's grade is the one the
    /// household's record holds for them (`disability-subsidy.member-not-in-household`,
    /// `disability-subsidy.certificate-mismatch`).
    static func checkCertificate(_ request: Request, household: Household) throws(RuleViolation) {
        guard let member = household.members.first(where: { $0.person == request.person }) else {
            throw RuleViolation("disability-subsidy.member-not-in-household", "the person is not a member of household \(request.householdID)")
        }
        guard member.disability == request.certificate.grade else {
            let recorded = member.disability.map { "grade \($0.rawValue)" } ?? "no disability certificate"
            throw RuleViolation("disability-subsidy.certificate-mismatch",
                                "the certificate says grade \(request.certificate.grade.rawValue); the household's record holds \(recorded)")
        }
    }
}
