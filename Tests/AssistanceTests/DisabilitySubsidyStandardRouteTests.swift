import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// `PUT/GET /disability-subsidy-standards/{county}` on the real service: amounts per county,
/// subsidy and effective month, the +10% growth warning (济民发〔2022〕3号 第28项), the policy
/// officer's region.
@Suite("Disability subsidy amounts over HTTP", .tags(.postgres, .kafka, .slow), .serialized)
struct DisabilitySubsidyStandardRouteTests {
    static func set(_ context: AssistanceHarness.Context, kind: String, from month: String, fen: Int64,
                    county: String = "620423") async throws -> TestResponse {
        try await context.client.put("/disability-subsidy-standards/\(county)", json: #"""
            {"kind":"\#(kind)","effectiveFrom":"\#(month)","monthlyAmountFen":\#(fen)}
            """#)
    }

    @Test func anAmountIsSetListedAndARaiseBelowTenPercentIsOnlyWarned() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let first = try await Self.set(context, kind: "nursing", from: "2026-01", fen: 10_000)
            #expect(first.status == .ok, "\(first.text)")
            let firstBody = try first.json()
            #expect(firstBody["changed"] as? Bool == true)
            #expect(firstBody["warnings"] as? [String] == [])

            // +5% from July: set, with the shortfall to +10%.
            let july = try await Self.set(context, kind: "nursing", from: "2026-07", fen: 10_500)
            #expect(july.status == .ok, "\(july.text)")
            let body = try july.json()
            #expect(body["warnings"] as? [String] == ["disability-standard.growth-below-floor"])
            let shortfall = try #require(body["growthShortfall"] as? [String: Any])
            #expect(shortfall["previousFen"] as? Int == 10_000)
            #expect(shortfall["requiredFen"] as? Int == 11_000)
            #expect(shortfall["shortfallFen"] as? Int == 500)

            // The same amount again changes nothing.
            let again = try await Self.set(context, kind: "nursing", from: "2026-07", fen: 10_500)
            #expect(try again.json()["changed"] as? Bool == false)
            _ = try await Self.set(context, kind: "living", from: "2026-01", fen: 8_000)

            let listed = try await context.client.acting(as: [.auditor]).get("/disability-subsidy-standards/620423")
            #expect(listed.status == .ok, "\(listed.text)")
            let rows = (try listed.json()["standards"] as? [[String: Any]]) ?? []
            #expect(rows.map { "\($0["kind"] as? String ?? "?") \($0["effectiveFrom"] as? String ?? "?") \($0["monthlyAmountFen"] as? Int ?? -1)" }
                    == ["living 2026-01 8000", "nursing 2026-01 10000", "nursing 2026-07 10500"])
        }
    }

    @Test func aTownshipCodeABadKindAndAnotherCountysOfficerAreRefused() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let township = try await Self.set(context, kind: "living", from: "2026-01", fen: 8_000, county: "620423100")
            #expect(township.status == .badRequest)
            #expect(township.problemCode == "disability-standard.region-not-county")
            let kind = try await context.client.put("/disability-subsidy-standards/620423",
                                                    json: #"{"kind":"care","effectiveFrom":"2026-01","monthlyAmountFen":8000}"#)
            #expect(kind.status == .badRequest)
            let other = try await context.client.acting(as: [.policy], region: "620421")
                .put("/disability-subsidy-standards/620423", json: #"{"kind":"living","effectiveFrom":"2026-01","monthlyAmountFen":8000}"#)
            #expect(other.status == .forbidden)
            let own = try await context.client.acting(as: [.policy], region: "620423")
                .put("/disability-subsidy-standards/620423", json: #"{"kind":"living","effectiveFrom":"2026-01","monthlyAmountFen":8000}"#)
            #expect(own.status == .ok, "\(own.text)")
        }
    }
}
