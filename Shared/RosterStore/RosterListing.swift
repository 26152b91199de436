import Contracts
import Foundation
import Logging
import PostgresNIO
import Roster

/// Generated rosters, as finance and auditors list them.
public enum RosterListing {
    /// A generated roster.
    public struct Roster: Sendable {
        public var id: UUID
        public var region: RegionCode
        public var month: YearMonth
        public var payments: Int
        public var total: Money
        public var skipped: Int
        /// RFC 3339 in UTC, to the second.
        public var generatedAt: String
    }

    /// The scheme's rosters of regions within `scope` (an officer's region), optionally of one
    /// region and month, newest month first (at most 500).
    public static func rosters(_ scheme: some RosterScheme, region: String?, month: YearMonth?, within scope: RegionCode,
                               on connection: PostgresConnection, logger: Logger) async throws -> [Roster] {
        let monthDate = month?.firstDay.iso
        let prefix = String(scope.significantPrefix)
        let rows = try await connection.query("""
            SELECT id, region, to_char(month, 'YYYY-MM'), payments, total_fen, skipped,
                   to_char(generated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            FROM rosters
            WHERE scheme = \(scheme.name)
              AND (\(region)::text IS NULL OR region = \(region)) AND (\(monthDate)::date IS NULL OR month = \(monthDate)::date)
              AND starts_with(region, \(prefix))
            ORDER BY month DESC, generated_at DESC LIMIT 500
            """, logger: logger)
        var rosters: [Roster] = []
        for try await row in rows.decode((UUID, String, String, Int, Int64, Int, String).self) {
            rosters.append(Roster(id: row.0, region: try RegionCode(row.1), month: try YearMonth(iso: row.2), payments: row.3,
                                  total: Money(fen: row.4), skipped: row.5, generatedAt: row.6))
        }
        return rosters
    }
}
