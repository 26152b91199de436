import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// `POST /disability-subsidy-rosters`: the two subsidies paid by the shared roster, a scheme of
/// their own beside the 低保 roster; a re-run pays nobody twice.
@Suite("Disability subsidies paid by the roster", .tags(.postgres, .kafka, .slow), .serialized)
struct DisabilitySubsidyRosterTests {
    static func roster(_ context: AssistanceHarness.Context, _ month: String) async throws -> TestResponse {
        try await context.client.post("/disability-subsidy-rosters", json: #"{"region":"620423","month":"\#(month)"}"#)
    }

    @Test func aMonthsRosterPaysEachSubsidyOnceWithItsEventsAndLeavesThe低保RosterAlone() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let household = try await DisabilitySubsidyGrantTests.householdIn低保(context)
            let severe = DisabilitySubsidyGrantTests.severe
            for kind in ["living", "nursing"] {
                let granted = try await DisabilitySubsidyGrantTests.grant(context, household: household, member: severe, kind: kind, grade: 1)
                #expect(granted.status == .created, "\(granted.text)")
            }
            let january = try await Self.roster(context, "2026-01")  // before the first month: nobody
            #expect(try january.json()["paid"] as? Int == 0)

            let february = try await Self.roster(context, "2026-02")
            #expect(february.status == .created, "\(february.text)")
            let body = try february.json()
            #expect(body["paid"] as? Int == 2)
            #expect(body["totalFen"] as? Int == 18_000)
            let programs = ((body["programs"] as? [[String: Any]]) ?? []).map { "\($0["program"] as? String ?? "?")=\($0["totalFen"] as? Int ?? -1)" }
            #expect(programs.sorted() == ["disability-living-subsidy=8000", "disability-nursing-subsidy=10000"])

            let rerun = try await Self.roster(context, "2026-02")
            #expect(rerun.status == .ok, "\(rerun.text)")
            #expect(try rerun.json()["paid"] as? Int == 0)

            // The 低保 roster pays the household's case only, and the subsidies' roster did not touch it.
            let dibao = try await Caseworker(context: context).roster("2026-02")
            #expect(dibao["households"] as? Int == 1)

            let paid = try await context.published.events(ofType: DisabilitySubsidyPaid.eventType.rawValue, count: 2, settle: .seconds(2))
            let payments = try paid.map { try $0.cloudEvent().decode(DisabilitySubsidyPaid.self) }
            #expect(payments.count == 2)
            #expect(payments.map { "\($0.program.rawValue) \($0.month.iso) \($0.amount.fen) \($0.area?.rawValue ?? "-")" }.sorted()
                    == ["disability-living-subsidy 2026-02 8000 urban", "disability-nursing-subsidy 2026-02 10000 urban"])
            #expect(payments.allSatisfy { $0.person == AssistanceHarness.person(severe) && $0.region.rawValue == "620423" })
            let rosters = try await context.published.events(ofType: DisabilitySubsidyRosterGenerated.eventType.rawValue, count: 2,
                                                             settle: .seconds(1))
            let generated = try rosters.map { try $0.cloudEvent().decode(DisabilitySubsidyRosterGenerated.self) }
            #expect(generated.map { "\($0.month.iso) \($0.paid) \($0.total.fen)" } == ["2026-01 0 0", "2026-02 2 18000"])
        }
    }
}
