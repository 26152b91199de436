import AssistanceDomain
import Contracts
import Foundation
import Logging
import Messaging
import Persistence
import PostgresNIO
import RosterStore
import ServiceKit

/// `assistance bench-roster [--households N] [--batch N]`: the monthly roster of a large city.
///
/// It fills the database named by `ASSISTANCE_DB_*` (it must be a benchmark database: its
/// name has to contain `bench`, because the run empties it) with N active cases across the
/// ten central districts of a city, then times:
/// 1. the roster transaction (payments, one `benefit-paid` outbox row per household, the summary);
/// 2. the outbox relay publishing every event to the Kafka broker at `ASSISTANCE_KAFKA_BOOTSTRAP`,
///    marking each row after its delivery report;
/// 3. a re-run of the same month, which must pay nobody.
/// `scripts/bench --roster` starts PostgreSQL and the embedded broker and runs it in release mode.
struct RosterBenchmark {
    var households = 1_000_000
    var batch = 10_000

    func load() async throws {
        let bench = self
        try await StandaloneTool.runBenchmark(.assistance, migrations: AssistanceMigrations.all, label: "civil.assistance.bench",
                                              command: "assistance bench-roster") { dependencies, settings in
            try await bench.run(dependencies, settings: settings)
        }
    }

    func run(_ dependencies: ServiceDependencies, settings: ServiceSettings) async throws {
        let logger = dependencies.logger
        let database = dependencies.database
        let month = try RosterBenchmarkCity.month()
        print("assistance bench-roster: \(households) active households in \(RosterBenchmarkCity.districts.count) districts of 510100, month \(month)")

        let fill = ContinuousClock.now
        try await database.withConnection { connection in
            try await connection.query(
                """
                TRUNCATE outbox, rosters, roster_payments, roster_back_payments, roster_recovery_claims, review_tasks, cases,
                         household_members, applications, households CASCADE
                """,
                logger: logger)
            // Households and cases in bulk: 1–4 recipients each, amounts as in a city's 低保 rolls.
            try await connection.query("""
                INSERT INTO households (id, region, area, residence, members)
                SELECT md5('h' || n)::uuid, ((\(RosterBenchmarkCity.districts))::text[])[1 + n % 10], 'urban', '[]', '[]'
                FROM generate_series(1, \(households)) n
                """, logger: logger)
            try await connection.query("""
                INSERT INTO cases (id, household_id, program, region, recipients, monthly_amount_fen, amount_from, amount_steps,
                                   first_month, approved_on)
                SELECT md5('c' || n)::uuid, md5('h' || n)::uuid,
                       CASE WHEN n % 20 = 0 THEN 'extreme-poverty' ELSE 'minimum-living-allowance' END,
                       ((\(RosterBenchmarkCity.districts))::text[])[1 + n % 10],
                       ARRAY(SELECT 'pr_' || encode(sha256(convert_to(n || ':' || m, 'UTF8')), 'hex')
                             FROM generate_series(1, CASE WHEN n % 20 = 0 THEN 1 ELSE 1 + n % 4 END) m),
                       20000 + (n % 97) * 1000, date '2025-01-01',
                       jsonb_build_array(jsonb_build_object('from', '2025-01', 'amount', 20000 + (n % 97) * 1000)),
                       date '2025-01-01', date '2024-12-15'
                FROM generate_series(1, \(households)) n
                """, logger: logger)
            try await connection.query("ANALYZE cases", logger: logger)
        }
        print(String(format: "  fixture: %d cases written in %.1f s (not timed)", households, (ContinuousClock.now - fill).seconds))

        // Each district's roster is its own transaction (districts pay their own households);
        // two run at a time, one per core.
        let rosterStart = ContinuousClock.now
        let summaries = try await rosters(dependencies, month: month)
        let rosterSeconds = (ContinuousClock.now - rosterStart).seconds
        let paid = summaries.reduce(0) { $0 + $1.payments }
        let total = summaries.reduce(Int64(0)) { $0 + $1.total.fen }
        print(String(format: "  1. rosters of %d districts (2 at a time): %d households paid, %@ yuan, in %.2f s (%.0f households/s)",
                     summaries.count, paid, "\(Money(fen: total))", rosterSeconds, Double(paid) / rosterSeconds))

        let (published, publishSeconds) = try await StandaloneTool.timePublication(dependencies, settings: settings, relayName: "bench-roster",
                                                                                  batch: batch)

        let rerunStart = ContinuousClock.now
        let rerun = try await rosters(dependencies, month: month).reduce(0) { $0 + $1.payments }
        let rerunSeconds = (ContinuousClock.now - rerunStart).seconds
        print(String(format: "  3. re-run of the month: %d households paid (must be 0) in %.2f s", rerun, rerunSeconds))
        RosterBenchmarkCity.printTotal(rosterSeconds: rosterSeconds, publishSeconds: publishSeconds, targetSeconds: 20)
        guard rerun == 0, published == paid + summaries.count else {
            throw RuleViolation("bench.inconsistent", "re-run paid \(rerun); published \(published) of \(paid + summaries.count)")
        }
    }
}

extension RosterBenchmark {
    func rosters(_ dependencies: ServiceDependencies, month: YearMonth) async throws -> [RosterRun] {
        try await RosterGeneration.run(AssistanceRoster(), regions: try RosterBenchmarkCity.regions(), month: month,
                                       lanes: RosterBenchmarkCity.lanes, source: dependencies.source,
                                       database: dependencies.database, logger: dependencies.logger)
    }
}
