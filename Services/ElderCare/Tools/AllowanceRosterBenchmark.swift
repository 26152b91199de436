import Contracts
import Foundation
import Logging
import Messaging
import Persistence
import PostgresNIO
import RosterStore
import ServiceKit

/// `elder-care bench-roster [--elders N] [--batch N]`: the monthly advanced-age allowance roster of
/// a large city — Chengdu paid 高龄津贴 to 491,500 elderly in 2023 (seed 004 L15).
///
/// It fills the database named by `ELDERCARE_DB_*` (its name must contain `bench`: the run empties
/// it) with N registered elders aged 80 and over across ten districts, each district with a
/// standard (80–89: 100, 90–99: 200, 100+: 500 yuan a month — illustrative, the seeds give no
/// amounts). 99% already hold their allowance (granted by earlier months' rosters); 1% turned 80
/// in the spring and are granted by this run; 1% died before the month and are not paid. Then it times:
/// 1. the rosters of the ten districts, two at a time, each one transaction: grants
///    (`allowance-granted`), payments (`allowance-paid` each, built by PostgreSQL), the roster event;
/// 2. the outbox relay publishing every event to the Kafka broker at `ELDERCARE_KAFKA_BOOTSTRAP`;
/// 3. a re-run of the same month, which must pay and grant nobody.
/// `scripts/bench --roster` runs it after Assistance's roster, in release mode.
struct AllowanceRosterBenchmark {
    var elders = 500_000
    var batch = 10_000

    func load() async throws {
        let bench = self
        try await StandaloneTool.runBenchmark(.eldercare, migrations: ElderCareMigrations.all, label: "civil.eldercare.bench",
                                              command: "elder-care bench-roster") { dependencies, settings in
            try await bench.run(dependencies, settings: settings)
        }
    }

    func run(_ dependencies: ServiceDependencies, settings: ServiceSettings) async throws {
        let logger = dependencies.logger
        let month = try RosterBenchmarkCity.month()
        let today = try CivilDate(iso: "2026-06-20")
        print("elder-care bench-roster: \(elders) registered elders aged 80+ in \(RosterBenchmarkCity.districts.count) districts of 510100, month \(month)")

        let fill = ContinuousClock.now
        try await dependencies.database.withConnection { connection in
            try await fixture(on: connection, logger: logger)
        }
        print(String(format: "  fixture: %d elders written in %.1f s (not timed)", elders, (ContinuousClock.now - fill).seconds))

        let rosterStart = ContinuousClock.now
        let summaries = try await rosters(dependencies, month: month, today: today)
        let rosterSeconds = (ContinuousClock.now - rosterStart).seconds
        let paid = summaries.reduce(0) { $0 + $1.roster.payments }
        let granted = summaries.reduce(0) { $0 + $1.granted }
        let total = summaries.reduce(Int64(0)) { $0 + $1.roster.total.fen }
        print(String(format: "  1. rosters of %d districts (2 at a time): %d elders paid, %d granted, %@ yuan, in %.2f s (%.0f payments/s)",
                     summaries.count, paid, granted, "\(Money(fen: total))", rosterSeconds, Double(paid) / rosterSeconds))

        let (published, publishSeconds) = try await StandaloneTool.timePublication(dependencies, settings: settings,
                                                                                  relayName: "bench-allowance-roster", batch: batch)

        let rerunStart = ContinuousClock.now
        let rerun = try await rosters(dependencies, month: month, today: today)
        let rerunPaid = rerun.reduce(0) { $0 + $1.roster.payments }
        let rerunGranted = rerun.reduce(0) { $0 + $1.granted }
        let rerunSeconds = (ContinuousClock.now - rerunStart).seconds
        print(String(format: "  3. re-run of the month: %d paid, %d granted (both must be 0) in %.2f s", rerunPaid, rerunGranted, rerunSeconds))
        RosterBenchmarkCity.printTotal(rosterSeconds: rosterSeconds, publishSeconds: publishSeconds, targetSeconds: nil)
        guard rerunPaid == 0, rerunGranted == 0, published == paid + granted + summaries.count else {
            throw RuleViolation("bench.inconsistent",
                                "re-run paid \(rerunPaid), granted \(rerunGranted); published \(published) of \(paid + granted + summaries.count)")
        }
    }

    /// N elders (1% turning 80 this spring and not yet granted, 1% dead before the month), the
    /// districts' standards, and the allowances earlier rosters granted. Written in bulk by SQL.
    func fixture(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            TRUNCATE outbox, rosters, roster_payments, roster_back_payments, roster_recovery_claims, allowances,
                     allowance_proofs_of_life, allowance_tiers, allowance_standards, elders CASCADE
            """, logger: logger)
        for district in RosterBenchmarkCity.districts {
            try await connection.query("""
                INSERT INTO allowance_standards (region, effective_from, set_on, set_by) VALUES (\(district), '2024-01-01', '2023-12-01', 'bench')
                """, logger: logger)
            try await connection.query("""
                INSERT INTO allowance_tiers (region, effective_from, minimum_age, amount_fen)
                VALUES (\(district), '2024-01-01', 80, 10000), (\(district), '2024-01-01', 90, 20000), (\(district), '2024-01-01', 100, 50000)
                """, logger: logger)
        }
        var start = 1
        while start <= elders {
            let end = min(start + batch * 10 - 1, elders)
            try await connection.query("""
                INSERT INTO elders (person_ref, resident_id, name, address, birth_date, region, registered_on, status, date_of_death)
                SELECT 'pr_' || encode(sha256(convert_to('elder:' || n, 'UTF8')), 'hex'),
                       'bench-' || n, 'bench', 'bench',
                       CASE WHEN n % 100 = 0 THEN date '1946-03-01' + (n / 100 % 60) ELSE date '1926-01-01' + (n % 7000) END,
                       ((\(RosterBenchmarkCity.districts))::text[])[1 + n % 10] || lpad((100 + n % 7)::text, 3, '0'),
                       date '2024-01-15',
                       CASE WHEN n % 100 = 1 THEN 'deceased' ELSE 'active' END,
                       CASE WHEN n % 100 = 1 THEN date '2026-03-10' END
                FROM generate_series(\(start)::int, \(end)::int) n
                """, logger: logger)
            start = end + 1
        }
        try await connection.query("""
            INSERT INTO allowances (id, person_ref, region, first_month, granted_on)
            SELECT gen_random_uuid(), person_ref, region, date '2024-02-01', date '2024-02-20' FROM elders WHERE birth_date < date '1946-01-01'
            """, logger: logger)
        try await connection.query("ANALYZE elders", logger: logger)
        try await connection.query("ANALYZE allowances", logger: logger)
    }

    func rosters(_ dependencies: ServiceDependencies, month: YearMonth, today: CivilDate) async throws -> [GenerateAllowanceRoster.Summary] {
        let settings = AllowanceSettings()
        return try await RosterLanes.run(regions: try RosterBenchmarkCity.regions(), lanes: RosterBenchmarkCity.lanes) { region in
            try await GenerateAllowanceRoster.run(region: region, month: month, settings: settings, today: today,
                                                  dependencies: dependencies, logger: dependencies.logger)
        }
    }
}
