import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// The application workflow over HTTP: intake, economic verification, township review with a home
/// visit, public notice (公示) with objections, then approval or rejection.
enum ApplicationRoutes {
    // Every step may carry the date it happened (`on`, default today), so work done in the field
    // is recorded afterwards with its real date; a future date is refused, and the workflow
    // refuses a date before the previous step.

    struct StepRequest: Decodable, Sendable {
        var on: String?
    }

    struct HomeVisitRequest: Decodable, Sendable {
        var visitor: String
        var notes: String
        var on: String?
    }

    struct ObjectionRequest: Decodable, Sendable {
        var reason: String
        var on: String?
    }

    struct ApprovalRequest: Decodable, Sendable {
        /// `county` or `township` (when approval is devolved).
        var authority: String
        var on: String?
    }

    struct RejectionRequest: Decodable, Sendable {
        var reasonCode: String
        var reason: String
        var on: String?
    }

    /// The step's date: `text`, or today; never after today (`request.date-in-future`).
    static func stepDate(_ text: String?, today: CivilDate) throws(RuleViolation) -> CivilDate {
        guard let text else { return today }
        let date = try RequestParsing.date(text, field: "on")
        guard date <= today else { throw .invalid("request.date-in-future", "\(date) is after today (\(today))") }
        return date
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies,
                         policy: AssistancePolicy, clock: ServiceClock, sources: [any EconomicDataSource]) {
        let application = RecordRegions.application(dependencies)
        let decision = RecordRegions.applicationDecision(dependencies, by: policy.workflow.approvingAuthority)
        // The township that takes the application in acts in its own region (any township takes any application).
        routes.post("/applications", RoutePolicy(roles: [.intake], region: .body("intakeRegion"))) { request, context -> EditedResponse<ApplicationView> in
            let body = try await request.decode(as: ApplicationRequest.self, context: context)
            let intake = try body.intake(key: dependencies.personRefKey, policy: policy.residence)
            let (application, created) = try await SubmitApplication.run(
                intake, dependencies: dependencies, policy: policy, today: try stepDate(body.submittedOn, today: clock.today()),
                logger: context.logger)
            return EditedResponse(status: created ? .created : .ok, response: ApplicationView(application))
        }
        routes.get("/applications/:id", RoutePolicy(roles: [.intake, .reviewer, .approver, .auditor], region: .record, personalData: true),
                   regionOf: application) { _, context -> ApplicationView in
            let id = try context.parameters.require("id", as: UUID.self)
            return ApplicationView(try await dependencies.database.withConnection { connection in
                try await ApplicationStore.load(id, forUpdate: false, on: connection, logger: context.logger)
            })
        }
        routes.post("/applications/:id/verification", RoutePolicy(roles: [.intake], region: .record),
                    regionOf: application) { request, context -> ApplicationView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: StepRequest.self, context: context, orIfEmpty: StepRequest())
            return ApplicationView(try await VerifyApplication.run(
                id, sources: sources, dependencies: dependencies, policy: policy, today: try stepDate(body.on, today: clock.today()),
                logger: context.logger))
        }
        routes.post("/applications/:id/home-visit", RoutePolicy(roles: [.intake], region: .record),
                    regionOf: application) { request, context -> ApplicationView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: HomeVisitRequest.self, context: context)
            let visitor = try RequestParsing.nonEmpty(body.visitor, field: "visitor")
            let notes = try RequestParsing.nonEmpty(body.notes, field: "notes", max: 2_000)
            return ApplicationView(try await ApplicationStep.recordHomeVisit(
                id, visitor: visitor, notes: notes, on: try stepDate(body.on, today: clock.today()), dependencies: dependencies,
                logger: context.logger))
        }
        routes.post("/applications/:id/public-notice", RoutePolicy(roles: [.intake], region: .record),
                    regionOf: application) { request, context -> ApplicationView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: StepRequest.self, context: context, orIfEmpty: StepRequest())
            return ApplicationView(try await ApplicationStep.startPublicNotice(
                id, on: try stepDate(body.on, today: clock.today()), dependencies: dependencies, logger: context.logger))
        }
        routes.post("/applications/:id/objections", RoutePolicy(roles: [.intake], region: .record),
                    regionOf: application) { request, context -> ApplicationView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: ObjectionRequest.self, context: context)
            _ = try RequestParsing.nonEmpty(body.reason, field: "reason", max: 2_000)
            return ApplicationView(try await ApplicationStep.recordObjection(
                id, reason: body.reason, on: try stepDate(body.on, today: clock.today()), dependencies: dependencies,
                logger: context.logger))
        }
        routes.post("/applications/:id/approval", RoutePolicy(roles: [.approver], region: .record),
                    regionOf: decision) { request, context -> ApplicationView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: ApprovalRequest.self, context: context)
            let authority = try RequestParsing.choice(body.authority, field: "authority", as: ApprovalAuthority.self)
            return ApplicationView(try await ApproveApplication.run(
                id, by: authority, policy: policy, today: try stepDate(body.on, today: clock.today()), dependencies: dependencies,
                logger: context.logger))
        }
        routes.post("/applications/:id/rejection", RoutePolicy(roles: [.approver], region: .record),
                    regionOf: decision) { request, context -> ApplicationView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: RejectionRequest.self, context: context)
            let code = try RequestParsing.nonEmpty(body.reasonCode, field: "reasonCode")
            let reason = try RequestParsing.nonEmpty(body.reason, field: "reason", max: 2_000)
            return ApplicationView(try await ApplicationStep.reject(
                id, code: code, reason: reason, on: try stepDate(body.on, today: clock.today()), dependencies: dependencies,
                logger: context.logger))
        }
    }
}

/// An application as the API shows it.
struct ApplicationView: ResponseEncodable {
    var applicationId: UUID
    var program: String
    var state: String
    var region: String
    var intakeRegion: String
    var householdId: UUID
    var applicantRef: String
    var noticeEndsOn: String?
    var verification: VerificationSummary?
    var caseIds: [UUID]
    var rejectionCode: String?
    var rejectionReason: String?

    init(_ application: StoredApplication) {
        applicationId = application.id
        program = application.program.rawValue
        state = application.workflow.state.name
        region = application.region.rawValue
        intakeRegion = application.intakeRegion.rawValue
        householdId = application.householdID
        applicantRef = application.applicant.rawValue
        noticeEndsOn = application.workflow.noticeEndsOn?.iso
        verification = application.verification
        caseIds = application.caseIDs
        rejectionCode = application.rejectionCode
        rejectionReason = application.rejectionReason
    }
}
