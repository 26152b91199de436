import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// Publishing standards on the real service: which year's 低保 the 特困 standard is held to
/// (seed 002 lines 8–9 "上年度"; seed 003 line 13 without a year).
@Suite("Assistance standard publication", .tags(.postgres, .kafka, .slow), .serialized)
struct StandardPublicationTests {
    func publish(_ context: AssistanceHarness.Context, year: Int, area: String = "urban", dibao: Int64, basic: Int64,
                 extra: String = "") async throws -> TestResponse {
        try await context.client.post("/standards", json: #"""
            {"region":"620423","year":\#(year),"area":"\#(area)","minimumLivingAllowanceFen":\#(dibao),"extremePovertyBasicFen":\#(basic)\#(extra)}
            """#)
    }

    func warnings(_ response: TestResponse) throws -> [String]? {
        try response.json()["warnings"] as? [String]
    }

    func storedStandards(_ context: AssistanceHarness.Context) async throws -> Int? {
        try await AssistanceHarness.scalar("SELECT count(*)::int FROM standards", context.database)
    }

    @Test func byDefaultTheExtremePovertyStandardIsHeldToLastYearsMinimumLivingAllowance() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            // The county's first standard: no earlier 低保, so 1.3 × this year's, flagged.
            let first = try await publish(context, year: 2025, dibao: 60_000, basic: 78_000)
            #expect(first.status == .created, "\(first.text)")
            #expect(try warnings(first) == ["standard.previous-year-baseline-missing"])
            let tooLowFirst = try await publish(context, year: 2024, dibao: 60_000, basic: 77_999)
            #expect(tooLowFirst.problemCode == "standard.extreme-poverty-below-1.3x")

            // 低保 rises to 660; 特困 at 1.3 × last year's 600 = 780 is enough, though 1.3 × 660 = 858.
            let raised = try await publish(context, year: 2026, dibao: 66_000, basic: 78_000)
            #expect(raised.status == .created, "\(raised.text)")
            #expect(try warnings(raised)?.contains("standard.extreme-poverty-below-1.3x") == false)
            #expect(try warnings(raised)?.contains("standard.previous-year-baseline-missing") == false)
            let oneFenShort = try await publish(context, year: 2026, dibao: 66_000, basic: 77_999)
            #expect(oneFenShort.status == .unprocessableContent)
            #expect(oneFenShort.problemCode == "standard.extreme-poverty-below-1.3x")
            #expect(oneFenShort.text.contains("780.00"), "\(oneFenShort.text)")

            // Nothing published for 2027: in 2027 the county paid 2026's 660, which holds 2028's 特困.
            let afterAGap = try await publish(context, year: 2028, dibao: 72_000, basic: 85_799)
            #expect(afterAGap.problemCode == "standard.extreme-poverty-below-1.3x")
            #expect(afterAGap.text.contains("858.00"), "\(afterAGap.text)")
            let gapMet = try await publish(context, year: 2028, dibao: 72_000, basic: 85_800)
            #expect(gapMet.status == .created, "\(gapMet.text)")
            #expect(try await storedStandards(context) == 3)

            // The 2026 standard as stored and announced.
            let listed = try await context.client.get("/standards?region=620423&year=2026")
            let stored = try #require((try listed.json()["standards"] as? [[String: Any]])?.first)
            #expect(stored["extremePovertyBasicFen"] as? Int == 78_000)
            let events = try await context.published.events(ofType: StandardPublished.eventType.rawValue, count: 3, settle: .seconds(1))
            #expect(events.count == 3)
        }
    }

    @Test func aCountyReadingTheRuleAsTheSameYearRefusesWhatTheCityRuleAllows() async throws {
        try await AssistanceHarness.with(today: "2026-01-05", policy: ["ASSISTANCE_EXTREME_POVERTY_BASELINE": "same-year"]) { context in
            let first = try await publish(context, year: 2025, dibao: 60_000, basic: 78_000)
            #expect(first.status == .created, "\(first.text)")
            #expect(try warnings(first) == [])
            let raised = try await publish(context, year: 2026, dibao: 66_000, basic: 78_000)
            #expect(raised.status == .unprocessableContent)
            #expect(raised.problemCode == "standard.extreme-poverty-below-1.3x")
            #expect(raised.text.contains("858.00"), "\(raised.text)")
            let met = try await publish(context, year: 2026, dibao: 66_000, basic: 85_800)
            #expect(met.status == .created, "\(met.text)")
            #expect(try await storedStandards(context) == 2)
        }
    }

    /// Seed 001 lines 20, 84 (10 % / 15 % a year) and seed 003 line 13 (低保 growth ≥ last year's consumption growth).
    @Test func shortfallsAgainstTheFloorsAreAnsweredStoredAndAnnounced() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let care = #","extremePovertyCareFen":{"partially-dependent":20000,"fully-dependent":40000}"#
            let first = try await publish(context, year: 2025, area: "rural", dibao: 40_000, basic: 60_000, extra: care)
            #expect(first.status == .created, "\(first.text)")
            #expect((try first.json()["growthShortfalls"] as? [Any])?.isEmpty == true)

            // 低保 +10 % (the floor) but consumption grew 12 %; rural 特困 +14 % (15 % asked); half-care +5 %; full care +10 %.
            let raised = try await publish(context, year: 2026, area: "rural", dibao: 44_000, basic: 68_400, extra: #"""
                ,"consumptionGrowthPermille":120,"extremePovertyCareFen":{"partially-dependent":21000,"fully-dependent":44000}
                """#)
            #expect(raised.status == .created, "\(raised.text)")
            #expect(try warnings(raised)
                    == ["standard.growth-below-floor", "standard.extreme-poverty-growth-below-floor", "standard.care-growth-below-floor"])
            #expect(try raised.json()["consumptionGrowthPermille"] as? Int == 120)
            let shortfalls = try #require(try raised.json()["growthShortfalls"] as? [[String: Any]])
            #expect(shortfalls.map { $0["figure"] as? String } == ["minimum-living-allowance", "extreme-poverty-basic", "extreme-poverty-care"])
            #expect(shortfalls.map { $0["basis"] as? String } == ["consumption-growth", "configured", "configured"])
            #expect(shortfalls.map { $0["floorPermille"] as? Int } == [120, 150, 100])
            #expect(shortfalls.map { $0["previousFen"] as? Int } == [40_000, 60_000, 20_000])
            #expect(shortfalls.map { $0["publishedFen"] as? Int } == [44_000, 68_400, 21_000])
            #expect(shortfalls.map { $0["requiredFen"] as? Int } == [44_800, 69_000, 22_000])
            #expect(shortfalls.map { $0["shortfallFen"] as? Int } == [800, 600, 1_000])
            #expect(shortfalls.map { $0["tier"] as? String } == [nil, nil, "partially-dependent"])

            // The listing shows what was stored.
            let listed = try await context.client.get("/standards?region=620423&year=2026")
            let stored = try #require((try listed.json()["standards"] as? [[String: Any]])?.first)
            #expect((stored["growthShortfalls"] as? [[String: Any]])?.map { $0["shortfallFen"] as? Int } == [800, 600, 1_000])
            #expect(stored["consumptionGrowthPermille"] as? Int == 120)
            #expect(stored["warnings"] as? [String] == (try warnings(raised)))

            // A consumption growth out of range is refused before anything is written.
            let absurd = try await publish(context, year: 2027, area: "rural", dibao: 50_000, basic: 80_000, extra: #","consumptionGrowthPermille":10001"#)
            #expect(absurd.status == .badRequest)
            #expect(absurd.problemCode == "request.invalid-body")
            #expect(try await storedStandards(context) == 2)

            // The event carries the same shortfalls.
            let events = try await context.published.events(ofType: StandardPublished.eventType.rawValue, count: 2, settle: .seconds(1))
            #expect(events.count == 2)
            let published = try events.map { try $0.cloudEvent().decode(StandardPublished.self) }
            let announced = try #require(published.first { $0.year == 2026 })
            #expect(announced.consumptionGrowthPermille == 120)
            #expect(announced.warnings == (try warnings(raised)))
            #expect(announced.growthShortfalls == [
                StandardGrowthShortfall(figure: .minimumLivingAllowance, tier: nil, previous: Money(yuan: 400), published: Money(yuan: 440),
                                        floorPermille: 120, basis: .consumptionGrowth, required: Money(yuan: 448), shortfall: Money(yuan: 8)),
                StandardGrowthShortfall(figure: .extremePovertyBasic, tier: nil, previous: Money(yuan: 600), published: Money(yuan: 684),
                                        floorPermille: 150, basis: .configured, required: Money(yuan: 690), shortfall: Money(yuan: 6)),
                StandardGrowthShortfall(figure: .extremePovertyCare, tier: .partiallyDependent, previous: Money(yuan: 200),
                                        published: Money(yuan: 210), floorPermille: 100, basis: .configured, required: Money(yuan: 220),
                                        shortfall: Money(yuan: 10)),
            ])
            #expect(published.first { $0.year == 2025 }?.growthShortfalls == [])
        }
    }

    /// 市定最低指导标准 for the statistics (issue 11, item 9): a new figure is published once, the same
    /// figure again changes and publishes nothing, a change names the figure it replaces.
    @Test func aCityMinimumIsPublishedOncePerFigure() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            for _ in 0..<2 {
                #expect(try await context.client.put("/city-minimum-standards/2026/rural", json: #"{"minimumLivingAllowanceFen":50000}"#)
                    .status == .noContent)
            }
            #expect(try await context.client.put("/city-minimum-standards/2026/rural", json: #"{"minimumLivingAllowanceFen":52000}"#)
                .status == .noContent)
            let type = CityMinimumStandardSet.eventType.rawValue
            let events = try await context.published.events(ofType: type, count: 3, settle: .seconds(2))
            let set = try events.map { try $0.cloudEvent().decode(CityMinimumStandardSet.self) }
            #expect(set.map(\.minimumLivingAllowance.fen) == [50_000, 52_000])
            #expect(set.map { $0.previous?.fen } == [nil, 50_000])
            #expect(set.map(\.setOn.iso) == ["2026-01-05", "2026-01-05"])
            #expect(set.map(\.area) == [.rural, .rural])
            #expect(events.map(\.keyString) == ["2026:rural", "2026:rural"])
        }
    }
}
