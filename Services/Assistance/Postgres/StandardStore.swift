import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// `standards` (a county's standards per year and area) and `city_minimum_standards`.
enum StandardStore {
    /// The standard in force in `year`: that year's, or the latest earlier one (a county that has
    /// not yet published keeps paying last year's). Refuses `standard.not-published` if there is none.
    static func inForce(region: RegionCode, year: Int, area: UrbanRural,
                        on connection: PostgresConnection, logger: Logger) async throws -> AssistanceStandard {
        guard let found = try await latest(region: region, upTo: year, area: area, on: connection, logger: logger) else {
            throw RuleViolation("standard.not-published", "no \(area.rawValue) standard is published for \(region.county) up to \(year)")
        }
        return found
    }

    /// The standard in force in `year` if there is one: that year's, or the latest earlier one.
    static func latest(region: RegionCode, upTo year: Int, area: UrbanRural,
                       on connection: PostgresConnection, logger: Logger) async throws -> AssistanceStandard? {
        try await select(
            "region = \(region.county.rawValue) AND year <= \(year) AND area = \(area.rawValue) ORDER BY year DESC LIMIT 1",
            on: connection, logger: logger)
    }

    static func cityMinimum(year: Int, area: UrbanRural, on connection: PostgresConnection, logger: Logger) async throws -> CityMinimumStandard? {
        let rows = try await connection.query(
            "SELECT minimum_living_allowance_fen FROM city_minimum_standards WHERE year = \(year) AND area = \(area.rawValue)",
            logger: logger)
        for try await fen in rows.decode(Int64.self) {
            return try CityMinimumStandard(year: year, area: area, minimumLivingAllowance: Money(fen: fen))
        }
        return nil
    }

    /// Publishes the standard (replacing one of the same county, year and area) with what its
    /// validation recorded.
    static func upsert(_ published: Published, on connection: PostgresConnection, logger: Logger) async throws {
        let standard = published.standard
        try await connection.query("""
            INSERT INTO standards (region, year, area, minimum_living_allowance_fen, extreme_poverty_basic_fen,
                                   extreme_poverty_care, override_reason, warnings, growth_shortfalls,
                                   consumption_growth_permille, published_on)
            VALUES (\(standard.region.rawValue), \(standard.year), \(standard.area.rawValue), \(standard.minimumLivingAllowance.fen),
                    \(standard.extremePovertyBasic.fen), \(try StoredJSON.text(careFen(standard)))::jsonb, \(published.overrideReason),
                    \(try StoredJSON.text(published.warnings))::jsonb, \(try StoredJSON.text(published.growthShortfalls))::jsonb,
                    \(published.consumptionGrowth?.permille), \(published.publishedOn.iso)::date)
            ON CONFLICT (region, year, area) DO UPDATE SET
                minimum_living_allowance_fen = EXCLUDED.minimum_living_allowance_fen,
                extreme_poverty_basic_fen = EXCLUDED.extreme_poverty_basic_fen,
                extreme_poverty_care = EXCLUDED.extreme_poverty_care, override_reason = EXCLUDED.override_reason,
                warnings = EXCLUDED.warnings, growth_shortfalls = EXCLUDED.growth_shortfalls,
                consumption_growth_permille = EXCLUDED.consumption_growth_permille, published_on = EXCLUDED.published_on
            """, logger: logger)
    }

