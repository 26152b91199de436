import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// 提标 on the real service: a standard takes effect in a month and re-rates the active cases paid
/// on the county's standard of its area (seed 004 L10 "2023年1月起", L12 "从2023年7月起"; seed 001 L20).
@Suite("Assistance standards re-rating cases", .tags(.postgres, .kafka, .slow), .serialized)
struct StandardRerateTests {
    let urbanCouple: [ResidentID]
    let ruralSingle: ResidentID
    let laterSingle: ResidentID

    init() throws {
        urbanCouple = try [AssistanceHarness.resident(born: "1980-03-01", sequence: 611), AssistanceHarness.resident(born: "1982-05-01", sequence: 622)]
        ruralSingle = try AssistanceHarness.resident(born: "1979-07-01", sequence: 633)
        laterSingle = try AssistanceHarness.resident(born: "1981-09-01", sequence: 644)
    }

    func couple(_ worker: Caseworker, key: String) async throws -> String {
        let json = worker.applicationJSON(key: key, members: [.init(id: urbanCouple[0], workCapacity: "none"),
                                                              .init(id: urbanCouple[1], relation: "spouse", workCapacity: "none")])
        return try #require(try await worker.approveThroughWorkflow(try await worker.apply(json)).first)
    }

    func single(_ worker: Caseworker, _ resident: ResidentID, key: String, area: String = "urban") async throws -> String {
        let json = worker.applicationJSON(key: key, area: area, members: [.init(id: resident, workCapacity: "none")])
        return try #require(try await worker.approveThroughWorkflow(try await worker.apply(json)).first)
    }

    func publish(_ context: AssistanceHarness.Context, year: Int, effectiveFrom: String?, dibao: Int64, basic: Int64) async throws
        -> TestResponse {
        let month = effectiveFrom.map { #","effectiveFrom":"\#($0)""# } ?? ""
        return try await context.client.post("/standards", json: #"""
            {"region":"620423","year":\#(year),"area":"urban","minimumLivingAllowanceFen":\#(dibao),"extremePovertyBasicFen":\#(basic)\#(month)}
            """#)
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

    @Test func aRaisePublishedAfterItsEffectiveMonthBackPaysThePaidMonthsOnceAndReachesTheNextRoster() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            let urban = try await couple(worker, key: "urban")  // 2 × 577 from February
            let rural = try await single(worker, ruralSingle, key: "rural", area: "rural")  // 369 from February
            for month in ["2026-02", "2026-03", "2026-04"] {
                #expect(try await worker.roster(month)["households"] as? Int == 2)
            }

            // In April the county raises urban 低保 to 640 from March (2023年1月起: published after the month it takes effect).
            context.clock.set(try CivilDate(iso: "2026-04-10"))
            let raised = try await publish(context, year: 2026, effectiveFrom: "2026-03", dibao: 64_000, basic: 83_200)
            #expect(raised.status == .created, "\(raised.text)")
            #expect(try raised.json()["effectiveFrom"] as? String == "2026-03")
            #expect(try await worker.caseView(urban)["monthlyAmountFen"] as? Int == 128_000)
            #expect(try await backPayments(urban, worker) == ["2026-03=12600", "2026-04=12600"])
            #expect(try await worker.caseView(rural)["monthlyAmountFen"] as? Int == 36_900)  // the rural standard did not change
            #expect(try await backPayments(rural, worker) == [])

            // The same publication again re-rates nobody and back-pays nothing more.
            let again = try await publish(context, year: 2026, effectiveFrom: "2026-03", dibao: 64_000, basic: 83_200)
            #expect(again.status == .created, "\(again.text)")
            #expect(try await backPayments(urban, worker) == ["2026-03=12600", "2026-04=12600"])

            let events = try await context.published.events(ofType: CaseRerated.eventType.rawValue, count: 1, settle: .seconds(2))
            let rerated = try events.map { try $0.cloudEvent().decode(CaseRerated.self) }
            #expect(rerated.count == 1)
            let event = try #require(rerated.first)
            #expect(event.caseID.uuidString.lowercased() == urban.lowercased())
            #expect(event.area == .urban)
            #expect(event.standardEffectiveFrom.iso == "2026-03")
            #expect(event.from.iso == "2026-03")
            #expect(event.previousAmount == Money(fen: 115_400))
            #expect(event.newAmount == Money(fen: 128_000))
            #expect(event.backPaidMonths.map(\.iso) == ["2026-03", "2026-04"])
            #expect(event.backPayAmount == Money(fen: 25_200))
            #expect(events.first?.keyString == urban.lowercased())

            // May is paid at the new amount; March and April are not paid again.
            let may = try await worker.roster("2026-05")
            #expect(may["totalFen"] as? Int == 128_000 + 36_900)
            #expect(try await worker.roster("2026-03")["households"] as? Int == 0)
        }
    }

    @Test func aStandardFromJulyReachesCasesApprovedBeforeAndAfterItsPublicationAndAnEarlierOneStopsAtIt() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            let before = try await couple(worker, key: "before")  // 2 × 577 from February
            // Published in January, to take effect in July: a step from July, nothing to back-pay.
            let july = try await publish(context, year: 2026, effectiveFrom: "2026-07", dibao: 64_000, basic: 83_200)
            #expect(july.status == .created, "\(july.text)")
            #expect(try await steps(before, context) == ["2026-02=115400", "2026-07=128000"])
            #expect(try await backPayments(before, worker) == [])

            // A case approved afterwards is scheduled on it too.
            let after = try await single(worker, laterSingle, key: "after")  // 577 from February
            #expect(try await steps(after, context) == ["2026-02=57700", "2026-07=64000"])

            // A January standard published now governs January to June only.
            let january = try await publish(context, year: 2026, effectiveFrom: nil, dibao: 60_000, basic: 78_000)
            #expect(january.status == .created, "\(january.text)")
            #expect(try await steps(before, context)
                    == ["2026-02=120000", "2026-07=128000"])
            #expect(try await steps(after, context) == ["2026-02=60000", "2026-07=64000"])

            let listed = try await context.client.get("/standards?region=620423&year=2026").json()["standards"] as? [[String: Any]]
            #expect(listed?.map { $0["effectiveFrom"] as? String } == ["2026-01", "2026-07"])

            // One event per case and standard: before ×2 (July, January), after ×1 (January; July was its schedule at approval).
            let events = try await context.published.events(ofType: CaseRerated.eventType.rawValue, count: 3, settle: .seconds(2))
            let rerated = try events.map { try $0.cloudEvent().decode(CaseRerated.self) }
            #expect(rerated.map { "\($0.standardEffectiveFrom.iso) \($0.from.iso) \($0.newAmount.fen)" }.sorted()
                    == ["2026-01 2026-02 120000", "2026-01 2026-02 60000", "2026-07 2026-07 128000"])
            #expect(rerated.allSatisfy { $0.backPaidMonths.isEmpty })

            // July's roster pays both at the July standard.
            #expect(try await worker.roster("2026-07")["totalFen"] as? Int == 128_000 + 64_000)
        }
    }

    @Test func aMonthOfAnotherYearIsRefused() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let refused = try await publish(context, year: 2026, effectiveFrom: "2027-01", dibao: 64_000, basic: 83_200)
            #expect(refused.status == .badRequest)
            #expect(refused.problemCode == "standard.effective-month-outside-year")
            let malformed = try await publish(context, year: 2026, effectiveFrom: "2026-13", dibao: 64_000, basic: 83_200)
            #expect(malformed.status == .badRequest)
        }
    }
}
