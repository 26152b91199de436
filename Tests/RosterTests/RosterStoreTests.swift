import Contracts
import Foundation
import Persistence
import PostgresNIO
import Testing
import TestKit
import TestSupport
import Roster
import RosterStore

/// The shared roster on PostgreSQL with a toy program (``ToyAllowance``): what every program gets
/// by plugging in. Assistance's own flows are tested end to end in `AssistanceTests`.
@Suite("The shared roster on PostgreSQL", .tags(.postgres))
struct RosterStoreTests {
    typealias F = RosterFixture

    static let logger = TestKafka.logger
    static let source = "/civil/test"
    static var county: RegionCode { get throws { try F.region("620423") } }
    static var march: YearMonth { get throws { try F.month("2026-03") } }

    /// A database with the platform's and the roster's tables and the toy program's.
    func withDatabase(_ label: String, _ body: @Sendable (PostgresClient) async throws -> Void) async throws {
        try await TestDatabase.with(label) { database in
            try await Migrator(client: database.client, logger: Self.logger).migrate([
                (PlatformMigrations.scope, PlatformMigrations.all),
                ("toy", RosterMigrations.all + [Migration(version: 1, name: "toy_allowances", statements: [ToyAllowance.table])]),
            ])
            try await body(database.client)
        }
    }

    /// Adds allowance `n` in `region`.
    func allowance(_ n: Int, region: String = "620423100001", amount: Int64 = 30_000, first: String = "2026-01",
                   last: String? = nil, suspendedFrom: String? = nil, _ client: PostgresClient) async throws {
        let last = try last.map { try F.month($0).firstDay.iso }
        let suspended = try suspendedFrom.map { try F.month($0).firstDay.iso }
        try await client.query("""
            INSERT INTO toy_allowances (id, person_ref, region, amount_fen, first_month, last_month, suspended_from)
            VALUES (\(F.id(n)), \("pr_" + String(format: "%064d", n)), \(region), \(amount), \(F.month(first).firstDay.iso)::date,
                    \(last)::date, \(suspended)::date)
            """, logger: Self.logger)
    }

    /// The toy roster of `region` (default the county) for `month` (default March).
    func roster(_ client: PostgresClient, month: YearMonth? = nil, region: RegionCode? = nil) async throws -> RosterRun {
        try await RosterGeneration.run(ToyAllowance(), region: region ?? Self.county, month: month ?? Self.march, source: Self.source,
                                       database: client,
                                       logger: Self.logger)
    }

    func scalar(_ query: PostgresQuery, _ client: PostgresClient) async throws -> Int {
        for try await value in try await client.query(query, logger: Self.logger).decode(Int.self) { return value }
        return 0
    }

    /// The outbox's events of `type`, oldest first.
    func events<E: DomainEvent>(_ type: E.Type, _ client: PostgresClient) async throws -> [E] {
        let rows = try await client.query("""
            SELECT message_key, convert_from(payload, 'UTF8') FROM outbox WHERE event_type = \(E.eventType.rawValue) ORDER BY position
            """, logger: Self.logger)
        var events: [E] = []
        for try await (key, payload) in rows.decode((String, String).self) {
            let event = try EventJSON.decoder.decode(E.self, from: Data(payload.utf8))
            #expect(key == event.aggregateID)
            events.append(event)
        }
        return events
    }

    // MARK: - Paying

