import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// 临时救助 over HTTP: report a case, advance an urgent one from the township's reserve
/// (先行救助), review and grant it; top up a township's reserve.
enum TemporaryAssistanceRoutes {
    struct ReportRequest: Decodable, Sendable {
        /// `urgent` (急难型) or `expenditure` (支出型).
        var kind: String
        var residentId: String
        /// The township (9-digit code) handling the report; for urgent cases, where the emergency happened.
        var township: String
        var description: String
        /// Expenditure cases only: the residence bases the household may apply on.
        var residence: [ResidenceRequest]?
        /// RFC 3339; defaults to now.
        var reportedAt: String?
    }

    struct AdvanceRequest: Decodable, Sendable {
        var amountFen: Int64
        /// RFC 3339; defaults to now.
        var advancedAt: String?
    }

    struct ReviewRequest: Decodable, Sendable {
        var grantedFen: Int64
    }

    struct TopUpRequest: Decodable, Sendable {
        var amountFen: Int64
    }

    struct CaseView: ResponseEncodable {
        var caseId: UUID
        var kind: String
        var personRef: String
        var region: String
        var township: String
        var status: String
        var reportedAt: String
        var advancedAt: String?
        var advanceFen: Int64?
        var withinTarget: Bool?

        init(_ temporary: TemporaryCase) {
            caseId = temporary.id
            kind = temporary.need.kind.rawValue
            personRef = temporary.person.rawValue
            region = temporary.region.rawValue
            township = temporary.township.rawValue
            status = temporary.status.rawValue
            reportedAt = RFC3339.format(temporary.reportedAt)
            advancedAt = temporary.advancedAt.map(RFC3339.format)
            advanceFen = temporary.advance?.fen
            withinTarget = temporary.withinTarget
        }
    }

    struct Fund: ResponseEncodable {
        var township: String
        var balanceFen: Int64
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: AssistancePolicy,
                         clock: ServiceClock) {
        let temporaryCase = RecordRegions.temporaryCase(dependencies)
        // Reported at a township: the case is that township's (its reserve advances the money).
        routes.post("/temporary-assistance", RoutePolicy(roles: [.intake], region: .body("township"))) { request, context -> EditedResponse<CaseView> in
            let body = try await request.decode(as: ReportRequest.self, context: context)
            let report = try body.report(key: dependencies.personRefKey)
            let reported = try await TemporaryAssistanceCases.report(report, policy: policy, dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: .created, response: CaseView(reported))
        }
        routes.get("/temporary-assistance/:id", RoutePolicy(roles: [.intake, .reviewer, .approver, .auditor], region: .record, personalData: true),
                   regionOf: temporaryCase) { _, context -> CaseView in
            let id = try context.parameters.require("id", as: UUID.self)
            return CaseView(try await TemporaryAssistanceCases.load(id, dependencies: dependencies, logger: context.logger))
        }
        routes.post("/temporary-assistance/:id/advance", RoutePolicy(roles: [.intake], region: .record),
                    regionOf: temporaryCase) { request, context -> CaseView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: AdvanceRequest.self, context: context)
            let amount = try RequestParsing.fen(body.amountFen, field: "amountFen")
            let advancedAt = try timestamp(body.advancedAt, field: "advancedAt") ?? Date()
            return CaseView(try await TemporaryAssistanceCases.advance(id, amount: amount, at: advancedAt, policy: policy,
                                                                       dependencies: dependencies, logger: context.logger))
        }
        // The review grants the amount: reviewers and approvers of the township or the county above.
        routes.post("/temporary-assistance/:id/review", RoutePolicy(roles: [.reviewer, .approver], region: .record),
                    regionOf: temporaryCase) { request, context -> CaseView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: ReviewRequest.self, context: context)
            let granted = try RequestParsing.fen(body.grantedFen, field: "grantedFen")
            guard granted > .zero else { throw RuleViolation.invalid("request.invalid-amount", "grantedFen must be positive") }
            return CaseView(try await TemporaryAssistanceCases.review(id, granted: granted, today: clock.today(), dependencies: dependencies,
                                                                      logger: context.logger))
        }
        routes.post("/reserve-funds/:township/top-ups", RoutePolicy(roles: [.finance], region: .path("township"))) { request, context -> Fund in
            let township = try RequestParsing.region(try context.parameters.require("township"), field: "township")
            let body = try await request.decode(as: TopUpRequest.self, context: context)
            let amount = try RequestParsing.fen(body.amountFen, field: "amountFen")
            let balance = try await TemporaryAssistanceCases.topUpReserve(township, by: amount, dependencies: dependencies,
                                                                          logger: context.logger)
            return Fund(township: township.rawValue, balanceFen: balance.fen)
        }
    }

    /// An RFC 3339 timestamp, or nil when the field is absent (`request.invalid-timestamp`).
    static func timestamp(_ text: String?, field: String) throws(RuleViolation) -> Date? {
        guard let text else { return nil }
        guard let date = RFC3339.parse(text) else { throw .invalid("request.invalid-timestamp", "\(field) must be an RFC 3339 timestamp") }
        return date
    }
}

extension TemporaryAssistanceRoutes.ReportRequest {
    /// The report, read in the order of its fields; the township must be a township code.
    func report(key: PersonRefKey) throws(RuleViolation) -> TemporaryAssistanceCases.Report {
        let kind = try RequestParsing.choice(self.kind, field: "kind", as: TemporaryAssistanceKind.self)
        let township = try RequestParsing.region(self.township, field: "township")
        try TemporaryAssistance.requireTownship(township)
        let person = PersonRef.derive(from: try RequestParsing.residentID(residentId, field: "residentId"), key: key)
        let description = try RequestParsing.nonEmpty(self.description, field: "description", max: 2_000)
        let reportedAt = try TemporaryAssistanceRoutes.timestamp(self.reportedAt, field: "reportedAt") ?? Date()
        let residence = try ResidenceRequest.parse(self.residence ?? [])
        return TemporaryAssistanceCases.Report(need: kind == .urgent ? .urgent(emergencyRegion: township) : .expenditure, person: person,
                                               township: township, description: description, reportedAt: reportedAt, residence: residence)
    }
}
