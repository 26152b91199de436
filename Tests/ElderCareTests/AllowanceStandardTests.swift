import Contracts
import Foundation
import HTTPTypes
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// `PUT|POST /allowance-standards`, `GET /allowance-standards`: a county's tiers from a month.
@Suite("Advanced-age allowance standards", .tags(.postgres, .kafka))
struct AllowanceStandardTests {
    @Test func aPolicyOfficerSetsTheCountysTiersAndEveryoneReadsThem() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let policy = try await context.client.acting(as: [.policy], region: ElderCareHarness.county)
            let set = try await policy.put("/allowance-standards/620423", json: #"{"effectiveFrom":"2026-04","tiers":\#(AllowanceFixture.tiers)}"#)
            #expect(set.status == .ok, "\(set.text)")
            let stored = try set.json()
            #expect(stored["effectiveFrom"] as? String == "2026-04")
            #expect(stored["setBy"] as? String == "test-officer")
            // A raise from July, in the POST form.
            let raise = try await policy.post("/allowance-standards", json: """
                {"region":"620423","effectiveFrom":"2026-07","tiers":[{"minimumAge":80,"monthlyAmountFen":12000},{"minimumAge":90,"monthlyAmountFen":24000}]}
                """)
            #expect(raise.status == .ok, "\(raise.text)")
            // Set again for July: replaced, not added.
            let again = try await policy.put("/allowance-standards/620423", json: #"{"effectiveFrom":"2026-07","tiers":[{"minimumAge":80,"monthlyAmountFen":13000}]}"#)
            #expect(again.status == .ok, "\(again.text)")

            let visitor = try await context.client.acting(as: [.visitor], region: ElderCareHarness.township)
            let listed = try await visitor.get("/allowance-standards?region=620423100")
            #expect(listed.status == .ok, "\(listed.text)")
            let standards = try #require(try listed.json()["standards"] as? [[String: Any]])
            #expect(standards.map { $0["effectiveFrom"] as? String } == ["2026-04", "2026-07"])
            let july = try #require(standards.last?["tiers"] as? [[String: Any]])
            #expect(july.map { $0["monthlyAmountFen"] as? Int } == [13_000])

            let events = try await ElderCareHarness.publishedCounts(["civil.eldercare.allowance-standard-set.v1": 3], context)
            #expect(events["civil.eldercare.allowance-standard-set.v1"] == 3)
        }
    }

    @Test func refusesWhatIsNotACountysValidStandard() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let township = try await context.client.put("/allowance-standards/620423100", json: #"{"effectiveFrom":"2026-04","tiers":\#(AllowanceFixture.tiers)}"#)
            #expect(township.status == .badRequest)
            #expect(township.problemCode == "allowance.region-not-county")
            let from70 = try await AllowanceFixture.standard(context, from: "2026-04", tiers: #"[{"minimumAge":70,"monthlyAmountFen":5000}]"#)
            #expect(from70.status == .badRequest)
            #expect(from70.problemCode == "allowance.tier-not-at-entitlement-age")
            let duplicate = try await AllowanceFixture.standard(context, from: "2026-04",
                                                                tiers: #"[{"minimumAge":80,"monthlyAmountFen":5000},{"minimumAge":80,"monthlyAmountFen":6000}]"#)
            #expect(duplicate.problemCode == "allowance.tier-age-duplicate")
            let zero = try await AllowanceFixture.standard(context, from: "2026-04", tiers: #"[{"minimumAge":80,"monthlyAmountFen":0}]"#)
            #expect(zero.problemCode == "allowance.tier-amount-invalid")
            let caseworker = try await context.client.acting(as: [.caseworker], region: ElderCareHarness.county)
            let refused = try await caseworker.put("/allowance-standards/620423", json: #"{"effectiveFrom":"2026-04","tiers":\#(AllowanceFixture.tiers)}"#)
            #expect(refused.status == .forbidden)
            let otherCounty = try await context.client.acting(as: [.policy], region: "620421")
            #expect(try await otherCounty.put("/allowance-standards/620423", json: #"{"effectiveFrom":"2026-04","tiers":\#(AllowanceFixture.tiers)}"#).status
                    == .forbidden)
            let count = try await ElderCareHarness.scalar("SELECT count(*)::int FROM allowance_standards", context.database)
            #expect(count == 0)
        }
    }

    @Test func aMonthAlreadyRosteredCannotChange() async throws {
        try await ElderCareHarness.with(today: "2026-05-20") { context in
            #expect(try await AllowanceFixture.standard(context, from: "2026-01").status == .ok)
            let roster = try await AllowanceFixture.roster("2026-05", context)
            #expect(roster["rosterId"] != nil, "\(roster)")
            let back = try await AllowanceFixture.standard(context, from: "2026-05")
            #expect(back.status == .conflict)
            #expect(back.problemCode == "allowance.standard-month-rostered")
            #expect(try await AllowanceFixture.standard(context, from: "2026-06").status == .ok)
        }
    }
}