    @Test("a roster pays each beneficiary due a payment once, with one event each and one for the roster")
    func paysOnce() async throws {
        try await withDatabase("roster-pays") { client in
            try await allowance(1, amount: 30_000, client)
            try await allowance(2, amount: 45_050, client)
            try await allowance(3, first: "2026-04", client)          // not started
            try await allowance(4, last: "2026-02", client)           // ended
            try await allowance(5, suspendedFrom: "2026-03", client)  // suspended (died in February)
            let run = try await roster(client)
            let rosterID = try #require(run.rosterID)
            #expect(run.payments == 2)
            #expect(run.total == Money(fen: 75_050))
            #expect(run.skipped == 3)
            #expect(run.programs == [PaymentRoster.ProgramTotal(program: ToyAllowance.program, payments: 2, total: Money(fen: 75_050))])
            #expect(run.earlierRosters == [])

            let paid = try await events(ToyAllowancePaid.self, client)
            #expect(paid.map(\.allowanceID).sorted { $0.uuidString < $1.uuidString } == [F.id(1), F.id(2)])
            #expect(Set(paid.map(\.rosterID)) == [rosterID])
            #expect(try paid.allSatisfy { try $0.month == Self.march && $0.region == F.region("620423100001") })
            #expect(paid.first { $0.allowanceID == F.id(2) }?.amount == Money(fen: 45_050))
            #expect(paid.first { $0.allowanceID == F.id(1) }?.person.rawValue == "pr_" + String(format: "%064d", 1))
            let rosters = try await events(ToyRosterGenerated.self, client)
            #expect(try rosters == [ToyRosterGenerated(rosterID: rosterID, region: Self.county, month: Self.march, paid: 2,
                                                       total: Money(fen: 75_050), skipped: 3)])
            #expect(try await scalar("SELECT count(*)::int FROM roster_payments", client) == 2)
            #expect(try await scalar("SELECT count(*)::int FROM rosters WHERE scheme = 'toy' AND region_prefix = '620423'", client) == 1)
        }
    }

    @Test("the store pays what the pure roster decides for the same terms and payments")
    func agreesWithThePureRoster() async throws {
        try await withDatabase("roster-parity") { client in
            let cases: [(first: String, last: String?, suspended: String?)] = [
                ("2026-01", nil, nil), ("2026-03", nil, nil), ("2026-04", nil, nil), ("2026-01", "2026-02", nil),
                ("2026-01", "2026-03", nil), ("2026-01", nil, "2026-03"), ("2026-01", nil, "2026-04"),
            ]
            var entitlements: [RosterEntitlement] = []
            for (n, item) in cases.enumerated() {
                try await allowance(n + 1, amount: Int64(10_000 + n), first: item.first, last: item.last, suspendedFrom: item.suspended,
                                    client)
                let terms = try PaymentTerms(firstMonth: F.month(item.first), lastMonth: item.last.map(F.month),
                                             monthlyAmount: Money(fen: Int64(10_000 + n)), suspendedFrom: item.suspended.map(F.month))
                entitlements.append(try RosterEntitlement(beneficiaryID: F.id(n + 1), program: ToyAllowance.program,
                                                          region: F.region("620423100001"), terms: terms))
            }
            let expected = try PaymentRoster.compute(entitlements, month: Self.march, region: Self.county)
            let run = try await roster(client)
            #expect(run.programs == expected.programs)
            #expect(run.total == expected.total)
            let paid = try await events(ToyAllowancePaid.self, client).map(\.allowanceID)
            #expect(Set(paid) == Set(expected.payments.map(\.beneficiaryID)))
        }
    }

    @Test("a re-run pays nobody, records no roster and publishes nothing; it lists the earlier roster")
    func rerun() async throws {
        try await withDatabase("roster-rerun") { client in
            try await allowance(1, client)
            let first = try await roster(client)
            let again = try await roster(client)
            #expect(again.rosterID == nil)
            #expect(again.payments == 0)
            #expect(again.total == .zero)
            #expect(again.programs == [])
            #expect(again.skipped == 1)
            #expect(again.earlierRosters == [try #require(first.rosterID)])
            #expect(try await scalar("SELECT count(*)::int FROM outbox", client) == 2)
            #expect(try await scalar("SELECT count(*)::int FROM rosters", client) == 1)

            // Someone due since the first run is paid by the next one, which is recorded.
            try await allowance(2, client)
            let third = try await roster(client)
            #expect(third.payments == 1)
            #expect(third.rosterID != nil)
            #expect(third.earlierRosters == [try #require(first.rosterID)])
        }
    }

    @Test("a month settled by a back-payment is not paid again when its roster is re-run")
    func backPaidMonthIsNotPaidAgain() async throws {
        try await withDatabase("roster-backpaid") { client in
            // Suspended in March (a death, later annulled): March's roster skipped it.
            try await allowance(1, suspendedFrom: "2026-03", client)
            try await allowance(2, client)
            #expect(try await roster(client).payments == 1)
            // The annulment lifts the suspension and back-pays March.
            try await client.query("UPDATE toy_allowances SET suspended_from = NULL", logger: Self.logger)
            try await client.withConnection { connection in
                try await PaymentLedger.insertBackPayments([PaymentReconciliation.MonthAmount(month: Self.march, amount: Money(fen: 30_000))],
                                                           beneficiaryID: F.id(1), program: ToyAllowance.program, causeEventID: F.id(902),
                                                           paidOn: F.date("2026-04-02"), on: connection, logger: Self.logger)
            }
            let rerun = try await roster(client)
            #expect(rerun.payments == 0)
            #expect(rerun.rosterID == nil)
            #expect(try await scalar("SELECT count(*)::int FROM roster_payments", client) == 1)
            #expect(try await events(ToyAllowancePaid.self, client).map(\.allowanceID) == [F.id(2)])
            // April, which no back-payment settled, is paid as usual.
            #expect(try await roster(client, month: F.month("2026-04")).payments == 2)
        }
    }

    @Test("the first run of a region and month is recorded even when it pays nobody")
    func firstRunRecorded() async throws {
        try await withDatabase("roster-empty") { client in
            let run = try await roster(client)
            #expect(run.rosterID != nil)
            #expect(run.payments == 0)
            #expect(try await events(ToyRosterGenerated.self, client).map(\.paid) == [0])
        }
    }

    @Test("runs of one region and month at the same time pay each beneficiary once and record one roster")
    func concurrentRuns() async throws {
        try await withDatabase("roster-concurrent") { client in
            for n in 1...20 { try await allowance(n, client) }
            let runs = try await withThrowingTaskGroup(of: RosterRun.self) { group in
                for _ in 0..<4 { group.addTask { try await roster(client) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(runs.map(\.payments).reduce(0, +) == 20)
            #expect(runs.compactMap(\.rosterID).count == 1)
            #expect(try await scalar("SELECT count(*)::int FROM roster_payments", client) == 20)
            #expect(try await events(ToyAllowancePaid.self, client).count == 20)
        }
    }

    // MARK: - Regions

    @Test("a county's roster pays its county only; the city's then pays the other counties, nobody twice")
    func regions() async throws {
        try await withDatabase("roster-regions") { client in
            try await allowance(1, region: "620423100001", client)
            try await allowance(2, region: "620421", client)
            try await allowance(3, region: "510104", client)  // another province
            let county = try await roster(client)
            #expect(county.payments == 1)
            #expect(county.skipped == 0)
            let city = try await roster(client, region: F.region("620400"))
            #expect(city.payments == 1)
            #expect(city.skipped == 1)  // the county's, paid already
            #expect(try await events(ToyAllowancePaid.self, client).map(\.allowanceID) == [F.id(1), F.id(2)])
        }
    }

    @Test("several regions are each their own roster, a few at a time, answered in the order given")
    func severalRegions() async throws {
        try await withDatabase("roster-lanes") { client in
            let counties = ["620421", "620422", "620423", "620402", "620403"]
            for (n, county) in counties.enumerated() {
                for k in 0...n { try await allowance(10 * n + k + 1, region: county, client) }
            }
            let runs = try await RosterGeneration.run(ToyAllowance(), regions: counties.map(F.region), month: Self.march, lanes: 2,
                                                      source: Self.source, database: client, logger: Self.logger)
            #expect(runs.map(\.region.rawValue) == counties)
            #expect(runs.map(\.payments) == [1, 2, 3, 4, 5])
            #expect(Set(runs.compactMap(\.rosterID)).count == 5)
            #expect(try await scalar("SELECT count(*)::int FROM rosters", client) == 5)
        }
    }

    @Test("listing keeps to the officer's region and the scheme, newest month first")
    func listing() async throws {
        try await withDatabase("roster-listing") { client in
            try await allowance(1, client)
            _ = try await roster(client, month: F.month("2026-02"))
            _ = try await roster(client, month: Self.march)
            _ = try await roster(client, month: Self.march, region: F.region("620421"))
            let rosters = try await client.withConnection { connection in
                try await RosterListing.rosters(ToyAllowance(), region: nil, month: nil, within: Self.county, on: connection,
                                                logger: Self.logger)
            }
            #expect(try rosters.map(\.month) == [Self.march, F.month("2026-02")])
            #expect(rosters.map(\.payments) == [1, 1])
            #expect(try rosters.allSatisfy { try $0.region == Self.county && $0.total == Money(fen: 30_000) })
            let city = try await client.withConnection { connection in
                try await RosterListing.rosters(ToyAllowance(), region: "620421", month: Self.march, within: F.region("620400"),
                                                on: connection, logger: Self.logger)
            }
            #expect(city.map(\.region.rawValue) == ["620421"])
        }
    }

    // MARK: - The ledger

    @Test("the ledger: history for reconciliation, back-payments, one recovery claim, its cancellation")
    func ledger() async throws {
        try await withDatabase("roster-ledger") { client in
            try await allowance(1, client)
            for month in ["2026-01", "2026-02", "2026-03"] { _ = try await roster(client, month: F.month(month)) }
            let person = try PersonRef(rawValue: "pr_" + String(format: "%064d", 1))
            try await client.transaction(logger: Self.logger) { connection in
                // Died in January, reported in April: February and March are overpaid.
                let terms = try PaymentTerms(firstMonth: F.month("2026-01"), monthlyAmount: Money(fen: 30_000)).suspended(from: F.month("2026-02"))
                let history = try await PaymentLedger.history(of: F.id(1), program: ToyAllowance.program, region: F.region("620423100001"),
                                                              scheme: ToyAllowance(), on: connection, logger: Self.logger)
                #expect(try history.settledMonths == Set(["2026-01", "2026-02", "2026-03"].map(F.month)))
                #expect(try history.paid == Dictionary(uniqueKeysWithValues: ["2026-01", "2026-02", "2026-03"].map { (try F.month($0), Money(fen: 30_000)) }))
                #expect(history.claimed == [:])
                let settlement = PaymentReconciliation.settle(terms: terms, settledMonths: history.settledMonths, paid: history.paid,
                                                              claimed: history.claimed)
                try await PaymentLedger.openRecoveryClaim(F.id(900), beneficiaryID: F.id(1), program: ToyAllowance.program, person: person,
                                                          endedOn: F.date("2026-01-20"), overpaid: settlement.overpaid,
                                                          total: settlement.overpaidTotal, openedOn: F.date("2026-04-02"),
                                                          causeEventID: F.id(901), on: connection, logger: Self.logger)
                let after = try await PaymentLedger.history(of: F.id(1), program: ToyAllowance.program, region: F.region("620423100001"),
                                                            scheme: ToyAllowance(), on: connection, logger: Self.logger)
                #expect(try after.claimed == [F.month("2026-02"): Money(fen: 30_000), F.month("2026-03"): Money(fen: 30_000)])
            }
            try await client.transaction(logger: Self.logger) { connection in
                // The death is annulled: the claim is cancelled and a month the roster skipped is back-paid.
                try await PaymentLedger.cancelClaims(beneficiaryID: F.id(1), program: ToyAllowance.program, person: person,
                                                     byEvent: F.id(902), on: connection, logger: Self.logger)
                try await PaymentLedger.insertBackPayments([PaymentReconciliation.MonthAmount(month: F.month("2026-04"), amount: Money(fen: 30_000))],
                                                           beneficiaryID: F.id(1), program: ToyAllowance.program, causeEventID: F.id(902),
                                                           paidOn: F.date("2026-05-02"), on: connection, logger: Self.logger)
            }
            let ledger = try await client.withConnection { connection in
                try await PaymentLedger.ledger(of: F.id(1), program: ToyAllowance.program, on: connection, logger: Self.logger)
            }
            #expect(try ledger.payments.map(\.month) == ["2026-01", "2026-02", "2026-03"].map(F.month))
            #expect(try ledger.backPayments == [PaymentReconciliation.MonthAmount(month: F.month("2026-04"), amount: Money(fen: 30_000))])
            let claim = try #require(ledger.recoveryClaims.first)
            #expect(ledger.recoveryClaims.count == 1)
            #expect(claim.id == F.id(900))
            #expect(claim.status == .cancelled)
            #expect(try claim.endedOn == F.date("2026-01-20"))
            #expect(try claim.months == [F.month("2026-02"): Money(fen: 30_000), F.month("2026-03"): Money(fen: 30_000)])
            #expect(claim.amount == Money(fen: 60_000))
            #expect(claim.person == person)

            // Listings keep to the beneficiaries the service names, and filter by status and beneficiary.
            func listed(_ status: RecoveryClaimStatus?, among: PostgresQuery) async throws -> [UUID] {
                try await client.withConnection { connection in
                    try await PaymentLedger.recoveryClaims(status: status, beneficiaryID: F.id(1), among: among, on: connection,
                                                           logger: Self.logger).map(\.id)
                }
            }
            #expect(try await listed(nil, among: "SELECT id FROM toy_allowances WHERE starts_with(region, \("6204"))") == [F.id(900)])
            #expect(try await listed(.cancelled, among: "SELECT id FROM toy_allowances") == [F.id(900)])
            #expect(try await listed(.open, among: "SELECT id FROM toy_allowances") == [])
            #expect(try await listed(nil, among: "SELECT id FROM toy_allowances WHERE starts_with(region, \("5101"))") == [])
        }
    }

    @Test("a claim for a lower amount keeps its reason and outlives the cancellation of a death's claims")
    func amountLoweredClaimStands() async throws {
        try await withDatabase("roster-claim-reasons") { client in
            try await allowance(1, client)
            let person = try PersonRef(rawValue: "pr_" + String(format: "%064d", 1))
            try await client.transaction(logger: Self.logger) { connection in
                try await PaymentLedger.openRecoveryClaim(F.id(910), beneficiaryID: F.id(1), program: ToyAllowance.program, person: person,
                                                          endedOn: F.date("2026-01-31"),
                                                          overpaid: [PaymentReconciliation.MonthAmount(month: F.month("2026-02"), amount: Money(fen: 1_000))],
                                                          total: Money(fen: 1_000), openedOn: F.date("2026-04-02"), causeEventID: F.id(911),
                                                          reason: .amountLowered, on: connection, logger: Self.logger)
                try await PaymentLedger.openRecoveryClaim(F.id(920), beneficiaryID: F.id(1), program: ToyAllowance.program, person: person,
                                                          endedOn: F.date("2026-02-20"),
                                                          overpaid: [PaymentReconciliation.MonthAmount(month: F.month("2026-03"), amount: Money(fen: 29_000))],
                                                          total: Money(fen: 29_000), openedOn: F.date("2026-04-03"), causeEventID: F.id(921),
                                                          on: connection, logger: Self.logger)
                try await PaymentLedger.cancelClaims(beneficiaryID: F.id(1), program: ToyAllowance.program, person: person,
                                                     byEvent: F.id(922), on: connection, logger: Self.logger)
            }
            let ledger = try await client.withConnection { connection in
                try await PaymentLedger.ledger(of: F.id(1), program: ToyAllowance.program, on: connection, logger: Self.logger)
            }
            #expect(ledger.recoveryClaims.map { "\($0.id == F.id(910) ? "lowered" : "death") \($0.reason.rawValue) \($0.status.rawValue)" }
                    == ["lowered amount-lowered open", "death death cancelled"])
        }
    }

    @Test("the months a reconciliation settles are those the scheme's own rosters ran for, in the beneficiary's region")
    func settledMonthsPerScheme() async throws {
        try await withDatabase("roster-settled") { client in
            try await allowance(1, client)
            _ = try await roster(client, month: F.month("2026-01"))
            _ = try await roster(client, month: F.month("2026-02"), region: F.region("620400"))  // the city's roster covers the county
            _ = try await roster(client, month: F.month("2026-03"), region: F.region("620421"))  // another county's does not
            try await client.query("""
                INSERT INTO rosters (id, scheme, region, region_prefix, month, payments, total_fen, skipped)
                VALUES (\(UUID()), 'another', '620423', '620423', '2026-04-01', 0, 0, 0)
                """, logger: Self.logger)
            let history = try await client.withConnection { connection in
                try await PaymentLedger.history(of: F.id(1), program: ToyAllowance.program, region: F.region("620423100001"),
                                                scheme: ToyAllowance(), on: connection, logger: Self.logger)
            }
            #expect(try history.settledMonths == [F.month("2026-01"), F.month("2026-02")])
        }
    }
}
