import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport

/// Visits (探访关爱) on the real service: a visit with risk flags opens one follow-up per flag,
/// closed with what was done; the sweep publishes an overdue visit once per person and due day,
/// daily under a region's emergency mode (seed 000).
@Suite("ElderCare visits", .tags(.postgres, .kafka, .slow), .serialized)
struct VisitTests {
    static let completed = "civil.eldercare.visit-completed.v1"
    static let overdue = "civil.eldercare.visit-overdue.v1"

    func visitJSON(_ day: String, flags: [String] = []) -> String {
        let list = flags.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"visitedOn":"\#(day)","mode":"in-person","findings":"独自在家，炉子旁堆放柴草，血压偏高","riskFlags":[\#(list)]}"#
    }

    @Test func aVisitsRiskFlagsOpenFollowUpsClosedWithWhatWasDone() async throws {
        try await ElderCareHarness.with(today: "2026-03-10") { context in
            let person = try await ElderRegistrations.register(try ElderCareHarness.resident(born: "1944-05-05", sequence: 17), context,
                                                               registeredOn: "2026-03-01")
            let visitor = try await context.client.acting(as: [.visitor], region: ElderCareHarness.township, subject: "visitor-3")
            let response = try await visitor.post("/elders/\(person)/visits", json: visitJSON("2026-03-09", flags: ["safety", "health"]))
            #expect(response.status == .created, "\(response.text)")
            let body = try response.json()
            #expect(body["visitorId"] as? String == "visitor-3")
            let followUps = (body["followUps"] as? [[String: Any]]) ?? []
            #expect(followUps.compactMap { $0["flag"] as? String } == ["health", "safety"])
            let first = try #require(followUps.first?["followUpId"] as? String)

            #expect(try await visitor.post("/elders/\(person)/visits", json: visitJSON("2026-03-11")).problemCode == "visit.in-future")
            #expect(try await visitor.post("/elders/\(person)/visits", json: visitJSON("2026-02-28")).problemCode == "visit.before-registration")
            let caseworker = try await context.client.acting(as: [.caseworker], region: ElderCareHarness.county)
            #expect(try await caseworker.post("/elders/\(person)/visits", json: visitJSON("2026-03-09")).problemCode == "auth.role-not-allowed")

            let closed = try await visitor.post("/follow-ups/\(first)/closure", json: #"{"action":"联系村医上门测量血压并开药"}"#)
            #expect(closed.status == .ok, "\(closed.text)")
            #expect(try closed.json()["status"] as? String == "closed")
            #expect(try closed.json()["closedOn"] as? String == "2026-03-10")
            #expect(try await visitor.post("/follow-ups/\(first)/closure", json: #"{"action":"x"}"#).problemCode == "follow-up.already-closed")
            #expect(try await visitor.post("/follow-ups/\(first)/closure", json: #"{"action":"   "}"#).status == .conflict)
            #expect(try await visitor.post("/follow-ups/\(UUID())/closure", json: #"{"action":"x"}"#).problemCode == "follow-up.not-found")

            let list = try await visitor.get("/elders/\(person)/visits").json()
            #expect(list["nextDue"] as? String == "2026-04-09")
            let visits = (list["visits"] as? [[String: Any]]) ?? []
            #expect(visits.count == 1)
            let statuses = ((visits.first?["followUps"] as? [[String: Any]]) ?? []).compactMap { $0["status"] as? String }
            #expect(statuses.sorted() == ["closed", "open"])

            let messages = try await context.published.events(ofType: Self.completed, count: 1, settle: .seconds(1))
            let payload = try #require(messages.first?.value.map { String(decoding: $0, as: UTF8.self) })
            #expect(messages.count == 1)
            #expect(payload.contains(#""riskFlags":["health","safety"]"#))
            #expect(!payload.contains("柴草"))
            #expect(!payload.contains("visitor-3"))
        }
    }

    @Test func theSweepPublishesAnOverdueVisitOncePerDueDayAndDailyInAnEmergency() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let person = try await ElderRegistrations.register(try ElderCareHarness.resident(born: "1944-05-05", sequence: 29), context)
            // Not a key elder: never due.
            _ = try await ElderRegistrations.register(try ElderCareHarness.resident(born: "1960-01-05", sequence: 31), context)
            // Due 2026-04-01 (monthly for 高龄): overdue from 2026-04-02, published once however often the sweep runs.
            context.clock.set(try CivilDate(iso: "2026-04-02"))
            let first = try await ElderCareHarness.publishedCounts([Self.overdue: 1], context, settle: .seconds(1))
            #expect(first == [Self.overdue: 1])
            #expect(try await ElderCareHarness.scalar("SELECT due_on::text FROM visit_overdue_notices", as: String.self, context.database)
                    == "2026-04-01")

            let visitor = try await context.client.acting(as: [.visitor], region: ElderCareHarness.county)
            #expect(try await visitor.post("/elders/\(person)/visits", json: visitJSON("2026-04-02")).status == .created)
            let policyOfficer = try await context.client.acting(as: [.policy], region: ElderCareHarness.county)
            let emergency = try await policyOfficer.put("/visit-emergency-modes/\(ElderCareHarness.county)",
                                                        json: #"{"startsOn":"2026-04-02","reason":"疫情防控期间每天至少探访一次"}"#)
            #expect(emergency.status == .ok, "\(emergency.text)")
            #expect(try await visitor.get("/elders/\(person)/visits").json()["nextDue"] as? String == "2026-04-03")
            #expect(try await context.client.acting(as: [.caseworker], region: ElderCareHarness.county)
                .put("/visit-emergency-modes/\(ElderCareHarness.county)", json: #"{"startsOn":"2026-04-02","reason":"x"}"#).problemCode
                    == "auth.role-not-allowed")
            context.clock.set(try CivilDate(iso: "2026-04-04"))
            let messages = try await context.published.events(ofType: Self.overdue, count: 2, settle: .seconds(1))
            #expect(messages.count == 2)
            let last = try #require(messages.last?.value.map { String(decoding: $0, as: UTF8.self) })
            #expect(last.contains(#""cadence":"daily""#))
            #expect(last.contains(#""dueOn":"2026-04-03""#))
        }
    }

    @Test func theSweepMakesSomeoneAdvancedAgeOnTheirBirthday() async throws {
        try await ElderCareHarness.with(today: "2026-03-01") { context in
            let person = try await ElderRegistrations.register(try ElderCareHarness.resident(born: "1946-03-03", sequence: 43), context)
            #expect(try await ElderRegistrations.categories(person, context) == [])
            context.clock.set(try CivilDate(iso: "2026-03-03"))
            let categories = try await eventually { try await ElderRegistrations.categories(person, context) } until: { !$0.isEmpty }
            #expect(categories == ["advanced-age"])
        }
    }
}
