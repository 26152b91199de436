import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// 两项补贴 grant: a county's approver grants a disabled household member one subsidy from a month.
/// The household's standing comes from Assistance's own data (the facts from ``HouseholdStore/disabilityStanding(_:on:logger:)``,
/// decided by ``DisabilityHouseholdStanding/status``),
/// the grade from the household's member, and ``DisabilitySubsidyEligibility/check(_:certificate:facts:in:policy:)``
/// decides; the county's amounts set the terms. One transaction: the grant and its
/// `disability-subsidy-granted`, or on a refusal nothing.
enum GrantDisabilitySubsidy {
    struct Request: Sendable {
        var householdID: UUID
        var person: PersonRef
        var kind: DisabilitySubsidyKind
        var certificate: DisabilityCertificate
        var firstMonth: YearMonth
        /// 依老养残, as the county reviewer found it.
        var supportedByElderlyParents: Bool
    }

    /// `scope` is the approver's region: a household outside it is refused `auth.outside-region` (403).
    static func run(_ request: Request, scope: RegionCode, policy: DisabilitySubsidyPolicy, today: CivilDate,
                    dependencies: ServiceDependencies, logger: Logger) async throws -> DisabilitySubsidyStore.Stored {
        try await dependencies.database.transaction(logger: logger) { connection in
            let standing = try await HouseholdStore.disabilityStanding(request.householdID, on: connection, logger: logger)
            guard scope.contains(standing.region) else {
                throw RuleViolation(AccessRefusal.outsideRegionCode,
                                    "the household's county \(standing.region) does not lie within the token's region \(scope)", kind: .forbidden)
            }
            let household = try await HouseholdStore.load(request.householdID, verified: true, on: connection, logger: logger)
            try checkCertificate(request, household: household)
            let facts = LivingSubsidyFacts(householdStatus: standing.status, supportedByElderlyParents: request.supportedByElderlyParents,
                                           disabledMembers: household.members.filter { $0.disability != nil }.count)
            let basis = try DisabilitySubsidyEligibility.check(request.kind, certificate: request.certificate, facts: facts,
                                                               in: request.firstMonth, policy: policy)
            let schedule = try await DisabilitySubsidyStandardStore.schedule(region: standing.region, kind: request.kind,
                                                                             on: connection, logger: logger)
            let subsidy = try DisabilitySubsidy.grant(id: UUID(), person: request.person, kind: request.kind, basis: basis,
                                                      firstMonth: request.firstMonth, schedule: schedule)
            try await endFinishedExits(of: request.person, kind: request.kind, before: min(today.yearMonth, request.firstMonth),
                                       on: connection, logger: logger)
            try await DisabilitySubsidyStore.insert(subsidy, householdID: request.householdID, grantedOn: today, on: connection, logger: logger)
            try await Outbox.append(
                DisabilitySubsidyGranted(subsidyID: subsidy.id, person: subsidy.person, region: subsidy.region, program: subsidy.kind.program,
                                         basis: basis.rawValue, firstMonth: request.firstMonth,
                                         monthlyAmount: subsidy.terms.amount(in: request.firstMonth)),
                source: dependencies.source, on: connection, logger: logger)
            return DisabilitySubsidyStore.Stored(subsidy: subsidy, householdID: request.householdID, grantedOn: today)
        }
    }

    /// The person's subsidies of `kind` whose 渐退 has run its course before `month` end
    /// (``DisabilitySubsidy/endExit(before:)``), so they no longer block the new grant. `month` is
    /// the earlier of this month and the new first month: an exit still paid now, or in a month the
    /// new grant would pay too, keeps blocking (`disability-subsidy.already-granted`).
    static func endFinishedExits(of person: PersonRef, kind: DisabilitySubsidyKind, before month: YearMonth,
                                 on connection: PostgresConnection, logger: Logger) async throws {
        for stored in try await DisabilitySubsidyStore.of(person: person, on: connection, logger: logger) where stored.subsidy.kind == kind {
            var earlier = stored.subsidy
            guard earlier.endExit(before: month) else { continue }
            try await DisabilitySubsidyStore.save(earlier, on: connection, logger: logger)
            logger.info("disability subsidy ended after its gradual exit", metadata: ["subsidy": "\(earlier.id)"])
        }
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
