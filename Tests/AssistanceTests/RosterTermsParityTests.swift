import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import PostgresNIO
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// The roster's SQL pays exactly what the pure `CaseTerms.due(in:)` says is due: the payable
/// rule is written twice (once set-based for a million households), so this test keeps them equal.
@Suite("Roster SQL agrees with CaseTerms", .tags(.postgres, .kafka, .slow), .serialized)
struct RosterTermsParityTests {
    static func month(_ text: String) throws -> YearMonth { try YearMonth(iso: text) }

    static func cases() throws -> [CaseTerms] { [
        CaseTerms(firstMonth: try month("2026-01"), monthlyAmount: Money(yuan: 1_000)),
        CaseTerms(firstMonth: try month("2026-03"), monthlyAmount: Money(yuan: 500)),
        CaseTerms(firstMonth: try month("2026-01"), lastMonth: try month("2026-02"), monthlyAmount: Money(yuan: 300)),
        CaseTerms(firstMonth: try month("2026-01"), monthlyAmount: Money(yuan: 751), suspendedFrom: try month("2026-04")),
        CaseTerms(firstMonth: try month("2026-01"), monthlyAmount: Money(yuan: 1_000))
            .changingAmount(to: Money(yuan: 700), from: try month("2026-03"))
            .changingAmount(to: Money(yuan: 400), from: try month("2026-05")),
        CaseTerms(firstMonth: try month("2026-02"), lastMonth: try month("2026-05"), monthlyAmount: Money(fen: 57_731))
            .changingAmount(to: Money(fen: 12_345), from: try month("2026-04"))
            .suspended(from: try month("2026-05")),
    ] }

    @Test func everyMonthPaysWhatTheTermsSayIsDue() async throws {
        try await AssistanceHarness.with(today: "2026-07-01") { context in
            let database = context.database.client
            let logger = TestKafka.logger
            let household = UUID()
            try await database.query("""
                INSERT INTO households (id, region, area, residence, members) VALUES (\(household), '620423', 'urban', '[]', '[]')
                """, logger: logger)
            var ids: [UUID] = []
            let cases = try Self.cases()
            for terms in cases {
                let id = UUID()
                ids.append(id)
                try await database.query("""
                    INSERT INTO cases (id, household_id, program, region, recipients, monthly_amount_fen, amount_from, amount_steps,
                                       first_month, last_month, suspended_from, approved_on)
                    VALUES (\(id), \(household), 'minimum-living-allowance', '620423', ARRAY['pr_\(unescaped: String(repeating: "a", count: 64))'],
                            \(terms.monthlyAmount.fen), \(terms.currentAmountFrom.firstDay.iso)::date,
                            \(try CaseStore.stepsJSON(terms.steps))::jsonb, \(terms.firstMonth.firstDay.iso)::date,
                            \(terms.lastMonth?.firstDay.iso)::date, \(terms.suspendedFrom?.firstDay.iso)::date, '2025-12-20')
                    """, logger: logger)
            }
            let months = try (1...6).map { try Self.month(String(format: "2026-%02d", $0)) }
            for month in months { _ = try await Caseworker(context: context).roster(month.iso) }

            var paid: [UUID: [YearMonth: Money]] = [:]
            let rows = try await database.query("SELECT beneficiary_id, to_char(month, 'YYYY-MM'), amount_fen FROM roster_payments", logger: logger)
            for try await (id, month, fen) in rows.decode((UUID, String, Int64).self) {
                paid[id, default: [:]][try YearMonth(iso: month)] = Money(fen: fen)
            }
            for (id, terms) in zip(ids, cases) {
                for month in months {
                    let due = terms.due(in: month)
                    #expect((paid[id]?[month] ?? .zero) == due, "case \(terms) in \(month)")
                }
            }
        }
    }

    /// The same for the disability two subsidies' scheme (`DisabilitySubsidyRoster`): its SQL pays
    /// what `DisabilitySubsidy.terms.due(in:)` says.
    @Test func everyMonthPaysWhatASubsidysTermsSayIsDue() async throws {
        try await AssistanceHarness.with(today: "2026-07-01") { context in
            let database = context.database.client
            let logger = TestKafka.logger
            let household = UUID()
            try await database.query("""
                INSERT INTO households (id, region, area, residence, members) VALUES (\(household), '620423', 'rural', '[]', '[]')
                """, logger: logger)
            var subsidies: [DisabilitySubsidy] = []
            for (index, terms) in try Self.cases().enumerated() {
                let person = try PersonRef(rawValue: "pr_" + String(repeating: String(index), count: 64))
                let subsidy = try DisabilitySubsidy(id: UUID(), person: person, region: AssistanceHarness.jingtai,
                                                    kind: index.isMultiple(of: 2) ? .living : .nursing, basis: .minimumLivingHousehold,
                                                    terms: terms)
                try await database.withConnection { connection in
                    try await DisabilitySubsidyStore.insert(subsidy, householdID: household, grantedOn: try CivilDate(iso: "2025-12-20"),
                                                            on: connection, logger: logger)
                    try await DisabilitySubsidyStore.save(subsidy, on: connection, logger: logger)
                }
                subsidies.append(subsidy)
            }
            let months = try (1...6).map { try Self.month(String(format: "2026-%02d", $0)) }
            for month in months {
                let response = try await context.client.post("/disability-subsidy-rosters", json: #"{"region":"620423","month":"\#(month.iso)"}"#)
                #expect(response.status == .created || response.status == .ok, "\(response.text)")
            }

            var paid: [UUID: [YearMonth: Money]] = [:]
            let rows = try await database.query("SELECT beneficiary_id, to_char(month, 'YYYY-MM'), amount_fen FROM roster_payments", logger: logger)
            for try await (id, month, fen) in rows.decode((UUID, String, Int64).self) {
                paid[id, default: [:]][try YearMonth(iso: month)] = Money(fen: fen)
            }
            for subsidy in subsidies {
                for month in months {
                    #expect((paid[subsidy.id]?[month] ?? .zero) == subsidy.terms.due(in: month), "subsidy \(subsidy.terms) in \(month)")
                }
            }
        }
    }
}
