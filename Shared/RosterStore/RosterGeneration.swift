import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import Roster

/// Generates a region's monthly roster (发放清册) for a ``RosterScheme``: one transaction pays
/// every beneficiary due a payment, appends one payment event each and one roster event, and
/// records the roster (``PaymentRoster`` states the rules).
///
/// Paying is set-based (`INSERT … SELECT`, with the events' JSON built by PostgreSQL) because a
/// large city has a million beneficiaries: fetching them into Swift and back would cost more than
/// the payments themselves. A city pays its districts as separate rosters, a few at a time
/// (``run(_:regions:month:lanes:source:database:logger:)``), so each transaction stays a district's.
///
/// - Never pays twice: `roster_payments` has the primary key (beneficiary, month, program), the
///   insert skips months already paid by a roster or settled by a back-payment (a month the
///   roster skipped, back-paid after an annulled death, is paid), and two runs for the same
///   counties and month wait for each other.
/// - A re-run that pays nobody new leaves no roster and publishes nothing: the month's roster is
///   the earlier one. The first run of a region and month is recorded even when it pays nobody.
public enum RosterGeneration {
    /// The roster of `region` for `month`, in a transaction of its own.
    public static func run(_ scheme: some RosterScheme, region: RegionCode, month: YearMonth, source: String,
                           database: PostgresClient, logger: Logger) async throws -> RosterRun {
        try await database.transaction(logger: logger) { connection in
            try await generate(scheme, region: region, month: month, source: source, on: connection, logger: logger)
        }
    }

    /// The rosters of `regions` for `month`, each in its own transaction, `lanes` at a time (one per
    /// core: the work is PostgreSQL's). In the order of `regions`.
    public static func run(_ scheme: some RosterScheme, regions: [RegionCode], month: YearMonth, lanes: Int = 2, source: String,
                           database: PostgresClient, logger: Logger) async throws -> [RosterRun] {
        try await RosterLanes.run(regions: regions, lanes: lanes) { region in
            try await Self.run(scheme, region: region, month: month, source: source, database: database, logger: logger)
        }
    }

    /// The roster of `region` for `month`, inside the caller's transaction.
    public static func generate(_ scheme: some RosterScheme, region: RegionCode, month: YearMonth, source: String,
                                on connection: PostgresConnection, logger: Logger) async throws -> RosterRun {
        let prefix = PaymentRoster.regionPrefix(of: region)
        let rosterID = UUID()
        try await serialise(scheme, prefix: prefix, month: month, on: connection, logger: logger)
        let earlier = try await rosterIDs(scheme, prefix: prefix, month: month, on: connection, logger: logger)
        let parts = try await pay(scheme, prefix: prefix, month: month, rosterID: rosterID, source: source,
                                  on: connection, logger: logger)
        let programs = Self.programs(of: parts)
        let payments = programs.reduce(0) { $0 + $1.payments }
        let total = programs.reduce(Money.zero) { $0 + $1.total }
        let open = try await count(scheme.openBeneficiaries(regionPrefix: prefix), on: connection, logger: logger)
        var run = RosterRun(rosterID: nil, region: region, month: month, payments: payments, total: total, programs: programs,
                            parts: scheme.totalsPart == nil ? [] : parts, skipped: max(0, open - payments), earlierRosters: earlier)

        guard payments > 0 || earlier.isEmpty else { return run }
        try await connection.query("""
            INSERT INTO rosters (id, scheme, region, region_prefix, month, payments, total_fen, skipped)
            VALUES (\(rosterID), \(scheme.name), \(region.rawValue), \(prefix), \(month.firstDay.iso)::date, \(payments),
                    \(total.fen), \(run.skipped))
            """, logger: logger)
        run.rosterID = rosterID
        try await Outbox.append(scheme.rosterEvent(rosterID: rosterID, run: run), source: source, on: connection, logger: logger)
        logger.info("payment roster generated", metadata: [
            "scheme": "\(scheme.name)", "region": "\(region)", "month": "\(month)", "payments": "\(payments)",
            "total.fen": "\(total.fen)"])
        return run
    }

