import Contracts
import Foundation
import Persistence
import PostgresNIO
import Roster
import RosterStore
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// Assistance migration 7 moves rosters, payments, back-payments and recovery claims from
/// Assistance's own tables to the shared roster's, keeping every row.
@Suite("Assistance's payments move to the shared roster", .tags(.postgres))
struct RosterMigrationTests {
    static let logger = TestKafka.logger

    /// The migrations a database had before the shared roster: the journal's and Assistance's up to 6.
    static let beforeTheSharedRoster = AssistanceMigrations.all.filter { $0.scope != RosterMigrations.scope && $0.version < 7 }

    static func migrate(_ database: TestDatabase, _ migrations: [Migration]) async throws {
        try await Migrator(client: database.client, logger: logger).migrate([
            (PlatformMigrations.scope, PlatformMigrations.all), (Domain.assistance.rawValue, migrations),
        ])
    }

    @Test func rowsWrittenBeforeTheMoveAreReadFromTheSharedTables() async throws {
        try await TestDatabase.with("asst-roster-move") { database in
            try await Self.migrate(database, Self.beforeTheSharedRoster)
            let client = database.client
            let (household, lowIncome, extreme, roster) = (UUID(), UUID(), UUID(), UUID())
            let (backPayment, claim, cause) = (UUID(), UUID(), UUID())
            let person = "pr_" + String(repeating: "b", count: 64)
            for statement: PostgresQuery in [
                "INSERT INTO households (id, region, area, residence, members) VALUES (\(household), '620423', 'urban', '[]', '[]')",
                """
                INSERT INTO cases (id, household_id, program, region, recipients, monthly_amount_fen, amount_from, amount_steps,
                                   first_month, approved_on)
                VALUES (\(lowIncome), \(household), 'minimum-living-allowance', '620423', ARRAY[\(person)], 57700, '2026-02-01',
                        '[{"from":"2026-02","amount":57700}]', '2026-02-01', '2026-01-10'),
                       (\(extreme), \(household), 'extreme-poverty', '620423', ARRAY[\(person)], 75100, '2026-02-01',
                        '[{"from":"2026-02","amount":75100}]', '2026-02-01', '2026-01-10')
                """,
                """
                INSERT INTO payment_rosters (id, region, region_prefix, month, households, total_fen, skipped, generated_at)
                VALUES (\(roster), '620423', '620423', '2026-02-01', 2, 132800, 0, '2026-02-03 08:00:00+00')
                """,
                """
                INSERT INTO payments (case_id, month, roster_id, amount_fen, program, region, recipients)
                VALUES (\(lowIncome), '2026-02-01', \(roster), 57700, 'minimum-living-allowance', '620423', ARRAY[\(person)]),
                       (\(extreme), '2026-02-01', \(roster), 75100, 'extreme-poverty', '620423', ARRAY[\(person)])
                """,
                """
                INSERT INTO back_payments (id, case_id, month, amount_fen, cause_event_id, paid_on)
                VALUES (\(backPayment), \(extreme), '2026-01-01', 12345, \(cause), '2026-03-05')
                """,
                """
                INSERT INTO recovery_claims (id, case_id, person_ref, date_of_death, months, amount_fen, status, opened_on,
                                             cause_event_id, cancelled_by_event_id)
                VALUES (\(claim), \(lowIncome), \(person), '2026-01-20', '{"2026-02": 57700}', 57700, 'cancelled', '2026-03-01',
                        \(cause), \(cause))
                """,
            ] {
                try await client.query(statement, logger: Self.logger)
            }

            try await Self.migrate(database, AssistanceMigrations.all)

            let rosters = try await client.withConnection { connection in
                try await RosterListing.rosters(AssistanceRoster(), region: nil, month: nil, within: try RegionCode("620000"),
                                                on: connection, logger: Self.logger)
            }
            #expect(rosters.map(\.id) == [roster])
            #expect(rosters.map(\.payments) == [2])
            #expect(rosters.map(\.total) == [Money(fen: 132_800)])
            #expect(rosters.map(\.generatedAt) == ["2026-02-03T08:00:00Z"])
            let (low, high) = try await client.withConnection { connection in
                (try await PaymentLedger.ledger(of: lowIncome, program: "minimum-living-allowance", on: connection, logger: Self.logger),
                 try await PaymentLedger.ledger(of: extreme, program: "extreme-poverty", on: connection, logger: Self.logger))
            }
            let february = try YearMonth(iso: "2026-02")
            #expect(low.payments == [PaymentReconciliation.MonthAmount(month: february, amount: Money(fen: 57_700))])
            #expect(high.payments == [PaymentReconciliation.MonthAmount(month: february, amount: Money(fen: 75_100))])
            #expect(high.backPayments == [PaymentReconciliation.MonthAmount(month: try YearMonth(iso: "2026-01"), amount: Money(fen: 12_345))])
            #expect(low.backPayments == [])
            #expect(low.recoveryClaims.map(\.id) == [claim])
            #expect(low.recoveryClaims.map(\.status) == [.cancelled])
            #expect(low.recoveryClaims.map(\.endedOn) == [try CivilDate(iso: "2026-01-20")])
            #expect(low.recoveryClaims.map(\.months) == [[february: Money(fen: 57_700)]])
            #expect(high.recoveryClaims.isEmpty)
            let recipients = try await AssistanceHarness.scalar(
                "SELECT array_to_string(recipients, ',') FROM roster_payments WHERE program = 'extreme-poverty'", as: String.self, database)
            #expect(recipients == person)
            let oldTables = try await AssistanceHarness.scalar("""
                SELECT count(*)::int FROM information_schema.tables
                WHERE table_name IN ('payments', 'payment_rosters', 'back_payments', 'recovery_claims')
                """, database)
            #expect(oldTables == 0)

            // The next month's roster pays both cases once more, on the moved history.
            let march = try await RosterGeneration.run(AssistanceRoster(), region: try RegionCode("620423"), month: try YearMonth(iso: "2026-03"),
                                                       source: "/civil/assistance", database: client, logger: Self.logger)
            #expect(march.payments == 2)
            let rerun = try await RosterGeneration.run(AssistanceRoster(), region: try RegionCode("620423"), month: february,
                                                       source: "/civil/assistance", database: client, logger: Self.logger)
            #expect(rerun.payments == 0)
            #expect(rerun.earlierRosters == [roster])
        }
    }

