import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// 保障标准: `POST /standards` validates and publishes a county's standards for a year and area,
/// taking effect in January or the month given (re-rating the cases paid on them);
/// `PUT /city-minimum-standards/{year}/{area}` sets the city's minimum guidance;
/// `GET /standards` lists what was published.
enum StandardRoutes {
    struct PublishRequest: Decodable, Sendable {
        var region: String
        var year: Int
        var area: String
        /// 低保 per person per month, or per year (`…AnnualFen`, divided by 12); exactly one is given.
        var minimumLivingAllowanceFen: Int64?
        var minimumLivingAllowanceAnnualFen: Int64?
        var extremePovertyBasicFen: Int64?
        var extremePovertyBasicAnnualFen: Int64?
        /// 特困 care standards per month by self-care tier (`fully-self-caring`, `partially-dependent`, `fully-dependent`).
        var extremePovertyCareFen: [String: Int64]?
        /// Required to publish a 特困 basic standard below 1.3 × 低保.
        var overrideReason: String?
        /// 居民上年度人均消费支出增速 in per mille, which the 低保 growth is held to.
        var consumptionGrowthPermille: Int?
        var publishedOn: String?
        /// The first month the standard is paid at, `YYYY-MM` within `year`; January when absent.
        var effectiveFrom: String?
    }

    struct CityMinimumRequest: Decodable, Sendable {
        var minimumLivingAllowanceFen: Int64
    }

    struct Published: ResponseEncodable {
        var region: String
        var year: Int
        var area: String
        var effectiveFrom: String
        var minimumLivingAllowanceFen: Int64
        var extremePovertyBasicFen: Int64
        var extremePovertyCareFen: [String: Int64]
        var warnings: [String]
        var growthShortfalls: [Shortfall]
        var consumptionGrowthPermille: Int?
        var overrideReason: String?
        var publishedOn: String
    }

    /// A figure that grew less than its floor: what it was, what it is, what was asked.
    struct Shortfall: Encodable, Sendable {
        var figure: String
        var tier: String?
        var previousFen: Int64
        var publishedFen: Int64
        var floorPermille: Int
        var basis: String
        var requiredFen: Int64
        var shortfallFen: Int64
    }

    struct Listing: ResponseEncodable {
        var standards: [Published]
    }

    /// A year in a path or query: a number within `AssistanceStandard.years`.
    static func year(_ text: String) throws(RuleViolation) -> Int {
        guard let year = Int(text), AssistanceStandard.years.contains(year) else {
            throw .invalid("request.invalid-year", "year must be a number from \(AssistanceStandard.years.lowerBound) to \(AssistanceStandard.years.upperBound)")
        }
        return year
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies,
                         policy: AssistancePolicy, clock: ServiceClock) {
        // A county's standards: its own policy officers, or the city's.
        routes.post("/standards", RoutePolicy(roles: [.policy], region: .body("region"))) { request, context -> EditedResponse<Published> in
            let body = try await request.decode(as: PublishRequest.self, context: context)
            let standard = try body.standard()
            let override = try body.overrideReason.map { reason throws(RuleViolation) in try StandardOverride(reason: reason) }
            let consumptionGrowth = try body.consumptionGrowthPermille.map { permille throws(RuleViolation) in
                try ConsumptionGrowth(permille: permille)
            }
            let publishedOn = try body.publishedOn.map { text throws(RuleViolation) in
                try RequestParsing.date(text, field: "publishedOn")
            } ?? clock.today()
            let published = try await PublishStandard.run(standard, override: override, consumptionGrowth: consumptionGrowth,
                                                          publishedOn: publishedOn, today: clock.today(), policy: policy,
                                                          dependencies: dependencies,
                                                          logger: context.logger)
            return EditedResponse(status: .created, response: Published(published))
        }
        // The city's own guidance has no region column: only a token for the city (or above) sets it.
        routes.put("/city-minimum-standards/:year/:area", RoutePolicy(roles: [.policy], region: .fromToken)) { request, context -> Response in
            try requireCityLevel(try context.requirePrincipal())
            let year = try Self.year(try context.parameters.require("year"))
            let area = try RequestParsing.choice(try context.parameters.require("area"), field: "area", as: UrbanRural.self)
            let body = try await request.decode(as: CityMinimumRequest.self, context: context)
            let minimum = try CityMinimumStandard(year: year, area: area, minimumLivingAllowance: Money(fen: body.minimumLivingAllowanceFen))
            try await PublishStandard.setCityMinimum(minimum, today: clock.today(), dependencies: dependencies, logger: context.logger)
            return Response(status: .noContent)
        }
        // Published standards are public (公布): every role reads every region's, a township
        // officer its county's.
        routes.get("/standards", RoutePolicy(roles: Set(Role.allCases), region: .none)) { request, context -> Listing in
            let region = try request.uri.queryParameters.get("region").map { text throws(RuleViolation) in
                try RequestParsing.region(text, field: "region").rawValue
            }
            let year = try request.uri.queryParameters.get("year").map(Self.year)
            let standards = try await dependencies.database.withConnection { connection in
                try await StandardStore.published(region: region, year: year, on: connection, logger: context.logger)
            }
            return Listing(standards: standards.map(Published.init))
        }
    }
}

