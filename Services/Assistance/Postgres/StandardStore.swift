import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// `standards` (a county's standards per area and effective month) and `city_minimum_standards`.
enum StandardStore {
    /// The standard in force in `month`: the latest to take effect by then (a county that has not
    /// yet published keeps paying the one before). Refuses `standard.not-published` if there is none.
    static func inForce(region: RegionCode, month: YearMonth, area: UrbanRural,
                        on connection: PostgresConnection, logger: Logger) async throws -> AssistanceStandard {
        guard let found = try await latest(region: region, upTo: month, area: area, on: connection, logger: logger) else {
            throw RuleViolation("standard.not-published", "no \(area.rawValue) standard is published for \(region.county) by \(month)")
        }
        return found
    }

    /// The standard in force in `month` if there is one: the latest to take effect by then.
    static func latest(region: RegionCode, upTo month: YearMonth, area: UrbanRural,
                       on connection: PostgresConnection, logger: Logger) async throws -> AssistanceStandard? {
        try await select(
            """
            region = \(region.county.rawValue) AND effective_from <= \(month.firstDay.iso)::date AND area = \(area.rawValue)
            ORDER BY effective_from DESC LIMIT 1
            """,
            on: connection, logger: logger)
    }

    /// The standards of the county and area that take effect after `month`, in order.
    static func takingEffect(after month: YearMonth, region: RegionCode, area: UrbanRural,
                             on connection: PostgresConnection, logger: Logger) async throws -> [AssistanceStandard] {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns) FROM standards
            WHERE region = \(region.county.rawValue) AND area = \(area.rawValue) AND effective_from > \(month.firstDay.iso)::date
            ORDER BY effective_from
            """, logger: logger)
        var standards: [AssistanceStandard] = []
        for try await row in rows.decode(Row.self) { standards.append(try standard(row)) }
        return standards
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

    /// Publishes the standard (replacing one of the same county, area and effective month) with what
    /// its validation recorded.
    static func upsert(_ published: Published, on connection: PostgresConnection, logger: Logger) async throws {
        let standard = published.standard
        try await connection.query("""
            INSERT INTO standards (region, year, area, effective_from, minimum_living_allowance_fen, extreme_poverty_basic_fen,
                                   extreme_poverty_care, override_reason, warnings, growth_shortfalls,
                                   consumption_growth_permille, published_on)
            VALUES (\(standard.region.rawValue), \(standard.year), \(standard.area.rawValue), \(standard.effectiveFrom.firstDay.iso)::date,
                    \(standard.minimumLivingAllowance.fen),
                    \(standard.extremePovertyBasic.fen), \(try StoredJSON.text(careFen(standard)))::jsonb, \(published.overrideReason),
                    \(try StoredJSON.text(published.warnings))::jsonb, \(try StoredJSON.text(published.growthShortfalls))::jsonb,
                    \(published.consumptionGrowth?.permille), \(published.publishedOn.iso)::date)
            ON CONFLICT (region, area, effective_from) DO UPDATE SET
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

    /// What setting a city minimum changed.
    enum CityMinimumChange: Sendable, Equatable {
        /// The year and area already had this figure: nothing was written.
        case unchanged
        /// The figure was set, replacing `previous` (nil when the year and area had none).
        case set(previous: Money?)
    }

    /// Sets the city minimum of a year and area; the row is locked, so two requests setting the
    /// same figure change it once.
    static func setCityMinimum(_ minimum: CityMinimumStandard, on connection: PostgresConnection,
                               logger: Logger) async throws -> CityMinimumChange {
        let lock = "city-minimum:\(minimum.year):\(minimum.area.rawValue)"
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(lock)))", logger: logger)
        let previous = try await cityMinimum(year: minimum.year, area: minimum.area, on: connection, logger: logger)
        guard previous?.minimumLivingAllowance != minimum.minimumLivingAllowance else { return .unchanged }
        try await connection.query("""
            INSERT INTO city_minimum_standards (year, area, minimum_living_allowance_fen)
            VALUES (\(minimum.year), \(minimum.area.rawValue), \(minimum.minimumLivingAllowance.fen))
            ON CONFLICT (year, area) DO UPDATE SET minimum_living_allowance_fen = EXCLUDED.minimum_living_allowance_fen
            """, logger: logger)
        return .set(previous: previous?.minimumLivingAllowance)
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

    /// Published standards, optionally of one county and year, by county, year, area and effective month.
    static func published(region: String?, year: Int?, on connection: PostgresConnection, logger: Logger) async throws -> [Published] {
        let rows = try await connection.query("""
            SELECT \(unescaped: Self.columns), warnings::text, override_reason, published_on::text,
                   growth_shortfalls::text, consumption_growth_permille
            FROM standards
            WHERE (\(region)::text IS NULL OR region = \(region)) AND (\(year)::int IS NULL OR year = \(year))
            ORDER BY region, year, area, effective_from
            """, logger: logger)
        var standards: [Published] = []
        for try await row in rows.decode((String, Int, String, String, Int64, Int64, String, String, String?, String, String, Int?).self) {
            standards.append(Published(
                standard: try standard((row.0, row.1, row.2, row.3, row.4, row.5, row.6)),
                warnings: try StoredJSON.decode([String].self, from: row.7),
                growthShortfalls: try StoredJSON.decode([GrowthShortfall].self, from: row.10),
                consumptionGrowth: try row.11.map { permille throws(RuleViolation) in try ConsumptionGrowth(permille: permille) },
                overrideReason: row.8, publishedOn: try CivilDate(iso: row.9)))
        }
        return standards
    }

    /// The columns a standard is read from, in ``Row`` order.
    private static let columns = """
        region, year, area, to_char(effective_from, 'YYYY-MM'), minimum_living_allowance_fen, extreme_poverty_basic_fen,
        extreme_poverty_care::text
        """

    private typealias Row = (String, Int, String, String, Int64, Int64, String)

    private static func standard(_ row: Row) throws -> AssistanceStandard {
        var tiers: [SelfCareAbility: Money] = [:]
        for (tier, fen) in try StoredJSON.decode([String: Int64].self, from: row.6) {
            if let ability = SelfCareAbility(rawValue: tier) { tiers[ability] = Money(fen: fen) }
        }
        guard let area = UrbanRural(rawValue: row.2) else { throw StoredValueError(column: "standards.area", value: row.2) }
        return try AssistanceStandard(region: try RegionCode(row.0), year: row.1, area: area, effectiveFrom: try YearMonth(iso: row.3),
                                      minimumLivingAllowance: Money(fen: row.4), extremePovertyBasic: Money(fen: row.5),
                                      extremePovertyCare: tiers)
    }

    private static func select(_ condition: StringInterpolationQuery, on connection: PostgresConnection,
                               logger: Logger) async throws -> AssistanceStandard? {
        var query = PostgresQuery(unsafeSQL: "SELECT \(Self.columns) FROM standards WHERE")
        query.sql += " " + condition.query.sql
        query.binds = condition.query.binds
        let rows = try await connection.query(query, logger: logger)
        for try await row in rows.decode(Row.self) { return try standard(row) }
        return nil
    }
}

/// A WHERE clause with binds, written with the same interpolation as a `PostgresQuery`.
struct StringInterpolationQuery: ExpressibleByStringInterpolation {
    let query: PostgresQuery
    init(stringLiteral value: String) { query = PostgresQuery(unsafeSQL: value) }
    init(stringInterpolation: PostgresQuery.StringInterpolation) { query = PostgresQuery(stringInterpolation: stringInterpolation) }
}
