import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// 动态监测 over HTTP: partner agencies report risk signals (`POST /risk-signals`; the same
/// signals also arrive on `civil.monitoring.events`), caseworkers list the leads they raised and
/// follow them up or close them.
enum LowIncomeMonitoringRoutes {
    struct SignalRequest: Decodable, Sendable {
        var signalId: UUID?
        /// Either the person ref or the resident ID (never stored) identifies the person.
        var personRef: String?
        var residentId: String?
        var kind: String
        var agency: String
        var reportedOn: String
        var amountFen: Int64?
        var detail: String?
        /// Where the agency places the person, if it says (an outreach lead is raised there).
        var region: String?
    }

    struct Lead: ResponseEncodable, Codable, Sendable {
        var leadId: UUID
        var signalId: UUID
        /// `household` (a recipient or near-低保 household) or `outreach` (anyone else).
        var kind: String
        /// Absent for an outreach lead.
        var householdId: UUID?
        var personRef: String
        var householdStatus: String?
        /// Where the lead is followed up.
        var region: String
        var explanation: String
        var status: String
        var outcome: String?
        var detectedOn: String

        init(_ lead: RiskLead) {
            leadId = lead.id
            signalId = lead.signalID
            kind = lead.subject.kind
            householdId = lead.subject.householdID
            personRef = lead.person.rawValue
            householdStatus = lead.subject.householdStatus?.rawValue
            region = lead.region.rawValue
            explanation = lead.explanation
            status = lead.status.rawValue
            outcome = lead.outcome
            detectedOn = lead.detectedOn.iso
        }
    }

    struct SignalResult: ResponseEncodable {
        var signalId: UUID
        var leads: [Lead]
    }

    struct LeadList: ResponseEncodable {
        var leads: [Lead]
    }

    struct LeadUpdate: Decodable, Sendable {
        var note: String
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        // A signal is an agency's fact about a person, received bureau-wide (as on the monitoring
        // topic): it raises leads wherever the person's households live, but the answer lists only
        // the leads within the token's region. An outreach lead with no region of its own is the
        // reporting officer's.
        routes.post("/risk-signals", RoutePolicy(roles: [.intake], region: .fromToken)) { request, context -> EditedResponse<SignalResult> in
            let body = try await request.decode(as: SignalRequest.self, context: context)
            let signal = try body.signal(key: dependencies.personRefKey)
            let scope = try context.requirePrincipal().region
            let (leads, isNew) = try await ReceiveRiskSignal.run(signal, today: clock.today(), answeringWithin: scope, dependencies: dependencies,
                                                                 logger: context.logger)
            // A repeated signal id is the same signal: 200 with the leads it raised the first time.
            return EditedResponse(status: isNew ? .created : .ok, response: SignalResult(signalId: signal.signalID, leads: leads.map(Lead.init)))
        }
        // The leads of households living within the token's region now.
        routes.get("/leads", RoutePolicy(roles: [.intake, .reviewer, .auditor], region: .fromToken, personalData: true)) { request, context -> LeadList in
            let status = try request.uri.queryParameters.get("status").map { text throws(RuleViolation) in
                try RequestParsing.choice(text, field: "status", as: LeadStatus.self)
            }
            let scope = try context.requirePrincipal().region
            let leads = try await dependencies.database.withConnection { connection in
                try await RiskLeadStore.leads(status: status, within: scope, on: connection, logger: context.logger)
            }
            return LeadList(leads: leads.map(Lead.init))
        }
        let lead = RecordRegions.lead(dependencies)
        routes.post("/leads/:id/follow-up", RoutePolicy(roles: [.intake], region: .record), regionOf: lead) { request, context -> Lead in
            try await update(request, context, dependencies, to: .followingUp, today: clock.today())
        }
        routes.post("/leads/:id/closure", RoutePolicy(roles: [.intake], region: .record), regionOf: lead) { request, context -> Lead in
            try await update(request, context, dependencies, to: .closed, today: clock.today())
        }
    }

    static func update(_ request: Request, _ context: ServiceRequestContext, _ dependencies: ServiceDependencies,
                       to status: LeadStatus, today: CivilDate) async throws -> Lead {
        let id = try context.parameters.require("id", as: UUID.self)
        let body = try await request.decode(as: LeadUpdate.self, context: context)
        let note = try RequestParsing.nonEmpty(body.note, field: "note", max: 2_000)
        return Lead(try await FollowUpLead.run(id, to: status, note: note, today: today, dependencies: dependencies,
                                               logger: context.logger))
    }
}

extension LowIncomeMonitoringRoutes.SignalRequest {
    /// The signal the request reports, as the monitoring topic carries it.
    func signal(key: PersonRefKey) throws(RuleViolation) -> RiskSignalReported {
        let person = try PersonIdentification.person(
            personRef: personRef, residentId: residentId, key: key,
            missing: .invalid("risk-signal.person-missing", "give exactly one of personRef and residentId"))
        return RiskSignalReported(
            signalID: signalId ?? UUID(), person: person,
            kind: try RequestParsing.choice(kind, field: "kind", as: RiskSignalKind.self),
            reportedOn: try RequestParsing.date(reportedOn, field: "reportedOn"),
            agency: try RequestParsing.nonEmpty(agency, field: "agency"),
            amount: try amountFen.map { value throws(RuleViolation) in try RequestParsing.fen(value, field: "amountFen") },
            detail: detail,
            region: try region.map { text throws(RuleViolation) in try RequestParsing.region(text, field: "region") })
    }
}
