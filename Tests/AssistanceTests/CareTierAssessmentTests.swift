import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// ElderCare's capability assessment sets a 特困 case's care tier (照料护理标准档) from the
/// assessment's month: a new amount step, back-pay for the month a roster already paid, one
/// `case-rerated` — once, however often the event is delivered; an older assessment changes nothing.
@Suite("Assistance 特困 care tier from capability assessments", .tags(.postgres, .kafka), .serialized)
struct CareTierAssessmentTests {
    let elder: ResidentID

    init() throws {
        elder = try AssistanceHarness.resident(born: "1950-02-01", sequence: 41)
    }

    /// The case's amount schedule as `month=fen`, in order.
    func steps(_ caseID: String, _ context: AssistanceHarness.Context) async throws -> [String] {
        let text = try await AssistanceHarness.scalar("""
            SELECT string_agg((s->>'from') || '=' || (s->>'amount'), ',' ORDER BY s->>'from')
            FROM cases, jsonb_array_elements(amount_steps) s WHERE id = '\(caseID)'
            """, as: String.self, context.database)
        return text?.split(separator: ",").map(String.init) ?? []
    }

    func backPayments(_ caseID: String, _ worker: Caseworker) async throws -> [String] {
        ((try await worker.caseView(caseID)["backPayments"] as? [[String: Any]]) ?? [])
            .map { "\($0["month"] as? String ?? "?")=\($0["amountFen"] as? Int ?? -1)" }
    }

    func assessed(_ level: CapabilityRating, on day: String) throws -> CapabilityAssessed {
        try CapabilityAssessed(assessmentID: UUID(), person: AssistanceHarness.person(elder), level: level,
                               region: RegionCode(AssistanceHarness.township), assessedOn: CivilDate(iso: day))
    }

    /// Publishes `event` twice with one id, as ElderCare's relay might, and waits until it was handled.
    func deliverTwice(_ event: CapabilityAssessed, _ context: AssistanceHarness.Context) async throws {
        let id = UUID()
        try await AssistanceHarness.publish(event, id: id, from: .eldercare, on: context.kafka)
        try await AssistanceHarness.publish(event, id: id, from: .eldercare, on: context.kafka)
        let handled = try await eventually {
            try await AssistanceHarness.scalar("SELECT count(*)::int FROM inbox WHERE event_id = '\(id)'", context.database)
        } until: { $0 == 1 }
        #expect(handled == 1)
    }

    @Test func anAssessmentSetsTheCareTierFromItsMonthWithBackPayOnce() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            let standard = try await context.client.post("/standards", json: #"""
                {"region":"620423","year":2026,"area":"urban","minimumLivingAllowanceFen":64000,"extremePovertyBasicFen":83200,
                 "extremePovertyCareFen":{"fully-self-caring":10000,"partially-dependent":30000,"fully-dependent":60000}}
                """#)
            #expect(standard.status == .created, "\(standard.text)")
            let json = worker.applicationJSON(key: "tk", program: "extreme-poverty", members: [.init(id: elder, workCapacity: "none")])
                .replacingOccurrences(of: #""authorisationSigned":true,"#, with: #""authorisationSigned":true,"selfCareAbility":"fully-self-caring","#)
            let caseID = try #require(try await worker.approveThroughWorkflow(try await worker.apply(json)).first)
            #expect(try await steps(caseID, context) == ["2026-02=93200"])
            for month in ["2026-02", "2026-03"] { #expect(try await worker.roster(month)["households"] as? Int == 1) }

            // 重度失能 on 10 March: 全护理 from March, March already paid.
            context.clock.set(try CivilDate(iso: "2026-03-20"))
            try await deliverTwice(try assessed(.severe, on: "2026-03-10"), context)
            #expect(try await steps(caseID, context) == ["2026-02=93200", "2026-03=143200"])
            #expect(try await backPayments(caseID, worker) == ["2026-03=50000"])

            // An assessment dated before it, arriving later, changes nothing.
            try await deliverTwice(try assessed(.intact, on: "2026-02-15"), context)
            #expect(try await steps(caseID, context) == ["2026-02=93200", "2026-03=143200"])

            let events = try await context.published.events(ofType: CaseRerated.eventType.rawValue, count: 1, settle: .seconds(2))
            let rerated = try events.map { try $0.cloudEvent().decode(CaseRerated.self) }
            #expect(rerated.count == 1)
            let event = try #require(rerated.first)
            #expect(event.caseID.uuidString.lowercased() == caseID.lowercased())
            #expect(event.standardEffectiveFrom.iso == "2026-01")
            #expect(event.from.iso == "2026-03")
            #expect(event.previousAmount == Money(fen: 93_200))
            #expect(event.newAmount == Money(fen: 143_200))
            #expect(event.backPaidMonths.map(\.iso) == ["2026-03"])
            #expect(event.backPayAmount == Money(fen: 50_000))
            #expect(try await worker.roster("2026-04")["totalFen"] as? Int == 143_200)
        }
    }

    @Test func aMinimumLivingAllowanceCaseHasNoCareTier() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            let json = worker.applicationJSON(key: "db", members: [.init(id: elder, workCapacity: "none")])
            let caseID = try #require(try await worker.approveThroughWorkflow(try await worker.apply(json)).first)
            let before = try await steps(caseID, context)
            try await deliverTwice(try assessed(.complete, on: "2026-01-20"), context)
            #expect(try await steps(caseID, context) == before)
            #expect(try await AssistanceHarness.scalar("SELECT count(*)::int FROM cases WHERE self_care_ability IS NOT NULL",
                                                       context.database) == 0)
        }
    }
}
