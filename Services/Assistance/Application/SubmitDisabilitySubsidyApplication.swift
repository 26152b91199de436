import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// One-door intake (一门受理) of an application for one of the two subsidies: any township takes
/// it in, as it takes a 低保 application. The household is one Assistance holds already (its
/// 低保 or 低保边缘 standing is what the living subsidy reads) or, for someone Assistance does not
/// know yet, the household declared at the window, stored as a 低保 intake stores it. What the
/// county would refuse is refused now, with the same codes, and writes nothing. One transaction:
/// the application and its `disability-subsidy-application-submitted`. A repeated idempotency key
/// returns the first application.
enum SubmitDisabilitySubsidyApplication {
    enum HouseholdSource: Sendable {
        case existing(UUID)
        /// Declared at the window, with the county its residence makes responsible.
        case declared(Household, county: RegionCode)
    }

    struct Intake: Sendable {
        var idempotencyKey: String
        /// The township that took it in.
        var intakeRegion: RegionCode
        var person: PersonRef
        var kind: DisabilitySubsidyKind
        var certificate: DisabilityCertificate
        var supportedByElderlyParents: Bool
        var household: HouseholdSource
        var submittedOn: CivilDate
    }

    /// Returns the application and whether it was created now (false: the key was seen before).
    static func run(_ intake: Intake, policy: DisabilitySubsidyPolicy, dependencies: ServiceDependencies,
                    logger: Logger) async throws -> (application: StoredDisabilitySubsidyApplication, created: Bool) {
        try await dependencies.database.transaction(logger: logger) { connection in
            try await DisabilitySubsidyApplicationStore.serialise(idempotencyKey: intake.idempotencyKey, on: connection, logger: logger)
            if let existing = try await DisabilitySubsidyApplicationStore.application(idempotencyKey: intake.idempotencyKey,
                                                                                       on: connection, logger: logger) {
                return (try await DisabilitySubsidyApplicationStore.load(existing, forUpdate: false, on: connection, logger: logger), false)
            }
            let householdID: UUID
            switch intake.household {
            case .existing(let id):
                householdID = id
            case .declared(let household, let county):
                householdID = UUID()
                try await HouseholdStore.insert(household, id: householdID, region: county, on: connection, logger: logger)
            }
            let request = GrantDisabilitySubsidy.Request(
                householdID: householdID, person: intake.person, kind: intake.kind, certificate: intake.certificate,
                firstMonth: DisabilitySubsidyApplicationWorkflow.firstMonth(approvedOn: intake.submittedOn),
                supportedByElderlyParents: intake.supportedByElderlyParents)
            let assessment = try await GrantDisabilitySubsidy.assess(request, policy: policy, today: intake.submittedOn,
                                                                     on: connection, logger: logger)
            let application = StoredDisabilitySubsidyApplication(
                id: UUID(), person: intake.person, householdID: householdID, region: assessment.region, intakeRegion: intake.intakeRegion,
                kind: intake.kind, certificate: intake.certificate, supportedByElderlyParents: intake.supportedByElderlyParents,
                workflow: DisabilitySubsidyApplicationWorkflow(submittedOn: intake.submittedOn))
            try await DisabilitySubsidyApplicationStore.insert(application, idempotencyKey: intake.idempotencyKey, on: connection, logger: logger)
            try await Outbox.append(
                DisabilitySubsidyApplicationSubmitted(applicationID: application.id, program: intake.kind.program, applicant: intake.person,
                                                      region: assessment.region, intakeRegion: intake.intakeRegion,
                                                      submittedOn: intake.submittedOn),
                source: dependencies.source, on: connection, logger: logger)
            return (application, true)
        }
    }
}
