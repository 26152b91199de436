import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// 两项补贴 applications over HTTP: the township window takes them in (`POST
/// /disability-subsidy-applications`, the intake role of any township, as `POST /applications`),
/// the township reviews (`…/township-review`), and the county's approver grants (`…/approval`,
/// 201 with the subsidy) or refuses (`…/rejection`). Every step may carry the date it happened
/// (`on`, default today; never in the future).
enum DisabilitySubsidyApplicationRoutes {
    struct SubmitRequest: Decodable, Sendable {
        var idempotencyKey: String
        /// The township (9-digit code) that took the application.
        var intakeRegion: String
        /// The disabled person.
        var applicantResidentId: String
        var kind: String
        var certificate: CertificateRequest
        /// 依老养残, as the township found it.
        var supportedByElderlyParents: Bool?
        /// Exactly one: a household Assistance holds, or the household declared at the window.
        var householdId: UUID?
        var household: HouseholdRequest?
        var submittedOn: String?
    }

    struct CertificateRequest: Decodable, Sendable {
        var type: String
        var grade: Int
    }

    struct ReviewRequest: Decodable, Sendable {
        var notes: String
        var on: String?
    }

    struct ApplicationView: ResponseEncodable {
        var applicationId: UUID
        var kind: String
        var state: String
        var applicantRef: String
        var householdId: UUID
        var region: String
        var intakeRegion: String
        var certificate: DisabilityCertificate
        var submittedOn: String
        var reviewNotes: String?
        var subsidyId: UUID?
        var firstMonth: String?
        var rejectionCode: String?
        var rejectionReason: String?
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: AssistancePolicy, clock: ServiceClock) {
        let application = RecordRegions.disabilitySubsidyApplication(dependencies)
        let decision = RecordRegions.disabilitySubsidyDecision(dependencies)
        routes.post("/disability-subsidy-applications", RoutePolicy(roles: [.intake], region: .body("intakeRegion"))) {
            request, context -> EditedResponse<ApplicationView> in
            let body = try await request.decode(as: SubmitRequest.self, context: context)
            let intake = try body.intake(key: dependencies.personRefKey, policy: policy.residence, today: clock.today())
            let (stored, created) = try await SubmitDisabilitySubsidyApplication.run(intake, policy: policy.disability,
                                                                                     dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: created ? .created : .ok, response: ApplicationView(stored))
        }
        routes.get("/disability-subsidy-applications/:id", RoutePolicy(roles: [.intake, .reviewer, .approver, .auditor], region: .record,
                                                                       personalData: true), regionOf: application) { _, context -> ApplicationView in
            let id = try context.parameters.require("id", as: UUID.self)
            return ApplicationView(try await dependencies.database.withConnection { connection in
                try await DisabilitySubsidyApplicationStore.load(id, forUpdate: false, on: connection, logger: context.logger)
            })
        }
        routes.post("/disability-subsidy-applications/:id/township-review", RoutePolicy(roles: [.intake], region: .record),
                    regionOf: application) { request, context -> ApplicationView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: ReviewRequest.self, context: context)
            let notes = try RequestParsing.nonEmpty(body.notes, field: "notes", max: 2_000)
            return ApplicationView(try await DecideDisabilitySubsidyApplication.reviewByTownship(
                id, notes: notes, on: try ApplicationRoutes.stepDate(body.on, today: clock.today()), dependencies: dependencies,
                logger: context.logger))
        }
        routes.post("/disability-subsidy-applications/:id/approval", RoutePolicy(roles: [.approver], region: .record),
                    regionOf: decision) { request, context -> EditedResponse<DisabilitySubsidyRoutes.SubsidyView> in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: ApplicationRoutes.StepRequest.self, context: context,
                                                orIfEmpty: ApplicationRoutes.StepRequest())
            let granted = try await DecideDisabilitySubsidyApplication.approve(
                id, on: try ApplicationRoutes.stepDate(body.on, today: clock.today()), policy: policy.disability,
                dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: .created, response: DisabilitySubsidyRoutes.SubsidyView(granted))
        }
        routes.post("/disability-subsidy-applications/:id/rejection", RoutePolicy(roles: [.approver], region: .record),
                    regionOf: decision) { request, context -> ApplicationView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: ApplicationRoutes.RejectionRequest.self, context: context)
            let code = try RequestParsing.nonEmpty(body.reasonCode, field: "reasonCode")
            let reason = try RequestParsing.nonEmpty(body.reason, field: "reason", max: 2_000)
            return ApplicationView(try await DecideDisabilitySubsidyApplication.reject(
                id, code: code, reason: reason, on: try ApplicationRoutes.stepDate(body.on, today: clock.today()),
                dependencies: dependencies, logger: context.logger))
        }
    }
}

