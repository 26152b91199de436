import Contracts
import Foundation
import HummingbirdTesting
import PostgresNIO
import TestKit
import TestSupport
@testable import ElderCare

/// The allowance tests' common steps: a standard, registered elders, a roster, the ledger.
enum AllowanceFixture {
    /// 80–89: 100 yuan, 90–99: 200, 100+: 500 (illustrative; the seeds give no amounts).
    static let tiers = #"[{"minimumAge":80,"monthlyAmountFen":10000},{"minimumAge":90,"monthlyAmountFen":20000},{"minimumAge":100,"monthlyAmountFen":50000}]"#

    /// Sets Jingtai's standard from `month` (as a province administrator).
    @discardableResult
    static func standard(_ context: ElderCareHarness.Context, from month: String, tiers: String = tiers,
                         county: String = ElderCareHarness.county) async throws -> TestResponse {
        try await context.client.put("/allowance-standards/\(county)", json: #"{"effectiveFrom":"\#(month)","tiers":\#(tiers)}"#)
    }

    /// Generates the roster of `month` (as a province administrator) and returns its summary.
    static func roster(_ month: String, _ context: ElderCareHarness.Context, region: String = ElderCareHarness.county) async throws -> [String: Any] {
        try await context.client.post("/allowance-rosters", json: #"{"region":"\#(region)","month":"\#(month)"}"#).json()
    }

    /// Puts a person born on `born` on the register (directly in `elders`, as the register's
    /// routes would) and returns the person ref.
    static func register(born: String, sequence: Int, region: String = ElderCareHarness.township, registeredOn: String = "2024-01-10",
                         diedOn: String? = nil, _ context: ElderCareHarness.Context) async throws -> PersonRef {
        let id = try ElderCareHarness.resident(born: born, sequence: sequence)
        let person = try ElderCareHarness.person(id)
        try await context.database.client.query("""
            INSERT INTO elders (person_ref, resident_id, name, address, birth_date, region, registered_on, status, date_of_death)
            VALUES (\(person.rawValue), \(id.rawValue), '测试', '一条山镇', \(born)::date, \(region), \(registeredOn)::date,
                    \(diedOn == nil ? "active" : "deceased"), \(diedOn)::date)
            """, logger: TestKafka.logger)
        return person
    }

    /// Sets (or clears) the register's date of death, as the register's own reaction does.
    static func setDeath(_ person: PersonRef, _ date: String?, _ context: ElderCareHarness.Context) async throws {
        try await context.database.client.query("""
            UPDATE elders SET date_of_death = \(date)::date, status = \(date == nil ? "active" : "deceased") WHERE person_ref = \(person.rawValue)
            """, logger: TestKafka.logger)
    }

    /// The allowance id of `person`, nil when none was granted.
    static func allowance(of person: PersonRef, _ context: ElderCareHarness.Context) async throws -> UUID? {
        try await ElderCareHarness.scalar("SELECT id FROM allowances WHERE person_ref = '\(person.rawValue)'", as: UUID.self, context.database)
    }

    /// What was paid for `person`, per month (`YYYY-MM` → fen): roster payments and back-payments.
    static func paid(_ person: PersonRef, _ context: ElderCareHarness.Context) async throws -> [String: Int64] {
        let rows = try await context.database.client.query("""
            SELECT to_char(p.month, 'YYYY-MM'), sum(p.amount_fen)::bigint FROM (
                SELECT beneficiary_id, month, amount_fen FROM roster_payments
                UNION ALL SELECT beneficiary_id, month, amount_fen FROM roster_back_payments) p
            JOIN allowances a ON a.id = p.beneficiary_id WHERE a.person_ref = \(person.rawValue) GROUP BY p.month
            """, logger: TestKafka.logger)
        var paid: [String: Int64] = [:]
        for try await (month, fen) in rows.decode((String, Int64).self) { paid[month] = fen }
        return paid
    }
}
