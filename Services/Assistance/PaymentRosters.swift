import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO

/// The monthly payment roster (发放清册), computed in the database.
///
/// One transaction inserts a payment row for every payable case of the region and month, the
/// `benefit-paid` outbox row of each, the roster row and its `payment-roster-generated` summary.
/// The work is set-based (`INSERT … SELECT`, with the event JSON built by PostgreSQL) because a
/// large city has a million households: fetching them into Swift and back would cost more than
/// the payments themselves.
///
/// - Never pays twice: `payments` has the primary key (case, month), and the insert skips
///   months already paid, so re-running a month pays only cases that became payable since.
/// - The payable rule is ``CaseTerms/due(in:)`` written in SQL: within the case's period,
///   before any suspension (a death suspends from the month after it), at the amount in force
///   that month. `RosterTermsParityTests` checks both agree.
enum PaymentRosters {
    struct Summary: Sendable, Codable {
        var rosterId: UUID?
        var region: String
        var month: String
        var households: Int
        var totalFen: Int64
        var skipped: Int
        var programs: [ProgramTotal]
        /// Rosters already generated for this region and month (a re-run lists the earlier ones).
        var earlierRosters: [UUID]
    }

    struct ProgramTotal: Sendable, Codable {
        var program: String
        var households: Int
        var totalFen: Int64
    }

    /// The code prefix every county of `region` starts with: the whole code for a county, four
    /// digits for a city, two for a province.
    static func prefix(of region: RegionCode) -> String {
        let code = region.county.rawValue
        if code.hasSuffix("0000") { return String(code.prefix(2)) }
        if code.hasSuffix("00") { return String(code.prefix(4)) }
        return code
    }

    static func generate(region: RegionCode, month: YearMonth, source: String, on connection: PostgresConnection,
                         logger: Logger) async throws -> Summary {
        let prefix = prefix(of: region)
        let rosterID = UUID()
        let monthDate = month.firstDay.iso
        // Two runs of the same region and month wait for each other instead of racing on payments.
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("roster:\(prefix):\(month.iso)")))", logger: logger)
        var earlier: [UUID] = []
        let previous = try await connection.query("""
            SELECT id FROM payment_rosters WHERE region_prefix = \(prefix) AND month = \(monthDate)::date ORDER BY generated_at
            """, logger: logger)
        for try await id in previous.decode(UUID.self) { earlier.append(id) }

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
        let households = programs.reduce(0) { $0 + $1.households }
        let total = programs.reduce(Int64(0)) { $0 + $1.totalFen }
        let open = try await connection.query("""
            SELECT count(*)::int FROM cases WHERE starts_with(region, \(prefix)) AND status <> 'terminated'
            """, logger: logger)
        var caseCount = 0
        for try await count in open.decode(Int.self) { caseCount = count }
        let skipped = max(0, caseCount - households)

        // A re-run that pays nobody new leaves no trace: the month's roster is the earlier one.
        guard households > 0 || earlier.isEmpty else {
            return Summary(rosterId: nil, region: region.rawValue, month: month.iso, households: 0, totalFen: 0, skipped: skipped,
                           programs: [], earlierRosters: earlier)
        }
        try await connection.query("""
            INSERT INTO payment_rosters (id, region, region_prefix, month, households, total_fen, skipped)
            VALUES (\(rosterID), \(region.rawValue), \(prefix), \(monthDate)::date, \(households), \(total), \(skipped))
            """, logger: logger)
        let summary = PaymentRosterGenerated(
            rosterID: rosterID, region: region, month: month, households: households, total: Money(fen: total),
            programs: programs.map {
                RosterProgramTotal(program: AssistanceProgram(rawValue: $0.program) ?? .minimumLivingAllowance,
                                   households: $0.households, total: Money(fen: $0.totalFen))
            },
            skipped: skipped, generatedAt: Date())
        try await Outbox.append(summary, source: source, on: connection, logger: logger)
        logger.info("payment roster generated", metadata: [
            "region": "\(region)", "month": "\(month)", "households": "\(households)", "total.fen": "\(total)"])
        return Summary(rosterId: rosterID, region: region.rawValue, month: month.iso, households: households, totalFen: total,
                       skipped: skipped, programs: programs, earlierRosters: earlier)
    }
}