    /// The care standards by tier name, as the `extreme_poverty_care` column holds them.
    static func careFen(_ standard: AssistanceStandard) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: standard.extremePovertyCare.map { ($0.key.rawValue, $0.value.fen) })
    }

    static func setCityMinimum(_ minimum: CityMinimumStandard, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO city_minimum_standards (year, area, minimum_living_allowance_fen)
            VALUES (\(minimum.year), \(minimum.area.rawValue), \(minimum.minimumLivingAllowance.fen))
            ON CONFLICT (year, area) DO UPDATE SET minimum_living_allowance_fen = EXCLUDED.minimum_living_allowance_fen
            """, logger: logger)
    }

    /// A standard as published, with what its validation recorded.
    struct Published: Sendable {
        var standard: AssistanceStandard
        /// Codes of the warnings (``StandardWarning/code``), each once.
        var warnings: [String]
        /// The figures that grew less than their floor, and by how much.
        var growthShortfalls: [GrowthShortfall]
        /// The consumption growth the publication gave, if any.
        var consumptionGrowth: ConsumptionGrowth?
        var overrideReason: String?
        var publishedOn: CivilDate
    }

    /// Published standards, optionally of one county and year, by county, year and area.
    static func published(region: String?, year: Int?, on connection: PostgresConnection, logger: Logger) async throws -> [Published] {
        let rows = try await connection.query("""
            SELECT region, year, area, minimum_living_allowance_fen, extreme_poverty_basic_fen,
                   extreme_poverty_care::text, warnings::text, override_reason, published_on::text,
                   growth_shortfalls::text, consumption_growth_permille
            FROM standards
            WHERE (\(region)::text IS NULL OR region = \(region)) AND (\(year)::int IS NULL OR year = \(year))
            ORDER BY region, year, area
            """, logger: logger)
        var standards: [Published] = []
        for try await row in rows.decode((String, Int, String, Int64, Int64, String, String, String?, String, String, Int?).self) {
            standards.append(Published(
                standard: try standard(region: row.0, year: row.1, area: row.2, minimumFen: row.3, basicFen: row.4, careJSON: row.5),
                warnings: try StoredJSON.decode([String].self, from: row.6),
                growthShortfalls: try StoredJSON.decode([GrowthShortfall].self, from: row.9),
                consumptionGrowth: try row.10.map { permille throws(RuleViolation) in try ConsumptionGrowth(permille: permille) },
                overrideReason: row.7, publishedOn: try CivilDate(iso: row.8)))
        }
        return standards
    }

    private static func standard(region: String, year: Int, area: String, minimumFen: Int64, basicFen: Int64,
                                 careJSON: String) throws -> AssistanceStandard {
        var tiers: [SelfCareAbility: Money] = [:]
        for (tier, fen) in try StoredJSON.decode([String: Int64].self, from: careJSON) {
            if let ability = SelfCareAbility(rawValue: tier) { tiers[ability] = Money(fen: fen) }
        }
        return try AssistanceStandard(region: try RegionCode(region), year: year, area: UrbanRural(rawValue: area) ?? .urban,
                                      minimumLivingAllowance: Money(fen: minimumFen), extremePovertyBasic: Money(fen: basicFen),
                                      extremePovertyCare: tiers)
    }

    private static func select(_ condition: StringInterpolationQuery, on connection: PostgresConnection,
                               logger: Logger) async throws -> AssistanceStandard? {
        var query = PostgresQuery(unsafeSQL: """
            SELECT region, year, area, minimum_living_allowance_fen, extreme_poverty_basic_fen, extreme_poverty_care::text
            FROM standards WHERE
            """)
        query.sql += " " + condition.query.sql
        query.binds = condition.query.binds
        let rows = try await connection.query(query, logger: logger)
        for try await (region, year, area, minimum, basic, careJSON) in rows.decode((String, Int, String, Int64, Int64, String).self) {
            return try standard(region: region, year: year, area: area, minimumFen: minimum, basicFen: basic, careJSON: careJSON)
        }
        return nil
    }
}

/// A WHERE clause with binds, written with the same interpolation as a `PostgresQuery`.
struct StringInterpolationQuery: ExpressibleByStringInterpolation {
    let query: PostgresQuery
    init(stringLiteral value: String) { query = PostgresQuery(unsafeSQL: value) }
    init(stringInterpolation: PostgresQuery.StringInterpolation) { query = PostgresQuery(stringInterpolation: stringInterpolation) }
}