    /// Two runs for the same scheme, counties and month wait for each other until the transaction
    /// ends, instead of racing on payments.
    static func serialise(_ scheme: some RosterScheme, prefix: String, month: YearMonth, on connection: PostgresConnection,
                          logger: Logger) async throws {
        let key = "roster:\(scheme.name):\(prefix):\(month.iso)"
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(key)))", logger: logger)
    }

    /// Rosters already generated for the scheme, counties and month, oldest first.
    static func rosterIDs(_ scheme: some RosterScheme, prefix: String, month: YearMonth, on connection: PostgresConnection,
                          logger: Logger) async throws -> [UUID] {
        let rows = try await connection.query("""
            SELECT id FROM rosters
            WHERE scheme = \(scheme.name) AND region_prefix = \(prefix) AND month = \(month.firstDay.iso)::date
            ORDER BY generated_at
            """, logger: logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        return ids
    }

    /// Pays every entitlement of the counties under `prefix` for `month` that no roster paid and no
    /// back-payment settled, with one payment event each; returns what was paid per program and
    /// part (one part, nil, per program when the scheme splits nothing).
    static func pay(_ scheme: some RosterScheme, prefix: String, month: YearMonth, rosterID: UUID, source: String,
                    on connection: PostgresConnection, logger: Logger) async throws -> [RosterRun.PartTotal] {
        let entitled = scheme.entitlements(regionPrefix: prefix, month: month)
        let event = scheme.paymentEvent
        var statement = Statement(embedding: entitled)
        let monthDate = statement.bind(month.firstDay.iso)
        let roster = statement.bind(rosterID)
        let topic = statement.bind(event.type.topic)
        let eventSource = statement.bind(source)
        let eventType = statement.bind(event.type.rawValue)
        let dataschema = statement.bind(event.type.dataschema)
        let rows = try await connection.query(statement.query("""
            WITH paid AS (
                INSERT INTO roster_payments (beneficiary_id, month, program, roster_id, amount_fen, region, recipients)
                SELECT e.beneficiary_id, \(monthDate)::date, e.program, \(roster), e.amount_fen, e.region, e.recipients
                FROM (\(entitled.sql)) e
                WHERE NOT EXISTS (
                    SELECT 1 FROM roster_back_payments b
                    WHERE b.beneficiary_id = e.beneficiary_id AND b.month = \(monthDate)::date AND b.program = e.program)
                ON CONFLICT (beneficiary_id, month, program) DO NOTHING
                RETURNING beneficiary_id, month, program, roster_id, amount_fen, region, recipients
            ), parted AS (
                SELECT p.*, (\(scheme.totalsPart ?? "NULL"))::text AS part FROM paid p
            ), events AS (
                INSERT INTO outbox (id, topic, message_key, source, event_type, event_time, subject, dataschema,
                                    content_type, extensions, payload)
                SELECT gen_random_uuid(), \(topic), p.beneficiary_id::text, \(eventSource), \(eventType), now(),
                       p.beneficiary_id::text, \(dataschema), 'application/json', '{}'::jsonb,
                       convert_to((\(event.payload))::text, 'UTF8')
                FROM parted p
            )
            SELECT program, part, count(*)::int, coalesce(sum(amount_fen), 0)::bigint FROM parted
            GROUP BY program, part ORDER BY program, part
            """), logger: logger)
        var parts: [RosterRun.PartTotal] = []
        for try await (program, part, payments, total) in rows.decode((String, String?, Int, Int64).self) {
            parts.append(RosterRun.PartTotal(program: program, part: part, payments: payments, total: Money(fen: total)))
        }
        return parts
    }

    /// The programs' totals: their parts added up, in program order.
    static func programs(of parts: [RosterRun.PartTotal]) -> [PaymentRoster.ProgramTotal] {
        var programs: [PaymentRoster.ProgramTotal] = []
        for part in parts {
            if let last = programs.indices.last, programs[last].program == part.program {
                programs[last] = PaymentRoster.ProgramTotal(program: part.program, payments: programs[last].payments + part.payments,
                                                            total: programs[last].total + part.total)
            } else {
                programs.append(PaymentRoster.ProgramTotal(program: part.program, payments: part.payments, total: part.total))
            }
        }
        return programs
    }

    static func count(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        for try await count in try await connection.query(query, logger: logger).decode(Int.self) { return count }
        return 0
    }
}
