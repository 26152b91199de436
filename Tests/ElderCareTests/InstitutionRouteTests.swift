import Contracts
import ElderCareDomain
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// Institutions (养老机构) on the real service: filing with a checked credit code, grades, beds and
/// the bed figures against the plans' targets; refusals write nothing.
@Suite("ElderCare institutions", .tags(.postgres, .kafka), .serialized)
struct InstitutionRouteTests {
    typealias F = PlacementFixtures

    @Test func anInstitutionIsFiledGradedAndReportsItsBeds() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let client = try await F.caseworker(context)
            let filed = try await client.post("/institutions", json: F.filingJSON(code: try F.publicBody()))
            #expect(filed.status == .created, "\(filed.text)")
            let body = try filed.json()
            #expect(body["operatorKind"] as? String == "public-body")
            #expect(body["admissionsOpen"] as? Bool == true)
            let id = try #require(body["institutionId"] as? String)
            let graded = try await client.post("/institutions/\(id)/grade", json: #"{"grade":2,"awardedOn":"2026-01-10"}"#)
            #expect(try graded.json()["grade"] as? Int == 2)
            let beds = try await client.put("/institutions/\(id)/beds", json: F.bedsJSON(nursing: (60, 31), general: (50, 20), dementia: (10, 4)))
            #expect(beds.status == .ok, "\(beds.text)")
            #expect(try await F.beds(id, "nursing", context) == [60, 31])
            #expect(try await F.beds(id, "dementia", context) == [10, 4])

            let listed = try await client.get("/institutions?region=620423")
            #expect(try (listed.json()["institutions"] as? [[String: Any]])?.count == 1)
            let elsewhere = try await F.caseworker(context, region: F.otherCounty).get("/institutions")
            #expect(try (elsewhere.json()["institutions"] as? [[String: Any]])?.count == 0)
            #expect(try await F.caseworker(context, region: F.otherCounty).get("/institutions/\(id)").status == .forbidden)

            let expected = [InstitutionFiled.eventType.rawValue: 1, InstitutionGraded.eventType.rawValue: 1, BedsChanged.eventType.rawValue: 1]
            #expect(try await ElderCareHarness.publishedCounts(expected, context) == expected)
            let message = try #require(try await context.published.events(ofType: BedsChanged.eventType.rawValue, count: 1).first)
            let changed = try message.cloudEvent().decode(BedsChanged.self)
            #expect(changed.beds == [CareBedCount(type: .nursing, beds: 60, occupied: 31), CareBedCount(type: .dementia, beds: 10, occupied: 4),
                                     CareBedCount(type: .general, beds: 50, occupied: 20)])
            #expect(changed.kind == "welfare-home")
        }
    }

    @Test func refusalsHaveStableCodesAndWriteNothing() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let client = try await F.caseworker(context)
            let good = try F.publicBody().rawValue
            let badCheck = String(good.dropLast()) + (good.last == "0" ? "1" : "0")
            let bad = F.filingJSON(code: try F.publicBody()).replacingOccurrences(of: good, with: badCheck)
            #expect(try await client.post("/institutions", json: bad).problemCode == "institution.operator-code-invalid")
            let privateHome = F.filingJSON(code: try F.socialOrganisation(), ownership: "private", kind: "extreme-poverty-support")
            #expect(try await client.post("/institutions", json: privateHome).problemCode == "institution.kind-needs-public-ownership")
            let elsewhere = F.filingJSON(code: try F.publicBody(), region: F.otherCounty)
            #expect(try await client.post("/institutions", json: elsewhere).problemCode == "auth.outside-region")
            #expect(try await F.count("institutions", context) == 0)

            let id = try await F.institution(context, code: try F.publicBody(), general: (10, 2))
            let early = try await client.post("/institutions/\(id)/grade", json: #"{"grade":2,"awardedOn":"2025-01-10"}"#)
            #expect(early.problemCode == "institution.graded-before-filing")
            #expect(try await client.post("/institutions/\(id)/grade", json: #"{"grade":0,"awardedOn":"2026-01-10"}"#).problemCode
                    == "institution.grade-invalid")
            #expect(try await client.post("/institutions/\(id)/grade", json: #"{"grade":3,"awardedOn":"2026-02-10"}"#).status == .ok)
            let older = try await client.post("/institutions/\(id)/grade", json: #"{"grade":4,"awardedOn":"2026-01-10"}"#)
            #expect(older.problemCode == "institution.grade-out-of-order")
            #expect(older.status == .conflict)
            let overfull = try await client.put("/institutions/\(id)/beds", json: F.bedsJSON(nursing: (5, 6), general: (10, 2)))
            #expect(overfull.problemCode == "institution.occupancy-exceeds-beds")
            #expect(try await client.get("/institutions/\(UUID())").problemCode == "institution.not-found")
            #expect(try await F.beds(id, "nursing", context) == [0, 0])
            #expect(try await ElderCareHarness.scalar("SELECT grade FROM institutions", context.database) == 3)
        }
    }

    @Test func theSummaryComparesTheBedSharesWithThePlansTargets() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            // A welfare home 60 nursing + 10 dementia of 120; a 敬老院 20 nursing of 50: county 90/170 (52.9%, short of 55% by 4 beds);
            // 敬老院 20/50 = 40%, short of 50% by 5.
            _ = try await F.institution(context, code: try F.publicBody(), nursing: (60, 30), general: (50, 10), dementia: (10, 5))
            _ = try await F.institution(context, name: "一条山镇敬老院", code: try F.publicBody("43900520"), kind: "extreme-poverty-support",
                                        nursing: (20, 5), general: (30, 10))
            let summary = try await F.caseworker(context).get("/institutions/summary?region=620423")
            #expect(summary.status == .ok, "\(summary.text)")
            let body = try summary.json()
            #expect(body["beds"] as? Int == 170)
            #expect(body["occupied"] as? Int == 60)
            let county = try #require(body["nursingShare"] as? [String: Any])
            #expect(county["count"] as? Int == 90)
            #expect(county["perMille"] as? Int == 529)
            #expect(county["met"] as? Bool == false)
            #expect(county["shortfall"] as? Int == 4)
            let support = try #require(body["supportFacilityNursingShare"] as? [String: Any])
            #expect(support["count"] as? Int == 20)
            #expect(support["total"] as? Int == 50)
            #expect(support["shortfall"] as? Int == 5)
            #expect(support["target"] as? String == "≥50%")
        }
    }
}
