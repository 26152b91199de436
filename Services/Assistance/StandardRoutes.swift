import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import Persistence
import PostgresNIO
import ServiceKit

/// 保障标准: `POST /standards` validates and publishes a county's standards for a year and area;
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
        var publishedOn: String?
    }

    struct CityMinimumRequest: Decodable, Sendable {
        var minimumLivingAllowanceFen: Int64
    }

    struct Published: ResponseEncodable {
        var region: String
        var year: Int
        var area: String
        var minimumLivingAllowanceFen: Int64
        var extremePovertyBasicFen: Int64
        var extremePovertyCareFen: [String: Int64]
        var warnings: [String]
        var overrideReason: String?
        var publishedOn: String
    }

    struct Listing: ResponseEncodable {
        var standards: [Published]
    }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies,
                         policy: AssistancePolicy, clock: ServiceClock) {
        router.post("/standards") { request, context -> EditedResponse<Published> in
            let body = try await request.decode(as: PublishRequest.self, context: context)
            let published = try await publish(body, dependencies: dependencies, policy: policy, today: clock.today(), logger: context.logger)
            return EditedResponse(status: .created, response: published)
        }
        router.put("/city-minimum-standards/:year/:area") { request, context -> Response in
            guard let year = context.parameters.get("year", as: Int.self), (1...9999).contains(year) else {
                throw Problem.badRequest("request.invalid-year", "year must be a number")
            }
            let area = try RequestParsing.choice(context.parameters.get("area") ?? "", field: "area", as: UrbanRural.self)
            let body = try await request.decode(as: CityMinimumRequest.self, context: context)
            let minimum = try CityMinimumStandard(year: year, area: area, minimumLivingAllowance: Money(fen: body.minimumLivingAllowanceFen))
            try await dependencies.database.query("""
                INSERT INTO city_minimum_standards (year, area, minimum_living_allowance_fen)
                VALUES (\(year), \(area.rawValue), \(minimum.minimumLivingAllowance.fen))
                ON CONFLICT (year, area) DO UPDATE SET minimum_living_allowance_fen = EXCLUDED.minimum_living_allowance_fen
                """, logger: context.logger)
            return Response(status: .noContent)
        }
        router.get("/standards") { request, context -> Listing in
            let region = request.uri.queryParameters.get("region")
            let yearText = request.uri.queryParameters.get("year")
            let year = yearText.flatMap { Int($0) }
            if yearText != nil, year == nil { throw Problem.badRequest("request.invalid-year", "year must be a number") }
            let rows = try await dependencies.database.query("""
                SELECT region, year, area, minimum_living_allowance_fen, extreme_poverty_basic_fen,
                       extreme_poverty_care::text, warnings::text, override_reason, published_on::text
                FROM standards
                WHERE (\(region)::text IS NULL OR region = \(region)) AND (\(year)::int IS NULL OR year = \(year))
                ORDER BY region, year, area
                """, logger: context.logger)
            var standards: [Published] = []
            for try await row in rows.decode((String, Int, String, Int64, Int64, String, String, String?, String).self) {
                standards.append(Published(
                    region: row.0, year: row.1, area: row.2, minimumLivingAllowanceFen: row.3, extremePovertyBasicFen: row.4,
                    extremePovertyCareFen: try JSONDecoder().decode([String: Int64].self, from: Data(row.5.utf8)),
                    warnings: try JSONDecoder().decode([String].self, from: Data(row.6.utf8)),
                    overrideReason: row.7, publishedOn: row.8))
            }
            return Listing(standards: standards)
        }
    }

    /// Validates against the previous year and the city minimum, stores the standard and
    /// publishes `standard-published`, in one transaction.
    static func publish(_ body: PublishRequest, dependencies: ServiceDependencies, policy: AssistancePolicy,
                        today: CivilDate, logger: Logger) async throws -> Published {
        let standard = try parse(body)
        let override = try body.overrideReason.map { reason throws(RuleViolation) in try StandardOverride(reason: reason) }
        let publishedOn = try body.publishedOn.map { text throws(RuleViolation) in try RequestParsing.date(text, field: "publishedOn") } ?? today
        return try await dependencies.database.transaction(logger: logger) { connection in
            let previous = try await StandardStore.load(region: standard.region, year: standard.year - 1, area: standard.area,
                                                        on: connection, logger: logger)
            let cityMinimum = try await StandardStore.cityMinimum(year: standard.year, area: standard.area, on: connection, logger: logger)
            let review = try StandardPublication.validate(
                new: standard, previousYear: previous, cityMinimum: cityMinimum,
                growthFloor: previous == nil ? nil : policy.standardGrowthFloor, override: override)
            let care = Dictionary(uniqueKeysWithValues: standard.extremePovertyCare.map { ($0.key.rawValue, $0.value.fen) })
            let careJSON = String(decoding: try JSONEncoder().encode(care), as: UTF8.self)
            let warnings = review.warnings.map(\.code)
            let warningsJSON = String(decoding: try JSONEncoder().encode(warnings), as: UTF8.self)
            let overrideReason = review.overrideApplied?.reason
            try await connection.query("""
                INSERT INTO standards (region, year, area, minimum_living_allowance_fen, extreme_poverty_basic_fen,
                                       extreme_poverty_care, override_reason, warnings, published_on)
                VALUES (\(standard.region.rawValue), \(standard.year), \(standard.area.rawValue), \(standard.minimumLivingAllowance.fen),
                        \(standard.extremePovertyBasic.fen), \(careJSON)::jsonb, \(overrideReason), \(warningsJSON)::jsonb,
                        \(publishedOn.iso)::date)
                ON CONFLICT (region, year, area) DO UPDATE SET
                    minimum_living_allowance_fen = EXCLUDED.minimum_living_allowance_fen,
                    extreme_poverty_basic_fen = EXCLUDED.extreme_poverty_basic_fen,
                    extreme_poverty_care = EXCLUDED.extreme_poverty_care, override_reason = EXCLUDED.override_reason,
                    warnings = EXCLUDED.warnings, published_on = EXCLUDED.published_on
                """, logger: logger)
            let event = StandardPublished(
                region: standard.region, year: standard.year, area: standard.area.contract,
                minimumLivingAllowance: standard.minimumLivingAllowance, extremePovertyBasic: standard.extremePovertyBasic,
                extremePovertyCare: standard.extremePovertyCare.sorted { $0.key.rawValue < $1.key.rawValue }
                    .map { CareStandard(tier: $0.key.contract, amount: $0.value) },
                warnings: warnings, overrideReason: overrideReason, publishedOn: publishedOn)
            try await Outbox.append(event, source: dependencies.source, on: connection, logger: logger)
            return Published(region: standard.region.rawValue, year: standard.year, area: standard.area.rawValue,
                             minimumLivingAllowanceFen: standard.minimumLivingAllowance.fen,
                             extremePovertyBasicFen: standard.extremePovertyBasic.fen, extremePovertyCareFen: care,
                             warnings: warnings, overrideReason: overrideReason, publishedOn: publishedOn.iso)
        }
    }

    static func parse(_ body: PublishRequest) throws(RuleViolation) -> AssistanceStandard {
        func monthly(_ monthly: Int64?, _ annual: Int64?, field: String) throws(RuleViolation) -> Money {
            switch (monthly, annual) {
            case (let value?, nil): return Money(fen: value)
            case (nil, let value?): return try AssistanceStandard.monthly(fromAnnual: Money(fen: value))
            default: throw .invalid("request.invalid-\(field)", "give exactly one of \(field)Fen and \(field)AnnualFen")
            }
        }
        var care: [SelfCareAbility: Money] = [:]
        for (tier, fen) in body.extremePovertyCareFen ?? [:] {
            care[try RequestParsing.choice(tier, field: "extremePovertyCareFen", as: SelfCareAbility.self)] = Money(fen: fen)
        }
        return try AssistanceStandard(
            region: try RequestParsing.region(body.region, field: "region"), year: body.year,
            area: try RequestParsing.choice(body.area, field: "area", as: UrbanRural.self),
            minimumLivingAllowance: try monthly(body.minimumLivingAllowanceFen, body.minimumLivingAllowanceAnnualFen, field: "minimumLivingAllowance"),
            extremePovertyBasic: try monthly(body.extremePovertyBasicFen, body.extremePovertyBasicAnnualFen, field: "extremePovertyBasic"),
            extremePovertyCare: care)
    }
}

extension UrbanRural {
    var contract: UrbanRuralArea { self == .urban ? .urban : .rural }
}

extension SelfCareAbility {
    var contract: SelfCareTier {
        switch self {
        case .fullySelfCaring: .selfCaring
        case .partiallyDependent: .partiallyDependent
        case .fullyDependent: .fullyDependent
        }
    }
}
