import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport

/// Key categories on the real service: recorded by a caseworker with date and evidence, derived
/// from the disability grade and from Assistance's coverage (kept for people not yet registered),
/// each change published once; information collection and its rate.
@Suite("ElderCare categories", .tags(.postgres, .kafka), .serialized)
struct ElderCategoryTests {
    static let changed = "civil.eldercare.category-changed.v1"

    func categoryJSON(_ category: String, from: String = "2026-02-01") -> String {
        #"{"category":"\#(category)","effectiveFrom":"\#(from)","evidence":{"kind":"home-visit","reference":"入户核实 2026-017"}}"#
    }

    @Test func aCaseworkerRecordsAndEndsACategoryWithEvidence() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let person = try await ElderRegistrations.register(try ElderCareHarness.resident(born: "1950-06-01", sequence: 13), context,
                                                               registeredOn: "2026-01-15")
            let caseworker = try await context.client.acting(as: [.caseworker], region: ElderCareHarness.county, subject: "cw-7")
            let recorded = try await caseworker.post("/elders/\(person)/categories", json: categoryJSON("living-alone"))
            #expect(recorded.status == .created, "\(recorded.text)")
            #expect(try recorded.json()["recordedBy"] as? String == "cw-7")
            #expect(try await ElderRegistrations.categories(person, context) == ["living-alone"])