    @Test func aNewDatabaseEndsWithTheSharedTablesOnly() async throws {
        try await TestDatabase.with("asst-roster-new") { database in
            try await Self.migrate(database, AssistanceMigrations.all)
            let tables = try await database.client.query("""
                SELECT table_name::text FROM information_schema.tables
                WHERE table_name IN ('payments', 'payment_rosters', 'back_payments', 'recovery_claims', 'rosters', 'roster_payments',
                                     'roster_back_payments', 'roster_recovery_claims')
                ORDER BY table_name
                """, logger: Self.logger)
            var names: [String] = []
            for try await name in tables.decode(String.self) { names.append(name) }
            #expect(names == ["roster_back_payments", "roster_payments", "roster_recovery_claims", "rosters"])
            let scopes = try await database.client.query(
                "SELECT scope || '/' || version FROM schema_migrations WHERE scope IN ('roster', 'assistance') ORDER BY scope, version",
                logger: Self.logger)
            var applied: [String] = []
            for try await row in scopes.decode(String.self) { applied.append(row) }
            #expect(applied == ["assistance/3", "assistance/4", "assistance/5", "assistance/6", "assistance/7", "assistance/8", "assistance/9",
                               "assistance/10", "assistance/11", "assistance/12", "assistance/13", "assistance/14", "assistance/15", "roster/1", "roster/2"])
        }
    }
}
