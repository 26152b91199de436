import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// 渐退 of the living subsidy: when the household's 低保 case ends on review, a living subsidy
/// granted because the household was in 低保 is paid the policy's six months more, then stops; the
/// nursing subsidy does not depend on 低保 and continues.
@Suite("Disability living subsidy exits when the household leaves 低保", .tags(.postgres, .kafka, .slow), .serialized)
struct DisabilitySubsidyExitTests {
    let member: ResidentID

    init() throws {
        member = try AssistanceHarness.resident(born: "1986-02-02", sequence: 744)
    }

    @Test func theEndOfThe低保CaseStartsTheLivingSubsidysGradualExitOnce() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let caseworker = Caseworker(context: context)
            try await caseworker.publishJingtai2020()
            for (kind, fen) in [("living", 8_000), ("nursing", 10_000)] {
                _ = try await DisabilitySubsidyStandardRouteTests.set(context, kind: kind, from: "2026-01", fen: Int64(fen))
            }
            let application = try await caseworker.apply(caseworker.applicationJSON(key: "exit", members: [
                .init(id: member, disabilityGrade: 2)]))
            let caseID = try #require(try await caseworker.approveThroughWorkflow(application).first)
            let household = try #require(try await caseworker.caseView(caseID)["householdId"] as? String)
            var ids: [String: String] = [:]
            for kind in ["living", "nursing"] {
                let granted = try await DisabilitySubsidyGrantRouteTests.grant(context, household: household, member: member, kind: kind, grade: 2,
                                                                          firstMonth: "2026-04")
                #expect(granted.status == .created, "\(granted.text)")
                ids[kind] = try granted.json()["id"] as? String
            }

            // In May a job paying 600 yuan, above the 577 line, is reported and the case re-verified: 渐退 to November.
            context.clock.set(try CivilDate(iso: "2026-05-04"))
            let delivery = try await context.client.put("/verification-sources/employment/records", json: #"""
                {"records":[{"residentId":"\#(member.rawValue)","kind":"income","category":"wages","amountFen":60000,"note":"新就业"}]}
                """#)
            #expect(delivery.status == .ok, "\(delivery.text)")
            _ = try await context.client.post("/cases/\(caseID)/change-reports", json: #"{"kind":"income","description":"已就业"}"#)
            let reverified = try await context.client.post("/cases/\(caseID)/reverification", json: "")
            #expect(try reverified.json()["status"] as? String == "exiting", "\(reverified.text)")

            let living = try await context.client.get("/disability-subsidies/\(try #require(ids["living"]))").json()
            #expect(living["status"] as? String == "exiting")
            #expect(living["lastMonth"] as? String == "2026-11")
            let nursing = try await context.client.get("/disability-subsidies/\(try #require(ids["nursing"]))").json()
            #expect(nursing["status"] as? String == "active")
            #expect(nursing["lastMonth"] == nil)

            // Paid through November; December pays the nursing subsidy only.
            let november = try await DisabilitySubsidyRosterTests.roster(context, "2026-11").json()
            #expect(november["totalFen"] as? Int == 18_000)
            let december = try await DisabilitySubsidyRosterTests.roster(context, "2026-12").json()
            #expect(december["totalFen"] as? Int == 10_000)

            let events = try await context.published.events(ofType: DisabilitySubsidyStopped.eventType.rawValue, count: 1, settle: .seconds(2))
            let stops = try events.map { try $0.cloudEvent().decode(DisabilitySubsidyStopped.self) }
            #expect(stops.map { "\($0.program.rawValue) \($0.reason.rawValue) \($0.lastPaidMonth.iso)" }
                    == ["disability-living-subsidy eligibility-ended 2026-11"])
        }
    }
}
