import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// 两项补贴 eligibility and grant, inside the caller's transaction: the township's intake checks
/// an application with ``assess(_:policy:today:on:logger:)``, and the county's approval
/// re-checks it and grants with ``grant(_:applicationID:policy:today:source:on:logger:)``.
/// The household's standing comes from Assistance's own data (the facts from
/// ``HouseholdStore/disabilityStanding(_:on:logger:)``, decided by ``DisabilityHouseholdStanding/status``),
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

    /// What the checks found: the household's county, why the person qualifies in `firstMonth`,
    /// and the person's subsidies of this kind whose 渐退 has run its course (a grant ends them).
    struct Assessment: Sendable {
        var region: RegionCode
        var basis: DisabilitySubsidyBasis
        var finishedExits: [DisabilitySubsidy]
    }

    /// Checks without writing (the caller's region was checked against the application's). Refuses
    /// what ``checkCertificate(_:household:)`` and
    /// the eligibility rule refuse, and `disability-subsidy.already-granted` (409) when the person
    /// holds this kind already (active, or in a 渐退 still paid now or in the new first month).
    static func assess(_ request: Request, policy: DisabilitySubsidyPolicy, today: CivilDate,
                       on connection: PostgresConnection, logger: Logger) async throws -> Assessment {
        let standing = try await HouseholdStore.disabilityStanding(request.householdID, on: connection, logger: logger)
        let household = try await HouseholdStore.load(request.householdID, verified: true, on: connection, logger: logger)
        try checkCertificate(request, household: household)
        let facts = LivingSubsidyFacts(householdStatus: standing.status, supportedByElderlyParents: request.supportedByElderlyParents,
                                       disabledMembers: household.members.filter { $0.disability != nil }.count)
        let basis = try DisabilitySubsidyEligibility.check(request.kind, certificate: request.certificate, facts: facts,
                                                           in: request.firstMonth, policy: policy)
        let earlier = try await finishedExits(of: request, today: today, on: connection, logger: logger)
        guard earlier.blocking.isEmpty else {
            throw RuleViolation("disability-subsidy.already-granted", "the person already receives the \(request.kind.rawValue) subsidy",
                                kind: .conflict)
        }
        return Assessment(region: standing.region, basis: basis, finishedExits: earlier.ended)
    }

    /// Re-checks and grants: ends the person's finished 渐退 of this kind, then the subsidy at the
    /// county's amounts and its `disability-subsidy-granted`.
    static func grant(_ request: Request, applicationID: UUID, policy: DisabilitySubsidyPolicy, today: CivilDate, source: String,
                      on connection: PostgresConnection, logger: Logger) async throws -> DisabilitySubsidyStore.Stored {
        let assessment = try await assess(request, policy: policy, today: today, on: connection, logger: logger)
        let schedule = try await DisabilitySubsidyStandardStore.schedule(region: assessment.region, kind: request.kind,
                                                                         on: connection, logger: logger)
        let subsidy = try DisabilitySubsidy.grant(id: UUID(), person: request.person, kind: request.kind, basis: assessment.basis,
                                                  firstMonth: request.firstMonth, schedule: schedule)
        for var earlier in assessment.finishedExits {
            _ = earlier.endExit(before: min(today.yearMonth, request.firstMonth))
            try await DisabilitySubsidyStore.save(earlier, on: connection, logger: logger)
            logger.info("disability subsidy ended after its gradual exit", metadata: ["subsidy": "\(earlier.id)"])
        }
        try await DisabilitySubsidyStore.insert(subsidy, householdID: request.householdID, grantedOn: today, on: connection, logger: logger)
        try await Outbox.append(
            DisabilitySubsidyGranted(subsidyID: subsidy.id, person: subsidy.person, region: subsidy.region, program: subsidy.kind.program,
                                     basis: assessment.basis.rawValue, firstMonth: request.firstMonth,
                                     monthlyAmount: subsidy.terms.amount(in: request.firstMonth), applicationID: applicationID),
            source: source, on: connection, logger: logger)
        return DisabilitySubsidyStore.Stored(subsidy: subsidy, householdID: request.householdID, grantedOn: today)
    }

    /// The person's subsidies of the request's kind that block a new grant (``DisabilitySubsidyStatus/blocksNewGrant``),
    /// split into those whose 渐退 has run its course before the earlier of this month and the new
    /// first month (``DisabilitySubsidy/endExit(before:)``: they end, and no longer block) and the
    /// rest (active, or an exit still paid now or in a month the new grant would pay too). Locked.
    static func finishedExits(of request: Request, today: CivilDate, on connection: PostgresConnection,
                              logger: Logger) async throws -> (ended: [DisabilitySubsidy], blocking: [DisabilitySubsidy]) {
        var ended: [DisabilitySubsidy] = []
        var blocking: [DisabilitySubsidy] = []
        for stored in try await DisabilitySubsidyStore.of(person: request.person, on: connection, logger: logger)
        where stored.subsidy.kind == request.kind && stored.subsidy.status.blocksNewGrant {
            var probe = stored.subsidy
            if probe.endExit(before: min(today.yearMonth, request.firstMonth)) { ended.append(stored.subsidy) } else { blocking.append(stored.subsidy) }
        }
        return (ended, blocking)
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
