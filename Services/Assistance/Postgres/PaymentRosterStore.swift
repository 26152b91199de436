import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// The monthly payment roster (发放清册), computed in the database: `payment_rosters` and the
/// `payments` they make.
///
/// Paying is set-based (`INSERT … SELECT`, with the `benefit-paid` event JSON built by
/// PostgreSQL) because a large city has a million households: fetching them into Swift and back
/// would cost more than the payments themselves.
///
/// - Never pays twice: `payments` has the primary key (case, month), and the insert skips
///   months already paid, so re-running a month pays only cases that became payable since.
/// - The payable rule is ``CaseTerms/due(in:)`` written in SQL: within the case's period,
///   before any suspension (a death suspends from the month after it), at the amount in force
///   that month. `RosterTermsParityTests` checks both agree.
enum PaymentRosterStore {
    /// Households paid and their total, for one program.
    struct ProgramTotal: Sendable, Codable {
        var program: String
        var households: Int
        var totalFen: Int64
    }

    /// Two runs for the same counties and month wait for each other until the transaction ends,
    /// instead of racing on payments.
    static func serialise(prefix: String, month: YearMonth, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("roster:\(prefix):\(month.iso)")))", logger: logger)
    }

    /// Rosters already generated for these counties and month, oldest first.
    static func rosterIDs(prefix: String, month: YearMonth, on connection: PostgresConnection, logger: Logger) async throws -> [UUID] {
        let rows = try await connection.query("""
            SELECT id FROM payment_rosters WHERE region_prefix = \(prefix) AND month = \(month.firstDay.iso)::date ORDER BY generated_at
            """, logger: logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        return ids
    }

    /// Pays every case of the counties starting with `prefix` that is due for `month` and not yet
    /// paid for it, with one `benefit-paid` outbox row each; returns what was paid per program.
    static func pay(prefix: String, month: YearMonth, rosterID: UUID, source: String, on connection: PostgresConnection,
                    logger: Logger) async throws -> [ProgramTotal] {
        let monthDate = month.firstDay.iso
        let type = BenefitPaid.eventType
        let rows = try await connection.query("""
            WITH paid AS (
                INSERT INTO payments (case_id, month, roster_id, amount_fen, program, region, recipients)
                SELECT c.id, \(monthDate)::date, \(rosterID),
                       CASE WHEN \(monthDate)::date >= c.amount_from THEN c.monthly_amount_fen
                            ELSE (SELECT (step->>'amount')::bigint FROM jsonb_array_elements(c.amount_steps) step
                                  WHERE step->>'from' <= \(month.iso) ORDER BY step->>'from' DESC LIMIT 1) END,
                       c.program, c.region, c.recipients
                FROM cases c
                WHERE starts_with(c.region, \(prefix)) AND c.status <> 'terminated'
                  AND c.first_month <= \(monthDate)::date
                  AND (c.last_month IS NULL OR c.last_month >= \(monthDate)::date)
                  AND (c.suspended_from IS NULL OR c.suspended_from > \(monthDate)::date)
                ON CONFLICT (case_id, month) DO NOTHING
                RETURNING case_id, amount_fen, program, region, recipients
            ), events AS (
                INSERT INTO outbox (id, topic, message_key, source, event_type, event_time, subject, dataschema,
                                    content_type, extensions, payload)
                SELECT gen_random_uuid(), \(type.topic), p.case_id::text, \(source), \(type.rawValue), now(), p.case_id::text,
                       \(type.dataschema), 'application/json', '{}'::jsonb,
                       convert_to(json_build_object(
                           'rosterID', \(rosterID.uuidString.lowercased()), 'caseID', p.case_id, 'program', p.program,
                           'recipients', p.recipients, 'region', p.region, 'month', \(month.iso), 'amount', p.amount_fen)::text, 'UTF8')
                FROM paid p
            )
            SELECT program, count(*)::int, coalesce(sum(amount_fen), 0)::bigint FROM paid GROUP BY program ORDER BY program
            """, logger: logger)
        var programs: [ProgramTotal] = []
        for try await (program, households, total) in rows.decode((String, Int, Int64).self) {
            programs.append(ProgramTotal(program: program, households: households, totalFen: total))
        }
        return programs
    }

    /// Cases of the counties starting with `prefix` that are not terminated.
    static func openCases(prefix: String, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await connection.query("""
            SELECT count(*)::int FROM cases WHERE starts_with(region, \(prefix)) AND status <> 'terminated'
            """, logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }

    static func insert(id: UUID, region: RegionCode, prefix: String, month: YearMonth, households: Int, total: Money, skipped: Int,
                       on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO payment_rosters (id, region, region_prefix, month, households, total_fen, skipped)
            VALUES (\(id), \(region.rawValue), \(prefix), \(month.firstDay.iso)::date, \(households), \(total.fen), \(skipped))
            """, logger: logger)
    }

    /// A generated roster.
    struct Roster: Sendable {
        var id: UUID
        var region: RegionCode
        var month: YearMonth
        var households: Int
        var total: Money
        var skipped: Int
        /// RFC 3339 in UTC, to the second.
        var generatedAt: String
    }

    /// Rosters of regions within `scope` (an officer's region), optionally of one region and month, newest
    /// month first (at most 500).
    static func rosters(region: String?, month: YearMonth?, within scope: RegionCode, on connection: PostgresConnection,
                        logger: Logger) async throws -> [Roster] {
        let monthDate = month?.firstDay.iso
        let prefix = String(scope.significantPrefix)
        let rows = try await connection.query("""
            SELECT id, region, to_char(month, 'YYYY-MM'), households, total_fen, skipped,
                   to_char(generated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            FROM payment_rosters
            WHERE (\(region)::text IS NULL OR region = \(region)) AND (\(monthDate)::date IS NULL OR month = \(monthDate)::date)
              AND starts_with(region, \(prefix))
            ORDER BY month DESC, generated_at DESC LIMIT 500
            """, logger: logger)
        var rosters: [Roster] = []
        for try await row in rows.decode((UUID, String, String, Int, Int64, Int, String).self) {
            rosters.append(Roster(id: row.0, region: try RegionCode(row.1), month: try YearMonth(iso: row.2), households: row.3,
                                  total: Money(fen: row.4), skipped: row.5, generatedAt: row.6))
        }
        return rosters
    }
}
