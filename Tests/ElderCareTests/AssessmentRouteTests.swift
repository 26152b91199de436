import Contracts
import ElderCareDomain
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// Capability assessment (能力评估, GB/T 42195-2022) on the real service: recorded by an assessor,
/// read by caseworkers, published with the level only; refusals write nothing.
@Suite("ElderCare capability assessment", .tags(.postgres, .kafka), .serialized)
struct AssessmentRouteTests {
    typealias F = PlacementFixtures

    @Test func anAssessmentIsScoredStoredAndPublishedWithItsLevelOnly() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let elder = try ElderCareHarness.resident(born: "1940-02-02", sequence: 11)
            let recorded = try await F.assessor(context).post("/assessments", json: F.assessmentJSON(elder, scores: F.severe))
            #expect(recorded.status == .created, "\(recorded.text)")
            let body = try recorded.json()
            #expect(body["total"] as? Int == 43)
            #expect(body["level"] as? String == "severe")
            #expect(body["assessor"] as? String == "assessor-620423")
            #expect(body["personRef"] as? String == (try ElderCareHarness.person(elder)).rawValue)

            let listed = try await F.caseworker(context).get("/assessments?personRef=\(try ElderCareHarness.person(elder).rawValue)")
            #expect(listed.status == .ok, "\(listed.text)")
            let assessments = try #require(try listed.json()["assessments"] as? [[String: Any]])
            #expect(assessments.count == 1)
            #expect((assessments.first?["items"] as? [String: Int])?["B.3.9"] == 2)
            // Outside the county the assessment is not listed.
            let elsewhere = try await F.caseworker(context, region: F.otherCounty)
                .get("/assessments?personRef=\(try ElderCareHarness.person(elder).rawValue)")
            #expect(try (elsewhere.json()["assessments"] as? [[String: Any]])?.count == 0)

            let counts = try await ElderCareHarness.publishedCounts([CapabilityAssessed.eventType.rawValue: 1], context)
            #expect(counts[CapabilityAssessed.eventType.rawValue] == 1)
            let message = try #require(try await context.published.events(ofType: CapabilityAssessed.eventType.rawValue, count: 1).first)
            let event = try message.cloudEvent().decode(CapabilityAssessed.self)
            #expect(event.level == .severe)
            #expect(event.region.rawValue == "620423")
        }
    }

    @Test func refusalsHaveStableCodesAndWriteNothing() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let elder = try ElderCareHarness.resident(born: "1940-02-02", sequence: 11)
            let assessor = try await F.assessor(context)
            let missing = #"{"residentId":"\#(elder.rawValue)","region":"620423","assessedOn":"2026-03-01","items":{"B.1.1":4}}"#
            #expect(try await assessor.post("/assessments", json: missing).problemCode == "capability.item-missing")
            let negative = F.assessmentJSON(elder, scores: [.eating: -1])
            #expect(try await assessor.post("/assessments", json: negative).problemCode == "capability.score-out-of-range")
            let future = F.assessmentJSON(elder, on: "2026-03-03")
            #expect(try await assessor.post("/assessments", json: future).problemCode == "capability.assessed-in-future")
            let coma = #"{"residentId":"\#(elder.rawValue)","region":"620423","assessedOn":"2026-03-01","comatose":true,"items":\#(F.items())}"#
            #expect(try await assessor.post("/assessments", json: coma).problemCode == "capability.coma-inconsistent")
            let caseworker = try await F.caseworker(context)
            #expect(try await caseworker.post("/assessments", json: F.assessmentJSON(elder)).status == .forbidden)
            let neighbour = try await F.assessor(context, region: F.otherCounty)
            #expect(try await neighbour.post("/assessments", json: F.assessmentJSON(elder)).problemCode == "auth.outside-region")
            #expect(try await F.count("assessments", context) == 0)
            #expect(try await F.count("outbox", context) == 0)
        }
    }
}