extension StandardRoutes {
    /// The city minimum is set by the city: a token of a county or township is outside it
    /// (`auth.outside-region`, 403).
    static func requireCityLevel(_ principal: Principal) throws(RuleViolation) {
        guard principal.region.level <= .prefecture else {
            throw RuleViolation(AccessRefusal.outsideRegionCode,
                                "the city minimum standard is set by the city; the token's region \(principal.region) is a \(principal.region.level)",
                                kind: .forbidden)
        }
    }
}

extension StandardRoutes.PublishRequest {
    /// The standard the request publishes: 低保 and 特困 basic each given per month or per year
    /// (exactly one of the two), care standards per self-care tier.
    func standard() throws(RuleViolation) -> AssistanceStandard {
        func monthly(_ monthly: Int64?, _ annual: Int64?, field: String) throws(RuleViolation) -> Money {
            switch (monthly, annual) {
            case (let value?, nil): return Money(fen: value)
            case (nil, let value?): return try AssistanceStandard.monthly(fromAnnual: Money(fen: value))
            default: throw .invalid("request.invalid-\(field)", "give exactly one of \(field)Fen and \(field)AnnualFen")
            }
        }
        var care: [SelfCareAbility: Money] = [:]
        for (tier, fen) in extremePovertyCareFen ?? [:] {
            care[try RequestParsing.choice(tier, field: "extremePovertyCareFen", as: SelfCareAbility.self)] = Money(fen: fen)
        }
        return try AssistanceStandard(
            region: try RequestParsing.region(region, field: "region"), year: year,
            area: try RequestParsing.choice(area, field: "area", as: UrbanRural.self),
            effectiveFrom: try effectiveFrom.map { text throws(RuleViolation) in try RequestParsing.month(text, field: "effectiveFrom") },
            minimumLivingAllowance: try monthly(minimumLivingAllowanceFen, minimumLivingAllowanceAnnualFen, field: "minimumLivingAllowance"),
            extremePovertyBasic: try monthly(extremePovertyBasicFen, extremePovertyBasicAnnualFen, field: "extremePovertyBasic"),
            extremePovertyCare: care)
    }
}

extension StandardRoutes.Published {
    init(_ published: StandardStore.Published) {
        let standard = published.standard
        self.init(region: standard.region.rawValue, year: standard.year, area: standard.area.rawValue,
                  effectiveFrom: standard.effectiveFrom.iso,
                  minimumLivingAllowanceFen: standard.minimumLivingAllowance.fen, extremePovertyBasicFen: standard.extremePovertyBasic.fen,
                  extremePovertyCareFen: StandardStore.careFen(standard), warnings: published.warnings,
                  growthShortfalls: published.growthShortfalls.map(StandardRoutes.Shortfall.init),
                  consumptionGrowthPermille: published.consumptionGrowth?.permille,
                  overrideReason: published.overrideReason, publishedOn: published.publishedOn.iso)
    }
}

extension StandardRoutes.Shortfall {
    init(_ shortfall: GrowthShortfall) {
        self.init(figure: shortfall.figure.rawValue, tier: shortfall.tier?.rawValue, previousFen: shortfall.previous.fen,
                  publishedFen: shortfall.published.fen, floorPermille: shortfall.floorPermille, basis: shortfall.basis.rawValue,
                  requiredFen: shortfall.required.fen, shortfallFen: shortfall.shortfall.fen)
    }
}
