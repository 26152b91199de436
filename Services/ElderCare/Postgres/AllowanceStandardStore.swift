import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// The counties' advanced-age allowance standards: `allowance_standards` and their `allowance_tiers`.
enum AllowanceStandardStore {
    /// A standard as stored: whose, from when, and who set it when.
    struct Stored: Sendable {
        var region: RegionCode
        var standard: AllowanceStandard
        var setOn: CivilDate
        var setBy: String
    }

    /// Stores `standard` for `county`, replacing one from the same month.
    static func save(_ standard: AllowanceStandard, county: RegionCode, setOn: CivilDate, setBy: String,
                     on connection: PostgresConnection, logger: Logger) async throws {
        let from = standard.effectiveFrom.firstDay.iso
        try await connection.query("""
            DELETE FROM allowance_standards WHERE region = \(county.rawValue) AND effective_from = \(from)::date
            """, logger: logger)
        try await connection.query("""
            INSERT INTO allowance_standards (region, effective_from, set_on, set_by)
            VALUES (\(county.rawValue), \(from)::date, \(setOn.iso)::date, \(setBy))
            """, logger: logger)
        for tier in standard.tiers {
            try await connection.query("""
                INSERT INTO allowance_tiers (region, effective_from, minimum_age, amount_fen)
                VALUES (\(county.rawValue), \(from)::date, \(tier.minimumAge), \(tier.monthlyAmount.fen))
                """, logger: logger)
        }
    }

    /// Serialises changes to one county's standards (two policy officers setting at once).
    static func lock(county: RegionCode, on connection: PostgresConnection, logger: Logger) async throws {
        let key = "allowance-standards:\(county.rawValue)"
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(key)))", logger: logger)
    }

    /// The standards of the counties under `prefix` (a county code, or a city's or province's
    /// significant prefix), by county and month.
    static func standards(under prefix: String, on connection: PostgresConnection, logger: Logger) async throws -> [Stored] {
        let rows = try await connection.query("""
            SELECT s.region, to_char(s.effective_from, 'YYYY-MM'), s.set_on::text, s.set_by,
                   coalesce(json_agg(json_build_array(t.minimum_age, t.amount_fen) ORDER BY t.minimum_age)::text, '[]')
            FROM allowance_standards s JOIN allowance_tiers t ON t.region = s.region AND t.effective_from = s.effective_from
            WHERE starts_with(s.region, \(prefix))
            GROUP BY s.region, s.effective_from, s.set_on, s.set_by
            ORDER BY s.region, s.effective_from
            LIMIT 1000
            """, logger: logger)
        var stored: [Stored] = []
        for try await (region, month, setOn, setBy, tiersJSON) in rows.decode((String, String, String, String, String).self) {
            let pairs = try JSONDecoder().decode([[Int64]].self, from: Data(tiersJSON.utf8))
            let tiers = try pairs.map { pair throws(RuleViolation) in
                try AllowanceTier(minimumAge: Int(pair.first ?? 0), monthlyAmount: Money(fen: pair.last ?? 0))
            }
            stored.append(Stored(region: try RegionCode(region), standard: try AllowanceStandard(effectiveFrom: try YearMonth(iso: month), tiers: tiers),
                                 setOn: try CivilDate(iso: setOn), setBy: setBy))
        }
        return stored
    }

    /// The county's standards, by month (empty when it has none).
    static func schedule(of county: RegionCode, on connection: PostgresConnection, logger: Logger) async throws -> [AllowanceStandard] {
        try await standards(under: county.county.rawValue, on: connection, logger: logger)
            .filter { $0.region == county.county }
            .map(\.standard)
    }

    /// Whether a roster of the allowance has paid a month from `month` on in `county`.
    static func rosteredFrom(_ month: YearMonth, county: RegionCode, scheme: String, on connection: PostgresConnection,
                             logger: Logger) async throws -> YearMonth? {
        let rows = try await connection.query("""
            SELECT to_char(max(month), 'YYYY-MM') FROM rosters
            WHERE scheme = \(scheme) AND starts_with(\(county.rawValue), region_prefix) AND month >= \(month.firstDay.iso)::date
            """, logger: logger)
        for try await latest in rows.decode(String?.self) { return try latest.map { try YearMonth(iso: $0) } }
        return nil
    }
}