extension DisabilitySubsidyApplicationRoutes.SubmitRequest {
    /// The intake the request describes. Refuses an intake code that is not a township
    /// (`application.intake-not-township`), a household named both ways or neither
    /// (`disability-subsidy-application.household-missing`), and for a declared household an
    /// applicant outside it or no basis to apply anywhere, as `POST /applications` does.
    func intake(key: PersonRefKey, policy: ResidencePolicy, today: CivilDate) throws(RuleViolation) -> SubmitDisabilitySubsidyApplication.Intake {
        let idempotencyKey = try RequestParsing.nonEmpty(self.idempotencyKey, field: "idempotencyKey", max: 128)
        let intakeRegion = try RequestParsing.region(self.intakeRegion, field: "intakeRegion")
        try IntakeRules.requireTownship(intakeRegion)
        let person = PersonRef.derive(from: try RequestParsing.residentID(applicantResidentId, field: "applicantResidentId"), key: key)
        let source: SubmitDisabilitySubsidyApplication.HouseholdSource
        switch (householdId, household) {
        case (let id?, nil):
            source = .existing(id)
        case (nil, let declared?):
            let parsed = try declared.parse(key: key)
            try IntakeRules.requireMember(person, of: parsed)
            source = .declared(parsed, county: try IntakeRules.responsibleCounty(of: parsed, policy: policy))
        default:
            throw .invalid("disability-subsidy-application.household-missing",
                           "give exactly one of householdId (a household Assistance holds) and household (declared at the window)")
        }
        return SubmitDisabilitySubsidyApplication.Intake(
            idempotencyKey: idempotencyKey, intakeRegion: intakeRegion, person: person,
            kind: try RequestParsing.choice(kind, field: "kind", as: DisabilitySubsidyKind.self),
            certificate: DisabilityCertificate(type: try RequestParsing.choice(certificate.type, field: "certificate-type", as: DisabilityType.self),
                                               grade: try DisabilityGrade(grade: certificate.grade)),
            supportedByElderlyParents: supportedByElderlyParents ?? false, household: source,
            submittedOn: try ApplicationRoutes.stepDate(submittedOn, today: today))
    }
}

extension DisabilitySubsidyApplicationRoutes.ApplicationView {
    init(_ stored: StoredDisabilitySubsidyApplication) {
        var firstMonth: String?
        var rejectionReason: String?
        switch stored.workflow.state {
        case .granted(_, let first): firstMonth = first.iso
        case .rejected(_, let reason): rejectionReason = reason
        case .submitted, .townshipReviewed: break
        }
        self.init(applicationId: stored.id, kind: stored.kind.rawValue, state: stored.workflow.state.name, applicantRef: stored.person.rawValue,
                  householdId: stored.householdID, region: stored.region.rawValue, intakeRegion: stored.intakeRegion.rawValue,
                  certificate: stored.certificate, submittedOn: stored.workflow.submittedOn.iso, reviewNotes: stored.reviewNotes,
                  subsidyId: stored.subsidyID, firstMonth: firstMonth, rejectionCode: stored.rejectionCode, rejectionReason: rejectionReason)
    }
}