            let again = try await caseworker.post("/elders/\(person)/categories", json: categoryJSON("living-alone"))
            #expect(again.problemCode == "elder-category.already-recorded")
            #expect(try await caseworker.post("/elders/\(person)/categories", json: categoryJSON("advanced-age")).problemCode
                    == "elder-category.not-recordable")
            #expect(try await caseworker.post("/elders/\(person)/categories", json: categoryJSON("empty-nest", from: "2026-01-01")).problemCode
                    == "elder-category.before-registration")
            #expect(try await caseworker.post("/elders/\(person)/categories", json: categoryJSON("empty-nest", from: "2026-03-02")).problemCode
                    == "elder-category.in-future")
            let noEvidence = #"{"category":"empty-nest","effectiveFrom":"2026-02-01","evidence":{"kind":"declaration","reference":"  "}}"#
            #expect(try await caseworker.post("/elders/\(person)/categories", json: noEvidence).problemCode == "elder-category.evidence-missing")
            let visitor = try await context.client.acting(as: [.visitor], region: ElderCareHarness.county)
            #expect(try await visitor.post("/elders/\(person)/categories", json: categoryJSON("empty-nest")).problemCode == "auth.role-not-allowed")

            let early = try await caseworker.post("/elders/\(person)/categories/living-alone/end", json: #"{"endedOn":"2026-01-31","reason":"x"}"#)
            #expect(early.problemCode == "elder-category.ends-before-start")
            let ended = try await caseworker.post("/elders/\(person)/categories/living-alone/end",
                                                  json: #"{"endedOn":"2026-02-28","reason":"女儿搬回同住"}"#)
            #expect(ended.status == .ok, "\(ended.text)")
            #expect(try ended.json()["endedOn"] as? String == "2026-02-28")
            #expect(try await ElderRegistrations.categories(person, context) == [])
            #expect(try await caseworker.post("/elders/\(person)/categories/living-alone/end", json: #"{"endedOn":"2026-02-28","reason":"x"}"#)
                .problemCode == "elder-category.not-recorded")
            // Recorded again later: a new record beside the ended one.
            #expect(try await caseworker.post("/elders/\(person)/categories", json: categoryJSON("living-alone", from: "2026-03-01")).status == .created)
            #expect(try await ElderCareHarness.scalar("SELECT count(*)::int FROM elder_recorded_categories", context.database) == 2)

            let messages = try await context.published.events(ofType: Self.changed, count: 3, settle: .seconds(1))
            let payloads = messages.compactMap { $0.value.map { String(decoding: $0, as: UTF8.self) } }
            #expect(payloads.count == 3)
            #expect(payloads.allSatisfy { $0.contains(#""origin":"recorded""#) && !$0.contains("入户核实") })
            #expect(payloads.filter { $0.contains(#""change":"removed""#) }.count == 1)
        }
    }

    @Test func aSevereDisabilityGradeDerivesSeverelyDisabled() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let person = try await ElderRegistrations.register(try ElderCareHarness.resident(born: "1950-06-01", sequence: 25), context)
            let graded = try await context.client.put("/elders/\(person)/disability-grade", json: #"{"grade":2}"#)
            #expect(graded.status == .ok, "\(graded.text)")
            #expect(try graded.json()["disabilityGrade"] as? Int == 2)
            #expect(try await ElderRegistrations.categories(person, context) == ["severely-disabled"])
            #expect(try await context.client.put("/elders/\(person)/disability-grade", json: #"{"grade":3}"#).status == .ok)
            #expect(try await ElderRegistrations.categories(person, context) == [])
            #expect(try await context.client.put("/elders/\(person)/disability-grade", json: #"{"grade":5}"#).status == .badRequest)
        }
    }

    @Test func assistanceCoverageDerivesExtremePovertyOnceEvenForPeopleRegisteredLater() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let registeredID = try ElderCareHarness.resident(born: "1950-06-01", sequence: 37)
            let laterID = try ElderCareHarness.resident(born: "1952-06-01", sequence: 49)
            let registered = try await ElderRegistrations.register(registeredID, context)
            let later = try ElderCareHarness.person(laterID)
            let caseID = UUID()
            let grant = BenefitGranted(caseID: caseID, program: .extremePoverty, recipients: [try ElderCareHarness.person(registeredID), later],
                                       region: try RegionCode(ElderCareHarness.county), startsOn: try CivilDate(iso: "2026-02-01"),
                                       monthlyAmount: Money(yuan: 600), causationEventID: nil)
            let grantID = UUID()
            try await ElderCareHarness.publish(grant, id: grantID, from: .assistance, on: context.kafka)
            try await ElderCareHarness.publish(grant, id: grantID, from: .assistance, on: context.kafka)
            // 临时救助 is no category.
            let temporary = BenefitGranted(caseID: UUID(), program: .temporaryAssistance, recipients: [try ElderCareHarness.person(registeredID)],
                                           region: try RegionCode(ElderCareHarness.county), startsOn: try CivilDate(iso: "2026-02-01"),
                                           monthlyAmount: Money(yuan: 2_000), causationEventID: nil)
            let temporaryID = UUID()
            try await ElderCareHarness.publish(temporary, id: temporaryID, from: .assistance, on: context.kafka)
            #expect(try await ElderCareHarness.handled(grantID, context) == 1)
            #expect(try await ElderCareHarness.handled(temporaryID, context) == 1)
            #expect(try await ElderRegistrations.categories(registered, context) == ["extreme-poverty", "economic-hardship"])
            #expect(try await ElderCareHarness.scalar("SELECT count(*)::int FROM elder_assistance_coverage", context.database) == 2)

            // Registered after the grant: derived at once.
            _ = try await ElderRegistrations.register(laterID, context)
            #expect(try await ElderRegistrations.categories(later.rawValue, context) == ["extreme-poverty", "economic-hardship"])
            let counts = try await ElderCareHarness.publishedCounts([Self.changed: 4], context)
            #expect(counts == [Self.changed: 4])

            // Terminated before today: both leave the categories.
            let termination = BenefitTerminated(caseID: caseID, program: .extremePoverty, recipients: grant.recipients,
                                                region: grant.region, lastCoveredDay: try CivilDate(iso: "2026-02-28"), reason: .review,
                                                causationEventID: nil)
            let terminationID = UUID()
            try await ElderCareHarness.publish(termination, id: terminationID, from: .assistance, on: context.kafka)
            try await ElderCareHarness.publish(termination, id: terminationID, from: .assistance, on: context.kafka)
            #expect(try await ElderCareHarness.handled(terminationID, context) == 1)
            #expect(try await ElderRegistrations.categories(registered, context) == [])
            #expect(try await ElderRegistrations.categories(later.rawValue, context) == [])
            let after = try await ElderCareHarness.publishedCounts([Self.changed: 8], context)
            #expect(after == [Self.changed: 8])
        }
    }

    @Test func informationCollectionIsTrackedPerCategory() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let person = try await ElderRegistrations.register(try ElderCareHarness.resident(born: "1950-06-01", sequence: 51), context)
            _ = try await ElderRegistrations.register(try ElderCareHarness.resident(born: "1944-06-01", sequence: 63), context)
            #expect(try await context.client.post("/elders/\(person)/categories", json: categoryJSON("living-alone", from: "2026-03-01")).status
                    == .created)
            let visitor = try await context.client.acting(as: [.visitor], region: ElderCareHarness.county)
            let partial = try await visitor.post("/elders/\(person)/information", json: #"{"items":["living-arrangement"]}"#)
            #expect(partial.status == .ok, "\(partial.text)")
            #expect(try partial.json()["missing"] as? [String] == ["health-condition", "supporter-contact"])
            #expect(try await visitor.post("/elders/\(person)/information", json: #"{"items":["wealth"]}"#).problemCode == "request.invalid-item")

            func rates() async throws -> [String: [Int]] {
                let body = try await context.client.get("/information-collection?region=\(ElderCareHarness.county)").json()
                let rows = ((body["categories"] as? [[String: Any]]) ?? []) + [(body["seedEight"] as? [String: Any]) ?? [:]]
                var result: [String: [Int]] = [:]
                for rate in rows {
                    if let category = rate["category"] as? String { result[category] = [rate["members"] as? Int ?? -1, rate["complete"] as? Int ?? -1] }
                }
                return result
            }
            let before = try await rates()
            #expect(before["living-alone"] == [1, 0])
            #expect(before["advanced-age"] == [1, 0])
            #expect(before["seed-eight"] == [2, 0])
            let complete = try await visitor.post("/elders/\(person)/information", json: #"{"items":["health-condition","supporter-contact"]}"#)
            #expect(try complete.json()["missing"] as? [String] == [])
            let after = try await rates()
            #expect(after["living-alone"] == [1, 1])
            #expect(after["seed-eight"] == [2, 1])
        }
    }
}
