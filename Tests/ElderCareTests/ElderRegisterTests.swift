import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport

/// The elder register (老年人信息台账) on the real service: registration from 60, the personal data
/// kept and read only by the roles that need it, the listing by region and category, and the
/// registration event without personal data.
@Suite("ElderCare register", .tags(.postgres, .kafka), .serialized)
struct ElderRegisterTests {
    @Test func registersAnOlderPersonAndPublishesNoPersonalData() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let id = try ElderCareHarness.resident(born: "1955-04-10", sequence: 21)
            let caseworker = try await context.client.acting(as: [.caseworker], region: ElderCareHarness.county)
            let response = try await caseworker.post("/elders", json: ElderRegistrations.json(id))
            #expect(response.status == .created, "\(response.text)")
            let body = try response.json()
            let person = try ElderCareHarness.person(id).rawValue
            #expect(body["personRef"] as? String == person)
            #expect(body["name"] as? String == "王秀英")
            #expect(body["birthDate"] as? String == "1955-04-10")
            #expect(body["age"] as? Int == 70)
            #expect(body["region"] as? String == ElderCareHarness.township)
            #expect(body["registeredOn"] as? String == "2026-03-01")
            #expect(body["status"] as? String == "active")
            #expect(body["residentId"] == nil)
            #expect((body["categories"] as? [Any])?.count == 0)

            // A visitor of the county reads it (audited); one of another county is refused.
            let visitor = try await context.client.acting(as: [.visitor], region: ElderCareHarness.county)
            let read = try await visitor.get("/elders/\(person)")
            #expect(read.status == .ok, "\(read.text)")
            #expect(((try read.json()["contacts"] as? [[String: Any]])?.first?["phone"] as? String) == "13809431234")
            let elsewhere = try await context.client.acting(as: [.visitor], region: "620421")
            #expect(try await elsewhere.get("/elders/\(person)").problemCode == "auth.outside-region")
            let audited = try await eventually {
                try await ElderCareHarness.scalar(
                    "SELECT count(*)::int FROM audit_log WHERE method = 'GET' AND route LIKE '/elders/%' AND '\(person)' = ANY(person_refs)",
                    context.database)
            } until: { $0 == 1 }
            #expect(audited == 1)

            let messages = try await context.published.events(ofType: "civil.eldercare.elder-registered.v1", count: 1)
            let payload = try #require(messages.first?.value.map { String(decoding: $0, as: UTF8.self) })
            #expect(payload.contains(#""ageBand":"70-79""#))
            #expect(payload.contains(person))
            #expect(!payload.contains("王秀英"))
            #expect(!payload.contains(id.rawValue))
            #expect(!payload.contains("1955"))
        }
    }

    @Test func anEightyYearOldIsAdvancedAgeFromTheStart() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let id = try ElderCareHarness.resident(born: "1945-01-20", sequence: 33)
            let person = try await ElderRegistrations.register(id, context)
            #expect(try await ElderRegistrations.categories(person, context) == ["advanced-age"])
            let counts = try await ElderCareHarness.publishedCounts(
                ["civil.eldercare.elder-registered.v1": 1, "civil.eldercare.category-changed.v1": 1], context)
            #expect(counts == ["civil.eldercare.elder-registered.v1": 1, "civil.eldercare.category-changed.v1": 1])
        }
    }

    @Test func refusesUnderSixtyTwiceAndWrongRegionsWritingNothing() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let young = try ElderCareHarness.resident(born: "1966-03-02", sequence: 45)
            let tooYoung = try await context.client.post("/elders", json: ElderRegistrations.json(young))
            #expect(tooYoung.status == .unprocessableContent, "\(tooYoung.text)")
            #expect(tooYoung.problemCode == "elder.under-60")
            // The sixtieth birthday is the first day.
            let sixty = try ElderCareHarness.resident(born: "1966-03-01", sequence: 57)
            #expect(try await context.client.post("/elders", json: ElderRegistrations.json(sixty)).status == .created)
            let again = try await context.client.post("/elders", json: ElderRegistrations.json(sixty, name: "另一个名字"))
            #expect(again.status == .conflict)
            #expect(again.problemCode == "elder.already-registered")
            let city = try await context.client.post("/elders", json: ElderRegistrations.json(young, region: "620400"))
            #expect(city.problemCode == "elder.region-level")
            let future = try await context.client.post("/elders", json: ElderRegistrations.json(sixty, registeredOn: "2026-03-02"))
            #expect(future.problemCode == "elder.registered-in-future")
            let neighbour = try await context.client.acting(as: [.caseworker], region: "620421")
            let outside = try await neighbour.post("/elders", json: ElderRegistrations.json(young))
            #expect(outside.problemCode == "auth.outside-region")
            let visitor = try await context.client.acting(as: [.visitor], region: ElderCareHarness.county)
            #expect(try await visitor.post("/elders", json: ElderRegistrations.json(young)).problemCode == "auth.role-not-allowed")
            #expect(try await ElderCareHarness.scalar("SELECT count(*)::int FROM elders", context.database) == 1)
            #expect(try await context.client.get("/elders/pr_\(String(repeating: "0", count: 64))").problemCode == "elder.not-found")
        }
    }

    @Test func listsARegionByCategory() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let old = try await ElderRegistrations.register(try ElderCareHarness.resident(born: "1940-05-05", sequence: 61), context)
            let younger = try await ElderRegistrations.register(try ElderCareHarness.resident(born: "1960-05-05", sequence: 73), context,
                                                                region: ElderCareHarness.county)
            _ = try await ElderRegistrations.register(try ElderCareHarness.resident(born: "1950-05-05", sequence: 85), context,
                                                      region: "620421100")
            let caseworker = try await context.client.acting(as: [.caseworker], region: ElderCareHarness.county)
            func refs(_ response: TestResponse) throws -> Set<String> {
                Set(((try response.json()["elders"] as? [[String: Any]]) ?? []).compactMap { $0["personRef"] as? String })
            }
            #expect(try refs(try await caseworker.get("/elders")) == [old, younger])
            #expect(try refs(try await caseworker.get("/elders?region=\(ElderCareHarness.township)")) == [old])
            #expect(try refs(try await caseworker.get("/elders?category=advanced-age")) == [old])
            #expect(try await caseworker.get("/elders?region=620421").problemCode == "auth.outside-region")
            #expect(try await caseworker.get("/elders?category=rich").problemCode == "request.invalid-category")
        }
    }
}
