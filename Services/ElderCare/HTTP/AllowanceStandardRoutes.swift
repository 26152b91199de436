import Contracts
import ElderCareDomain
import Foundation
import Hummingbird
import ServiceKit

/// 高龄津贴标准: `PUT /allowance-standards/{region}` (or `POST /allowance-standards` with the region in
/// the body) sets a county's tiers from a month; `GET /allowance-standards` lists them.
enum AllowanceStandardRoutes {
    struct StandardBody: Decodable, Sendable {
        /// Only in the POST form.
        var region: String?
        /// `YYYY-MM`.
        var effectiveFrom: String
        var tiers: [SetAllowanceStandard.Tier]
    }

    struct Standard: ResponseEncodable {
        var region: String
        var effectiveFrom: String
        var tiers: [SetAllowanceStandard.Tier]
        var setOn: String
        var setBy: String

        init(_ stored: AllowanceStandardStore.Stored) {
            region = stored.region.rawValue
            effectiveFrom = stored.standard.effectiveFrom.iso
            tiers = stored.standard.tiers.map { SetAllowanceStandard.Tier(minimumAge: $0.minimumAge, monthlyAmountFen: $0.monthlyAmount.fen) }
            setOn = stored.setOn.iso
            setBy = stored.setBy
        }
    }

    struct Listing: ResponseEncodable {
        var standards: [Standard]
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, settings: AllowanceSettings, clock: ServiceClock) {
        // A county's standard: its policy officers, or the city's or province's.
        routes.put("/allowance-standards/:region", RoutePolicy(roles: [.policy], region: .path("region"))) { request, context -> EditedResponse<Standard> in
            let region = try RequestParsing.region(try context.parameters.require("region"), field: "region")
            let body = try await request.decode(as: StandardBody.self, context: context)
            return try await set(region, body, request, context, dependencies, settings: settings, clock: clock)
        }
        routes.post("/allowance-standards", RoutePolicy(roles: [.policy], region: .body("region"))) { request, context -> EditedResponse<Standard> in
            let body = try await request.decode(as: StandardBody.self, context: context)
            guard let text = body.region else { throw RuleViolation.invalid("request.missing-region", "region is required") }
            return try await set(try RequestParsing.region(text, field: "region"), body, request, context, dependencies,
                                 settings: settings, clock: clock)
        }
        // Standards are public (公布): every role reads them.
        routes.get("/allowance-standards", RoutePolicy(roles: Set(Role.allCases), region: .none)) { request, context -> Listing in
            let prefix = try request.uri.queryParameters.get("region").map { text throws(RuleViolation) in
                String(try RequestParsing.region(text, field: "region").county.significantPrefix)
            } ?? ""
            let standards = try await dependencies.database.withConnection { connection in
                try await AllowanceStandardStore.standards(under: prefix, on: connection, logger: context.logger)
            }
            return Listing(standards: standards.map(Standard.init))
        }
    }

    private static func set(_ region: RegionCode, _ body: StandardBody, _ request: Request, _ context: ServiceRequestContext,
                            _ dependencies: ServiceDependencies, settings: AllowanceSettings, clock: ServiceClock) async throws -> EditedResponse<Standard> {
        let month = try RequestParsing.month(body.effectiveFrom, field: "effectiveFrom")
        let stored = try await SetAllowanceStandard.run(county: region, effectiveFrom: month, tiers: body.tiers,
                                                        setBy: try context.requirePrincipal().subject, today: clock.today(),
                                                        settings: settings, dependencies: dependencies, logger: context.logger)
        return EditedResponse(status: .ok, response: Standard(stored))
    }
}
