import Contracts
import Foundation
import HTTPTypes
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// The optional proof of life (高龄津贴验证): a missed one suspends payment, a late one resumes it and
/// pays back the suspended months (or not, as the county sets).
@Suite("Advanced-age allowance proof of life", .tags(.postgres, .kafka, .slow), .serialized)
struct ProofOfLifeTests {
    static func policy(backPay: Bool) -> [String: String] {
        ["ELDERCARE_PROOF_OF_LIFE_REQUIRED": "true", "ELDERCARE_PROOF_OF_LIFE_VALIDITY_MONTHS": "2",
         "ELDERCARE_PROOF_OF_LIFE_BACK_PAY": "\(backPay)"]
    }

    @Test("a missed proof suspends; a late one resumes", arguments: [true, false])
    func missedAndLate(_ backPay: Bool) async throws {
        try await ElderCareHarness.with(today: "2026-05-20", policy: Self.policy(backPay: backPay)) { context in
            #expect(try await AllowanceFixture.standard(context, from: "2026-01").status == .ok)
            // Entitled since 2024-01 (registered then, aged 84): the grant's check covered two months long ago.
            let person = try await AllowanceFixture.register(born: "1940-01-01", sequence: 31, context)
            let march = try await AllowanceFixture.roster("2026-03", context)
            #expect(march["granted"] as? Int == 1)
            #expect(march["suspended"] as? Int == 1)
            #expect(march["paid"] as? Int == 0)
            let april = try await AllowanceFixture.roster("2026-04", context)
            #expect(april["suspended"] as? Int == 0)
            #expect(april["paid"] as? Int == 0)

            let visitor = try await context.client.acting(as: [.visitor], region: ElderCareHarness.township)
            let proof = try await visitor.post("/elders/\(person.rawValue)/proof-of-life", json: #"{"madeOn":"2026-05-10"}"#)
            #expect(proof.status == .created, "\(proof.text)")
            let result = try proof.json()
            #expect(result["resumed"] as? Bool == true)
            #expect(result["backPaidMonths"] as? [String] == (backPay ? ["2026-03", "2026-04"] : []))
            #expect(result["backPayFen"] as? Int == (backPay ? 20_000 : 0))
            let may = try await AllowanceFixture.roster("2026-05", context)
            #expect(may["paid"] as? Int == 1)
            let expected: [String: Int64] = backPay ? ["2026-03": 10_000, "2026-04": 10_000, "2026-05": 10_000] : ["2026-05": 10_000]
            #expect(try await AllowanceFixture.paid(person, context) == expected)
            let counts = try await ElderCareHarness.publishedCounts(
                ["civil.eldercare.allowance-suspended.v1": 1, "civil.eldercare.allowance-resumed.v1": 1], context)
            #expect(counts == ["civil.eldercare.allowance-suspended.v1": 1, "civil.eldercare.allowance-resumed.v1": 1])
        }
    }

    @Test func refusesUnknownPeopleFutureProofsAndOtherRoles() async throws {
        try await ElderCareHarness.with(today: "2026-05-20", policy: Self.policy(backPay: true)) { context in
            let person = try await AllowanceFixture.register(born: "1940-01-01", sequence: 33, context)
            let caseworker = try await context.client.acting(as: [.caseworker], region: ElderCareHarness.county)
            let future = try await caseworker.post("/elders/\(person.rawValue)/proof-of-life", json: #"{"madeOn":"2026-05-21"}"#)
            #expect(future.status == .unprocessableContent)
            #expect(future.problemCode == "proof-of-life.in-future")
            let stranger = try ElderCareHarness.person(try ElderCareHarness.resident(born: "1940-01-01", sequence: 35))
            let unknown = try await caseworker.post("/elders/\(stranger.rawValue)/proof-of-life", json: "")
            #expect(unknown.status == .notFound)
            #expect(unknown.problemCode == "elder.not-found")
            let finance = try await context.client.acting(as: [.finance], region: ElderCareHarness.county)
            #expect(try await finance.post("/elders/\(person.rawValue)/proof-of-life", json: "").status == .forbidden)
            let elsewhere = try await context.client.acting(as: [.visitor], region: "620421")
            #expect(try await elsewhere.post("/elders/\(person.rawValue)/proof-of-life", json: "").status == .forbidden)
            let today = try await caseworker.post("/elders/\(person.rawValue)/proof-of-life", json: "")
            #expect(today.status == .created, "\(today.text)")
            #expect(try today.json()["madeOn"] as? String == "2026-05-20")
            let count = try await ElderCareHarness.scalar("SELECT count(*)::int FROM allowance_proofs_of_life", context.database)
            #expect(count == 1)
        }
    }
}
