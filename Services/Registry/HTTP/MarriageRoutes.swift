import Contracts
import Foundation
import Hummingbird
import RegistryDomain
import ServiceKit

/// Marriage registration (婚姻登记), court judgments against a marriage, and the marital-status
/// query other offices and services use.
enum MarriageRoutes {
    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, clock: ServiceClock, peakDays: PeakDays) {
        // Registered at the office in the body: the registrar's own, whatever the parties' hukou (全市通办).
        routes.post("/marriages", RoutePolicy(roles: [.registrar], region: .body("office"))) { request, context -> EditedResponse<MarriageResponse> in
            let command = try await request.decode(as: MarriageRequest.self, context: context).command()
            let marriage = try await RegisterMarriage.run(command, dependencies: dependencies, today: clock.today(), peakDays: peakDays,
                                                          logger: context.logger)
            return EditedResponse(status: .created, response: MarriageResponse(marriage))
        }
        routes.get("/marriages/:id", RoutePolicy(roles: [.registrar, .auditor], region: .record, personalData: true),
                   regionOf: RecordRegions.marriage(dependencies)) { _, context -> MarriageResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            guard let marriage = try await MarriageStore(dependencies.database, logger: context.logger).find(id) else {
                throw RuleViolation.marriageNotFound(id)
            }
            return MarriageResponse(marriage)
        }
        routes.get("/marriages", RoutePolicy(roles: [.registrar, .auditor], region: .query("office"), personalData: true)) { request, context -> MarriageListResponse in
            guard let office = request.uri.queryParameters.get("office"), let date = request.uri.queryParameters.get("date") else {
                throw RuleViolation.invalid("request.missing-query", "office and date are required")
            }
            let marriages = try await MarriageStore(dependencies.database, logger: context.logger)
                .list(office: try RegistrationOfficeCode(parsing: office), on: try RequestParsing.date(date, field: "date"))
            return MarriageListResponse(items: marriages.map(MarriageResponse.init))
        }
        // City-wide (and beyond): any office checks a party's status before registering, wherever
        // the person married before; it answers a status and a marriage id, not the marriage.
        routes.get("/marital-status", RoutePolicy(roles: [.registrar, .auditor], region: .none, personalData: true)) { request, context -> MaritalStatusResponse in
            let person: PersonRef
            if let id = request.uri.queryParameters.get("residentId") {
                person = PersonRef.derive(from: try RequestParsing.residentID(id, field: "residentId"), key: dependencies.personRefKey)
            } else if let ref = request.uri.queryParameters.get("personRef") {
                person = try RequestParsing.personRef(ref, field: "personRef")
            } else {
                throw RuleViolation.invalid("request.missing-query", "residentId or personRef is required")
            }
            return MaritalStatusResponse(try await MarriageStore(dependencies.database, logger: context.logger).maritalStatus(of: person))
        }
        routes.post("/marriages/:id/court-judgments", RoutePolicy(roles: [.registrar], region: .record),
                    regionOf: RecordRegions.marriage(dependencies)) { request, context -> MarriageResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            let command = try await request.decode(as: CourtJudgmentRequest.self, context: context).command(marriage: id)
            return MarriageResponse(try await RecordCourtJudgment.run(command, dependencies: dependencies, logger: context.logger))
        }
    }
}
