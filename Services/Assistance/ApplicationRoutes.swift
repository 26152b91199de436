import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import Persistence
import PostgresNIO
import ServiceKit

/// The application workflow over HTTP: intake, economic verification, township review with a home
/// visit, public notice (公示) with objections, then approval or rejection. Every step is one
/// transaction with its event; a refused step writes nothing.
enum ApplicationRoutes {
    struct View: ResponseEncodable {
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
    }

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

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies,
                         policy: AssistancePolicy, clock: ServiceClock, sources: [any EconomicDataSource]) {
        router.post("/applications") { request, context -> EditedResponse<View> in
            let body = try await request.decode(as: ApplicationRequest.self, context: context)
            let parsed = try ParsedApplication.parse(body, key: dependencies.personRefKey, policy: policy.residence)
            let (view, created) = try await submit(parsed, dependencies: dependencies, policy: policy,
                                                   today: try stepDate(body.submittedOn, today: clock.today()), logger: context.logger)
            return EditedResponse(status: created ? .created : .ok, response: view)
        }
        router.get("/applications/:id") { _, context -> View in
            let id = try applicationID(context)
            return try await dependencies.database.withConnection { connection in
                View(try await ApplicationStore.load(id, forUpdate: false, on: connection, logger: context.logger))
            }
        }
        router.post("/applications/:id/verification") { request, context -> View in
            let body = try await request.decode(as: StepRequest.self, context: context, orIfEmpty: StepRequest())
            return try await ApplicationVerification.run(try applicationID(context), sources: sources, dependencies: dependencies,
                                                         policy: policy, today: try stepDate(body.on, today: clock.today()),
                                                         logger: context.logger)
        }
        router.post("/applications/:id/home-visit") { request, context -> View in
            let body = try await request.decode(as: HomeVisitRequest.self, context: context)
            let visitor = try RequestParsing.nonEmpty(body.visitor, field: "visitor")
            let notes = try RequestParsing.nonEmpty(body.notes, field: "notes", max: 2_000)
            let date = try stepDate(body.on, today: clock.today())
            return try await step(context, dependencies) { application, connection in
                try await recordHomeVisit(&application, visitor: visitor, notes: notes, on: date, connection, context.logger)
            }
        }
        router.post("/applications/:id/public-notice") { request, context -> View in
            let body = try await request.decode(as: StepRequest.self, context: context, orIfEmpty: StepRequest())
            let date = try stepDate(body.on, today: clock.today())
            return try await step(context, dependencies) { application, _ in
                try application.workflow.startPublicNotice(on: date)
            }
        }
        router.post("/applications/:id/objections") { request, context -> View in
            let body = try await request.decode(as: ObjectionRequest.self, context: context)
            _ = try RequestParsing.nonEmpty(body.reason, field: "reason", max: 2_000)
            let date = try stepDate(body.on, today: clock.today())
            let reason = body.reason
            return try await step(context, dependencies) { application, connection in
                try application.workflow.recordObjection(on: date)
                let objection = String(decoding: try EventJSON.encoder.encode(["reason": reason, "on": date.iso]), as: UTF8.self)
                try await connection.query("""
                    UPDATE applications SET objections = objections || \(objection)::jsonb WHERE id = \(application.id)
                    """, logger: context.logger)
            }
        }
        router.post("/applications/:id/approval") { request, context -> View in
            let body = try await request.decode(as: ApprovalRequest.self, context: context)
            let authority = try RequestParsing.choice(body.authority, field: "authority", as: ApprovalAuthority.self)
            let date = try stepDate(body.on, today: clock.today())
            return try await step(context, dependencies) { application, connection in
                try await ApplicationApproval.approve(&application, by: authority, policy: policy, today: date,
                                                      dependencies: dependencies, on: connection, logger: context.logger)
            }
        }
        router.post("/applications/:id/rejection") { request, context -> View in
            let body = try await request.decode(as: RejectionRequest.self, context: context)
            let code = try RequestParsing.nonEmpty(body.reasonCode, field: "reasonCode")
            let reason = try RequestParsing.nonEmpty(body.reason, field: "reason", max: 2_000)
            let date = try stepDate(body.on, today: clock.today())
            return try await step(context, dependencies) { application, connection in
                try await reject(&application, code: code, reason: reason, on: date, source: dependencies.source,
                                 connection, context.logger)
            }
        }
    }

    /// 入户调查: the visit is recorded on the application for the review and the audit.
    static func recordHomeVisit(_ application: inout StoredApplication, visitor: String, notes: String, on date: CivilDate,
                                _ connection: PostgresConnection, _ logger: Logger) async throws {
        try application.workflow.recordHomeVisit(on: date)
        let record = String(decoding: try EventJSON.encoder.encode(["visitor": visitor, "notes": notes, "visitedOn": date.iso]),
                            as: UTF8.self)
        try await connection.query("UPDATE applications SET home_visit = \(record)::jsonb WHERE id = \(application.id)", logger: logger)
    }

    static func reject(_ application: inout StoredApplication, code: String, reason: String, on date: CivilDate, source: String,
                       _ connection: PostgresConnection, _ logger: Logger) async throws {
        try application.workflow.reject(on: date, reason: reason)
        application.rejectionCode = code
        application.rejectionReason = reason
        try await Outbox.append(
            ApplicationRejected(applicationID: application.id, program: application.program, applicant: application.applicant,
                                region: application.region, rejectedOn: date, reasonCode: code, reason: reason),
            source: source, on: connection, logger: logger)
    }

    static func applicationID(_ context: ServiceRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id", as: UUID.self) else {
            throw Problem.badRequest("request.invalid-id", "the application id must be a UUID")
        }
        return id
    }

    /// Locks the application, applies one step, saves it: all in one transaction.
    static func step(
        _ context: ServiceRequestContext, _ dependencies: ServiceDependencies,
        _ body: @Sendable (inout StoredApplication, PostgresConnection) async throws -> Void
    ) async throws -> View {
        try await step(try applicationID(context), dependencies, logger: context.logger, body)
    }

    static func step(
        _ id: UUID, _ dependencies: ServiceDependencies, logger: Logger,
        _ body: @Sendable (inout StoredApplication, PostgresConnection) async throws -> Void
    ) async throws -> View {
        try await dependencies.database.transaction(logger: logger) { connection in
            var application = try await ApplicationStore.lock(id, on: connection, logger: logger)
            try await body(&application, connection)
            try await ApplicationStore.save(application, on: connection, logger: logger)
            application.caseIDs = try await ApplicationStore.caseIDs(of: id, on: connection, logger: logger)
            return View(application)
        }
    }

    /// Stores the household and the application and publishes `application-submitted`. A repeated
    /// idempotency key returns the first application (created = false).
    static func submit(_ parsed: ParsedApplication, dependencies: ServiceDependencies, policy: AssistancePolicy,
                       today: CivilDate, logger: Logger) async throws -> (View, Bool) {
        try await dependencies.database.transaction(logger: logger) { connection in
            // Two intakes for the same key or the same person wait for each other, so the checks
            // below see each other's result (locks taken in a stable order: no deadlock).
            let keys = (["key:" + parsed.idempotencyKey] + parsed.household.members.map { "person:" + $0.person.rawValue }).sorted()
            for key in keys {
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("application:" + key)))", logger: logger)
            }
            let existing = try await connection.query(
                "SELECT id FROM applications WHERE idempotency_key = \(parsed.idempotencyKey)", logger: logger)
            for try await id in existing.decode(UUID.self) {
                return (View(try await ApplicationStore.lock(id, on: connection, logger: logger)), false)
            }
            // One open application per person and program, whichever household lists them.
            let open = try await connection.query("""
                SELECT a.id FROM applications a JOIN household_members m ON m.household_id = a.household_id
                WHERE m.person_ref = ANY(\(parsed.household.members.map(\.person.rawValue))) AND a.program = \(parsed.program.rawValue)
                  AND a.state NOT IN ('granted', 'rejected') LIMIT 1
                """, logger: logger)
            for try await other in open.decode(UUID.self) {
                throw RuleViolation("application.already-open", "a member already has an open \(parsed.program.rawValue) application \(other)",
                                    kind: .conflict)
            }
            let id = UUID()
            let householdID = UUID()
            try await HouseholdStore.insert(parsed.household, id: householdID, region: parsed.region, on: connection, logger: logger)
            let workflow = ApplicationWorkflow(program: parsed.program, submittedOn: today, policy: policy.workflow)
            let extras = ApplicationExtras(hasAbleSupporter: parsed.hasAbleSupporter, selfCareAbility: parsed.selfCareAbility)
            try await connection.query("""
                INSERT INTO applications (id, idempotency_key, program, household_id, applicant_ref, region, intake_region,
                                          state, workflow, extras, submitted_on)
                VALUES (\(id), \(parsed.idempotencyKey), \(parsed.program.rawValue), \(householdID), \(parsed.applicant.rawValue),
                        \(parsed.region.rawValue), \(parsed.intakeRegion.rawValue), \(workflow.state.name),
                        \(String(decoding: try EventJSON.encoder.encode(workflow), as: UTF8.self))::jsonb,
                        \(String(decoding: try EventJSON.encoder.encode(extras), as: UTF8.self))::jsonb, \(today.iso)::date)
                """, logger: logger)
            try await Outbox.append(
                ApplicationSubmitted(applicationID: id, program: parsed.program, applicant: parsed.applicant,
                                     members: parsed.household.members.map(\.person), region: parsed.region,
                                     intakeRegion: parsed.intakeRegion, submittedOn: today),
                source: dependencies.source, on: connection, logger: logger)
            return (View(try await ApplicationStore.lock(id, on: connection, logger: logger)), true)
        }
    }
}

extension ApplicationRoutes.View {
    init(_ application: StoredApplication) {
        self.init(applicationId: application.id, program: application.program.rawValue, state: application.workflow.state.name,
                  region: application.region.rawValue, intakeRegion: application.intakeRegion.rawValue,
                  householdId: application.householdID, applicantRef: application.applicant.rawValue,
                  noticeEndsOn: application.workflow.noticeEndsOn?.iso, verification: application.verification,
                  caseIds: application.caseIDs, rejectionCode: application.rejectionCode, rejectionReason: application.rejectionReason)
    }
}
