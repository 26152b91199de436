import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// Reads published standards back into the domain type.
enum StandardStore {
    static func load(region: RegionCode, year: Int, area: UrbanRural,
                     on connection: PostgresConnection, logger: Logger) async throws -> AssistanceStandard? {
        try await select("region = \(region.rawValue) AND year = \(year) AND area = \(area.rawValue)", on: connection, logger: logger)
    }

    /// The standard in force in `year`: that year's, or the latest earlier one (a county that has
    /// not yet published keeps paying last year's). Refuses `standard.not-published` if there is none.
    static func inForce(region: RegionCode, year: Int, area: UrbanRural,
                        on connection: PostgresConnection, logger: Logger) async throws -> AssistanceStandard {
        let found = try await select(
            "region = \(region.county.rawValue) AND year <= \(year) AND area = \(area.rawValue) ORDER BY year DESC LIMIT 1",
            on: connection, logger: logger)
        guard let found else {
            throw RuleViolation("standard.not-published", "no \(area.rawValue) standard is published for \(region.county) up to \(year)")
        }
        return found
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
            let care = try JSONDecoder().decode([String: Int64].self, from: Data(careJSON.utf8))
            var tiers: [SelfCareAbility: Money] = [:]
            for (tier, fen) in care { if let ability = SelfCareAbility(rawValue: tier) { tiers[ability] = Money(fen: fen) } }
            return try AssistanceStandard(region: try RegionCode(region), year: year, area: UrbanRural(rawValue: area) ?? .urban,
                                          minimumLivingAllowance: Money(fen: minimum), extremePovertyBasic: Money(fen: basic),
                                          extremePovertyCare: tiers)
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
