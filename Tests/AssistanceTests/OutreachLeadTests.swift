import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import PostgresNIO
import ServiceKit
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// Outreach (主动发现) on the real service: a risk signal about a person in no household Assistance
/// pays or watches raises one lead about the person, where they can be found; its follow-up and
/// closure are published. Seed 003 line 13 (刚性支出较大或收入大幅缩减…的动态监测), seed 001 lines 67, 131
/// (主动发现、早发现、早救助).
@Suite("Assistance outreach leads", .tags(.postgres, .kafka, .slow), .serialized)
struct OutreachLeadTests {
    let stranger: ResidentID
    let wanderer: ResidentID
    let earner: ResidentID

    init() throws {
        stranger = try AssistanceHarness.resident(born: "1966-02-02", sequence: 151)
        wanderer = try AssistanceHarness.resident(born: "1958-11-11", sequence: 163)
        earner = try AssistanceHarness.resident(born: "1987-05-05", sequence: 175)
    }

    static let jingtai = "620423"
    static let jingyuan = "620421"
    static let jingyuanTownship = "620421100"

    func officer(_ context: AssistanceHarness.Context, _ region: String) async throws -> AuthorizingTestClient {
        try await context.client.acting(as: [.intake], region: region, subject: "intake-\(region)")
    }

