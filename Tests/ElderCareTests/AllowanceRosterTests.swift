import Contracts
import Foundation
import HTTPTypes
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// `POST /allowance-rosters`: granted automatically at 80, paid by tier and standard, once a month.
@Suite("Advanced-age allowance roster", .tags(.postgres, .kafka, .slow), .serialized)
struct AllowanceRosterTests {
    @Test func grantsAt80PaysTheTierInForceAndNeverPaysTwice() async throws {
        try await ElderCareHarness.with(today: "2026-04-20") { context in
            #expect(try await AllowanceFixture.standard(context, from: "2026-01").status == .ok)
            #expect(try await AllowanceFixture.standard(context, from: "2026-04", tiers: """
                [{"minimumAge":80,"monthlyAmountFen":12000},{"minimumAge":90,"monthlyAmountFen":24000},{"minimumAge":100,"monthlyAmountFen":60000}]
                """).status == .ok)
            let turns80 = try await AllowanceFixture.register(born: "1946-02-15", sequence: 11, context)
            let turns90 = try await AllowanceFixture.register(born: "1936-03-20", sequence: 13, context)
            let young = try await AllowanceFixture.register(born: "1950-01-01", sequence: 15, context)
            let dead = try await AllowanceFixture.register(born: "1930-01-01", sequence: 17, diedOn: "2026-01-10", context)

            let february = try await AllowanceFixture.roster("2026-02", context)
            // The fields AllowanceRosterSummary documents, no more (no `programs`).
            #expect(Set(february.keys) == ["rosterId", "region", "month", "paid", "totalFen", "skipped", "granted", "suspended", "earlierRosters"])
            #expect(february["paid"] as? Int == 1)
            #expect(february["granted"] as? Int == 1)
            let march = try await AllowanceFixture.roster("2026-03", context)
            #expect(march["paid"] as? Int == 2)
            #expect(march["granted"] as? Int == 1)
            let april = try await AllowanceFixture.roster("2026-04", context)
            #expect(april["totalFen"] as? Int == 36_000)
            let rerun = try await context.client.post("/allowance-rosters", json: #"{"region":"620423","month":"2026-04"}"#)
            #expect(rerun.status == .ok)
            let again = try rerun.json()
            #expect(again["paid"] as? Int == 0)
            #expect(again["granted"] as? Int == 0)
            #expect(again["rosterId"] == nil)

            #expect(try await AllowanceFixture.paid(turns80, context) == ["2026-03": 10_000, "2026-04": 12_000])
            #expect(try await AllowanceFixture.paid(turns90, context) == ["2026-02": 10_000, "2026-03": 10_000, "2026-04": 24_000])
            #expect(try await AllowanceFixture.allowance(of: young, context) == nil)
            #expect(try await AllowanceFixture.allowance(of: dead, context) == nil)

            let counts = try await ElderCareHarness.publishedCounts([
                "civil.eldercare.allowance-granted.v1": 2, "civil.eldercare.allowance-paid.v1": 5,
                "civil.eldercare.allowance-roster-generated.v1": 3,
            ], context)
            #expect(counts == ["civil.eldercare.allowance-granted.v1": 2, "civil.eldercare.allowance-paid.v1": 5,
                               "civil.eldercare.allowance-roster-generated.v1": 3])
            // The SQL-built payloads decode as the contracts say.
            let paid = try await context.published.events(ofType: "civil.eldercare.allowance-paid.v1", count: 5)
            let decoded = try paid.map { try $0.cloudEvent().decode(AllowancePaid.self) }
            let allowance80 = try #require(try await AllowanceFixture.allowance(of: turns80, context))
            let april80 = try #require(decoded.first { $0.allowanceID == allowance80 && $0.month.iso == "2026-04" })
            #expect(april80.person == turns80)
            #expect(april80.amount == Money(fen: 12_000))
            #expect(april80.region.rawValue == ElderCareHarness.township)
            let granted = try await context.published.events(ofType: "civil.eldercare.allowance-granted.v1", count: 2)
            let grants = try granted.map { try $0.cloudEvent().decode(AllowanceGranted.self) }
            #expect(Set(grants.map { "\($0.person.rawValue.prefix(8)) \($0.firstMonth.iso)" })
                    == ["\(turns80.rawValue.prefix(8)) 2026-03", "\(turns90.rawValue.prefix(8)) 2024-01"])
        }
    }

    @Test func financeListsTheRostersOfItsRegion() async throws {
        try await ElderCareHarness.with(today: "2026-04-20") { context in
            #expect(try await AllowanceFixture.standard(context, from: "2026-01").status == .ok)
            _ = try await AllowanceFixture.register(born: "1936-03-20", sequence: 13, context)
            let finance = try await context.client.acting(as: [.finance], region: ElderCareHarness.county)
            let created = try await finance.post("/allowance-rosters", json: #"{"region":"620423","month":"2026-03"}"#)
            #expect(created.status == .created, "\(created.text)")
            let elsewhere = try await finance.post("/allowance-rosters", json: #"{"region":"620421","month":"2026-03"}"#)
            #expect(elsewhere.status == .forbidden)
            let caseworker = try await context.client.acting(as: [.caseworker], region: ElderCareHarness.county)
            #expect(try await caseworker.post("/allowance-rosters", json: #"{"region":"620423","month":"2026-03"}"#).status == .forbidden)
            let listed = try await finance.get("/allowance-rosters?month=2026-03")
            let rosters = try #require(try listed.json()["rosters"] as? [[String: Any]])
            #expect(rosters.map { $0["paid"] as? Int } == [1])
            #expect(rosters.map { $0["totalFen"] as? Int } == [10_000])
        }
    }
}
