import Contracts
import ElderCareDomain
import Foundation
import PostgresNIO
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// The roster's SQL pays exactly what the pure `AllowanceEntitlement.month` owes: the rule is
/// written twice (once set-based for half a million elders), so this test keeps them equal —
/// birthdays at month ends and on 29 February, tier and standard changes, late registration,
/// deaths at the ends of months, a county without a standard, and proofs of life.
@Suite("Allowance roster SQL agrees with AllowanceEntitlement", .tags(.postgres, .kafka, .slow), .serialized)
struct AllowanceParityTests {
    struct Elder {
        var born: String
        var registered = "2024-01-10"
        var died: String?
        var region = ElderCareHarness.township
        var proofs: [String] = []
    }

    static let elders: [Elder] = [
        Elder(born: "1946-02-15"), Elder(born: "1946-01-31"), Elder(born: "1946-03-01"), Elder(born: "1946-04-30"),
        Elder(born: "1944-02-29"), Elder(born: "1946-02-28"), Elder(born: "1936-03-10"), Elder(born: "1936-05-31"),
        Elder(born: "1926-05-01"), Elder(born: "1926-06-15"), Elder(born: "1950-01-01"), Elder(born: "1946-07-01"),
        Elder(born: "1941-06-06", registered: "2026-03-15"), Elder(born: "1940-01-01", died: "2026-03-31"),
        Elder(born: "1940-01-01", died: "2026-04-01"), Elder(born: "1935-12-31", died: "2025-12-31"),
        Elder(born: "1930-08-08", region: "620421100"),
        Elder(born: "1938-09-09", proofs: ["2026-02-10"]), Elder(born: "1939-10-10", proofs: ["2026-05-03"]),
        Elder(born: "1937-11-11", proofs: ["2025-10-01", "2026-06-30"]),
    ]

    static func standards() throws -> [AllowanceStandard] {
        [
            try AllowanceStandard(effectiveFrom: try YearMonth(iso: "2026-01"), tiers: [
                try AllowanceTier(minimumAge: 80, monthlyAmount: Money(fen: 10_000)),
                try AllowanceTier(minimumAge: 90, monthlyAmount: Money(fen: 20_000)),
                try AllowanceTier(minimumAge: 100, monthlyAmount: Money(fen: 50_000)),
            ]),
            try AllowanceStandard(effectiveFrom: try YearMonth(iso: "2026-04"), tiers: [
                try AllowanceTier(minimumAge: 80, monthlyAmount: Money(fen: 12_000)),
                try AllowanceTier(minimumAge: 90, monthlyAmount: Money(fen: 24_000)),
                try AllowanceTier(minimumAge: 100, monthlyAmount: Money(fen: 60_000)),
            ]),
        ]
    }

    @Test("without a proof of life", arguments: [AllowanceSchedule.FirstMonthRule.monthAfterBirthday, .birthdayMonth])
    func everyMonthPaysWhatTheRuleOwes(_ rule: AllowanceSchedule.FirstMonthRule) async throws {
        try await check(policy: ["ELDERCARE_ALLOWANCE_FIRST_MONTH": rule.rawValue])
    }

    @Test("with a proof of life every three months, back-paid or not", arguments: [true, false])
    func everyMonthPaysWhatTheRuleOwesWithProofsOfLife(_ backPay: Bool) async throws {
        try await check(policy: ["ELDERCARE_PROOF_OF_LIFE_REQUIRED": "true", "ELDERCARE_PROOF_OF_LIFE_VALIDITY_MONTHS": "3",
                                 "ELDERCARE_PROOF_OF_LIFE_BACK_PAY": "\(backPay)"])
    }

    func check(policy: [String: String]) async throws {
        let settings = try AllowanceSettings.fromEnvironment(policy)
        try await ElderCareHarness.with(today: "2026-07-31", policy: policy) { context in
            for standard in try Self.standards() {
                let tiers = standard.tiers.map { #"{"minimumAge":\#($0.minimumAge),"monthlyAmountFen":\#($0.monthlyAmount.fen)}"# }
                let set = try await AllowanceFixture.standard(context, from: standard.effectiveFrom.iso, tiers: "[\(tiers.joined(separator: ","))]")
                #expect(set.status == .ok, "\(set.text)")
            }
            var people: [PersonRef] = []
            for (index, elder) in Self.elders.enumerated() {
                let person = try await AllowanceFixture.register(born: elder.born, sequence: 101 + 2 * index, region: elder.region,
                                                                 registeredOn: elder.registered, diedOn: elder.died, context)
                for proof in elder.proofs {
                    try await context.database.client.query("""
                        INSERT INTO allowance_proofs_of_life (id, person_ref, made_on, recorded_by)
                        VALUES (\(UUID()), \(person.rawValue), \(proof)::date, 'test')
                        """, logger: TestKafka.logger)
                }
                people.append(person)
            }
            let months = try (1...7).map { try YearMonth(year: 2026, month: $0) }
            for month in months {
                _ = try await AllowanceFixture.roster(month.iso, context, region: "620400")
            }
            let schedule = try settings.schedule(try Self.standards())
            for (person, elder) in zip(people, Self.elders) {
                let paid = try await AllowanceFixture.paid(person, context)
                let recipient = AllowanceRecipient(bornOn: try CivilDate(iso: elder.born), registeredFrom: try CivilDate(iso: elder.registered).yearMonth,
                                                   diedOn: try elder.died.map { try CivilDate(iso: $0) },
                                                   proofsOfLife: try elder.proofs.map { try CivilDate(iso: $0) })
                for month in months {
                    // The other county (620421) has no standard: nothing is owed there.
                    let owed = elder.region.hasPrefix(ElderCareHarness.county)
                        ? AllowanceEntitlement.month(month, for: recipient, schedule: schedule, proofOfLife: settings.proofOfLife).amount
                        : .zero
                    #expect(Money(fen: paid[month.iso] ?? 0) == owed, "born \(elder.born) in \(month)")
                }
            }
        }
    }
}