    func signalJSON(_ id: UUID, resident: ResidentID, kind: String = "income-loss", region: String? = nil) -> String {
        let regionField = region.map { #","region":"\#($0)""# } ?? ""
        return #"""
            {"signalId":"\#(id.uuidString)","residentId":"\#(resident.rawValue)","kind":"\#(kind)","agency":"employment-services",
             "reportedOn":"2026-03-08","amountFen":240000,"detail":"企业停产"\#(regionField)}
            """#
    }

    func leads(_ response: TestResponse) throws -> [[String: Any]] {
        (try response.json()["leads"] as? [[String: Any]]) ?? []
    }

    func count(_ sql: String, _ database: TestDatabase) async throws -> Int? {
        try await AssistanceHarness.scalar("SELECT count(*)::int FROM \(sql)", database)
    }

    func person(_ resident: ResidentID) throws -> String { try AssistanceHarness.person(resident).rawValue }

    @Test func aSignalAboutSomeoneAssistanceDoesNotServeRaisesOneOutreachLead() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let caseworker = Caseworker(context: context)
            try await caseworker.publishJingtai2020()
            // Known, but far above the line (1,000 against 577 × 1.5 = 865.50): neither paid nor near-低保.
            let application = try await caseworker.apply(caseworker.applicationJSON(key: "earner", members: [.init(id: earner, wagesFen: 100_000)]))
            let verified = try await context.client.post("/applications/\(application)/verification", json: "")
            #expect(try (verified.json()["verification"] as? [String: Any])?["nearLowIncome"] as? Bool == false)
            let jingtai = try await officer(context, Self.jingtai)
            let jingyuan = try await officer(context, Self.jingyuan)

            // Unknown, no region given: the Jingtai officer who took the report follows it up.
            let unknownID = UUID()
            let unknown = try await jingtai.post("/risk-signals", json: signalJSON(unknownID, resident: stranger))
            #expect(unknown.status == .created, "\(unknown.text)")
            let unknownLeads = try leads(unknown)
            #expect(unknownLeads.count == 1)
            let outreach = try #require(unknownLeads.first)
            #expect(outreach["kind"] as? String == "outreach")
            #expect(outreach["householdId"] == nil)
            #expect(outreach["householdStatus"] == nil)
            #expect(outreach["region"] as? String == Self.jingtai)
            #expect(try outreach["personRef"] as? String == person(stranger))
            #expect(outreach["status"] as? String == "open")
            #expect(outreach["explanation"] as? String
                    == "employment-services reported income-loss of 2400.00 yuan on 2026-03-08 for a person not known to Assistance; "
                    + "their basic living may be at risk: reach out, assess and help them apply if eligible (主动发现). Detail: 企业停产")
            let outreachID = try #require(outreach["leadId"] as? String)

            // The agency places the person in a Jingyuan township: the lead is raised there, not shown to Jingtai.
            let placed = try await jingtai.post("/risk-signals", json: signalJSON(UUID(), resident: wanderer, region: Self.jingyuanTownship))
            #expect(placed.status == .created, "\(placed.text)")
            #expect(try leads(placed).isEmpty)
            // Known in a household that is neither paid nor near-低保: that household's county.
            let known = try await jingyuan.post("/risk-signals", json: signalJSON(UUID(), resident: earner, kind: "medical-expense"))
            #expect(known.status == .created, "\(known.text)")
            #expect(try leads(known).isEmpty)
            #expect(try await count("leads WHERE household_id IS NULL", context.database) == 3)

            // The same signal again: the lead it raised, nothing new.
            let resent = try await jingtai.post("/risk-signals", json: signalJSON(unknownID, resident: stranger))
            #expect(resent.status == .ok, "\(resent.text)")
            #expect(try leads(resent).map { $0["leadId"] as? String } == [outreachID])
            #expect(try await count("leads", context.database) == 3)
            #expect(try await count("risk_signals", context.database) == 3)

            // Each region lists its own.
            let jingtaiLeads = try leads(try await jingtai.get("/leads"))
            #expect(try Set(jingtaiLeads.compactMap { $0["personRef"] as? String }) == [person(stranger), person(earner)])
            let knownLead = try #require(try jingtaiLeads.first { try $0["personRef"] as? String == person(earner) })
            #expect(knownLead["region"] as? String == Self.jingtai)
            #expect((knownLead["explanation"] as? String)?.contains("a person in a household that receives no assistance and is not near-低保") == true)
            let jingyuanLeads = try leads(try await jingyuan.get("/leads"))
            #expect(jingyuanLeads.map { $0["region"] as? String } == [Self.jingyuanTownship])
            let placedID = try #require(jingyuanLeads.first?["leadId"] as? String)

            // Follow-up and closure where the lead lies.
            let refused = try await jingtai.post("/leads/\(placedID)/follow-up", json: #"{"note":"电话联系"}"#)
            #expect(refused.status == .forbidden, "\(refused.text)")
            #expect(refused.problemCode == "auth.outside-region")
            let followed = try await jingtai.post("/leads/\(outreachID)/follow-up", json: #"{"note":"社区网格员已上门，家中两人无业"}"#)
            #expect(followed.status == .ok, "\(followed.text)")
            #expect(try followed.json()["status"] as? String == "following-up")
            #expect(try followed.json()["kind"] as? String == "outreach")
            context.clock.set(try CivilDate(iso: "2026-03-05"))
            let closed = try await jingtai.post("/leads/\(outreachID)/closure", json: #"{"note":"已协助申请低保"}"#)
            #expect(closed.status == .ok, "\(closed.text)")
            #expect(try closed.json()["outcome"] as? String == "已协助申请低保")
            #expect(try await jingtai.post("/leads/\(outreachID)/closure", json: #"{"note":"x"}"#).problemCode == "lead.not-open")
            let placedFollowed = try await jingyuan.post("/leads/\(placedID)/follow-up", json: #"{"note":"电话联系"}"#)
            #expect(placedFollowed.status == .ok, "\(placedFollowed.text)")

            // Published: three outreach leads, none as a household lead; two follow-ups and one closure, without the notes.
            let counts = try await AssistanceHarness.publishedCounts([
                OutreachLeadRaised.eventType.rawValue: 3, LeadFollowedUp.eventType.rawValue: 2, LeadClosed.eventType.rawValue: 1,
                LowIncomeRiskDetected.eventType.rawValue: 0,
            ], context)
            #expect(counts == [OutreachLeadRaised.eventType.rawValue: 3, LeadFollowedUp.eventType.rawValue: 2,
                               LeadClosed.eventType.rawValue: 1, LowIncomeRiskDetected.eventType.rawValue: 0])
            let raised = try await context.published.events(ofType: OutreachLeadRaised.eventType.rawValue, count: 3)
            let raisedEvents = try raised.map { try $0.cloudEvent().decode(OutreachLeadRaised.self) }
            let strangerEvent = try #require(raisedEvents.first { $0.leadID.uuidString == outreachID })
            #expect(strangerEvent.region.rawValue == Self.jingtai)
            #expect(strangerEvent.signal == .incomeLoss)
            #expect(strangerEvent.causationEventID == nil)
            #expect(strangerEvent.explanation == outreach["explanation"] as? String)
            #expect(try Set(raised.compactMap(\.keyString)) == [person(stranger), person(wanderer), person(earner)])
            let closure = try #require(try await context.published.events(ofType: LeadClosed.eventType.rawValue, count: 1).first)
            let closedEvent = try closure.cloudEvent().decode(LeadClosed.self)
            #expect(closedEvent.leadID.uuidString == outreachID)
            #expect(closedEvent.householdID == nil)
            #expect(try closedEvent.person.rawValue == person(stranger))
            #expect(closedEvent.region.rawValue == Self.jingtai)
            #expect(closedEvent.detectedOn == (try CivilDate(iso: "2026-03-02")))
            #expect(closedEvent.closedOn == (try CivilDate(iso: "2026-03-05")))
            #expect(try closure.keyString == person(stranger))
            #expect(!String(decoding: closure.value ?? [], as: UTF8.self).contains("已协助申请低保"))
            let followUps = try await context.published.events(ofType: LeadFollowedUp.eventType.rawValue, count: 2)
            let followUpEvents = try followUps.map { try $0.cloudEvent().decode(LeadFollowedUp.self) }
            #expect(Set(followUpEvents.map(\.region.rawValue)) == [Self.jingtai, Self.jingyuanTownship])
            #expect(followUpEvents.allSatisfy { $0.householdID == nil })
        }
    }

    @Test func anOutreachSignalOnTheTopicRaisesOneLeadUnderDuplicateDelivery() async throws {
        try await AssistanceHarness.with(today: "2026-03-02", policy: ["ASSISTANCE_OUTREACH_REGION": "620400"]) { context in
            let placed = try RiskSignalReported(
                signalID: UUID(), person: AssistanceHarness.person(stranger), kind: .medicalExpense, reportedOn: try CivilDate(iso: "2026-03-08"),
                agency: "medical-insurance", amount: Money(yuan: 52_000), detail: "重症住院", region: try RegionCode(Self.jingyuanTownship))
            let eventID = UUID()
            try await AssistanceHarness.publish(placed, id: eventID, from: .monitoring, on: context.kafka)
            try await AssistanceHarness.publish(placed, id: eventID, from: .monitoring, on: context.kafka)
            // The gateway resends the signal under a new event id; same key, so it is consumed after the duplicate.
            let resendID = UUID()
            try await AssistanceHarness.publish(placed, id: resendID, from: .monitoring, on: context.kafka)
            // A signal naming no region about a person nobody knows: the configured outreach region.
            let unplaced = try RiskSignalReported(
                signalID: UUID(), person: AssistanceHarness.person(wanderer), kind: .unemployment, reportedOn: try CivilDate(iso: "2026-03-08"),
                agency: "employment-services", amount: nil, detail: nil)
            let unplacedID = UUID()
            try await AssistanceHarness.publish(unplaced, id: unplacedID, from: .monitoring, on: context.kafka)

            let handled = try await eventually {
                try await count("inbox WHERE event_id IN ('\(resendID)', '\(unplacedID)')", context.database)
            } until: { $0 == 2 }
            #expect(handled == 2)
            #expect(try await count("inbox WHERE event_id = '\(eventID)'", context.database) == 1)
            #expect(try await count("risk_signals", context.database) == 2)
            #expect(try await AssistanceHarness.scalar("SELECT region FROM risk_signals WHERE id = '\(placed.signalID)'", as: String.self,
                                                       context.database) == Self.jingyuanTownship)
            let stored = try await AssistanceHarness.scalar(
                "SELECT string_agg(region, ',' ORDER BY region) FROM leads WHERE household_id IS NULL", as: String.self, context.database)
            #expect(stored == "620400,\(Self.jingyuanTownship)")
            #expect(try await count("leads", context.database) == 2)

            let city = try await context.client.acting(as: [.intake], region: "620400", subject: "intake-city")
            let listed = try leads(try await city.get("/leads"))
            #expect(listed.count == 2)
            #expect(Set(listed.compactMap { $0["kind"] as? String }) == ["outreach"])

            let raised = try await context.published.events(ofType: OutreachLeadRaised.eventType.rawValue, count: 2, settle: .seconds(2))
            #expect(raised.count == 2)
            let events = try raised.map { try $0.cloudEvent().decode(OutreachLeadRaised.self) }
            let placedEvent = try #require(events.first { $0.person == placed.person })
            #expect(placedEvent.causationEventID == eventID)
            #expect(placedEvent.region.rawValue == Self.jingyuanTownship)
            #expect(placedEvent.signal == .medicalExpense)
            #expect(events.first { $0.person == unplaced.person }?.region.rawValue == "620400")
            #expect(events.first { $0.person == unplaced.person }?.causationEventID == unplacedID)
        }
    }

    @Test func aSignalOnTheTopicWithNowhereToGoIsKeptButRaisesNoLead() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let signal = try RiskSignalReported(
                signalID: UUID(), person: AssistanceHarness.person(stranger), kind: .incomeLoss, reportedOn: try CivilDate(iso: "2026-03-08"),
                agency: "employment-services", amount: nil, detail: nil)
            let eventID = UUID()
            try await AssistanceHarness.publish(signal, id: eventID, from: .monitoring, on: context.kafka)
            let handled = try await eventually { try await count("inbox WHERE event_id = '\(eventID)'", context.database) } until: { $0 == 1 }
            #expect(handled == 1)
            #expect(try await count("risk_signals", context.database) == 1)
            #expect(try await count("leads", context.database) == 0)
            let counts = try await AssistanceHarness.publishedCounts([OutreachLeadRaised.eventType.rawValue: 0], context, settle: .seconds(1))
            #expect(counts == [OutreachLeadRaised.eventType.rawValue: 0])
        }
    }
}
