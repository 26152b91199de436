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

    /// Both subsidies granted from April 2026 to the grade-2 member of a 低保 household whose case a
    /// May review ends: the living subsidy is in 渐退 to November. Returns the household and the
    /// subsidies' ids by kind.
    func livingInGradualExit(_ context: AssistanceHarness.Context) async throws -> (household: String, ids: [String: String]) {
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
        return (household, ids)
    }

    @Test func theEndOfThe低保CaseStartsTheLivingSubsidysGradualExitOnce() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let (_, ids) = try await livingInGradualExit(context)
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

    /// 济民发〔2022〕3号 第28项 渐退: once the exit has run its course the person may be granted the
    /// living subsidy again (here on 低保边缘); while it is still paid, on the approval's day or in
    /// the new grant's months, it blocks.
    @Test func aFinishedGradualExitNoLongerBlocksANewGrantOfItsKind() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let (household, ids) = try await livingInGradualExit(context)
            let earlier = try #require(ids["living"])
            // Stands for a later verification that found the household 低保边缘 (the flag the standing reads).
            #expect(try await AssistanceHarness.scalar(
                "UPDATE households SET near_low_income = true WHERE id = '\(household)' RETURNING 1", context.database) == 1)

            // In May the exit is still paid (to November): an application is refused at the window.
            let duringExit = try await DisabilitySubsidyGrantRouteTests.grant(context, household: household, member: member, kind: "living",
                                                                              grade: 2, firstMonth: "2026-06")
            #expect(duringExit.status == .conflict, "\(duringExit.text)")
            #expect(try duringExit.json()["code"] as? String == "disability-subsidy.already-granted")

            // In December: an approval recorded as of October (paying from November) overlaps the exit's last month and is
            // refused; one approved now, paying from January, ends the finished exit and is granted.
            context.clock.set(try CivilDate(iso: "2026-12-02"))
            let overlapping = try await DisabilitySubsidyGrantRouteTests.grant(context, household: household, member: member, kind: "living",
                                                                               grade: 2, firstMonth: "2026-11")
            #expect(overlapping.status == .conflict, "\(overlapping.text)")
            let again = try await DisabilitySubsidyGrantRouteTests.grant(context, household: household, member: member, kind: "living",
                                                                         grade: 2, firstMonth: "2027-01")
            #expect(again.status == .created, "\(again.text)")
            #expect(try again.json()["basis"] as? String == "near-low-income-household")
            let ended = try await context.client.get("/disability-subsidies/\(earlier)").json()
            #expect(ended["status"] as? String == "ended")
            #expect(ended["lastMonth"] as? String == "2026-11")

            // The new grant is active: a second one is refused.
            let twice = try await DisabilitySubsidyGrantRouteTests.grant(context, household: household, member: member, kind: "living",
                                                                         grade: 2, firstMonth: "2027-01")
            #expect(twice.status == .conflict, "\(twice.text)")
            #expect(try await AssistanceHarness.scalar(
                "SELECT count(*)::int FROM disability_subsidies WHERE kind = 'living' AND status IN ('active', 'exiting')", context.database) == 1)

            // December pays the nursing subsidy only; January the new living subsidy and the nursing one; the ended one nothing.
            let december = try await DisabilitySubsidyRosterTests.roster(context, "2026-12").json()
            #expect(december["totalFen"] as? Int == 10_000)
            context.clock.set(try CivilDate(iso: "2027-01-04"))
            let january = try await DisabilitySubsidyRosterTests.roster(context, "2027-01").json()
            #expect(january["totalFen"] as? Int == 18_000)
            #expect(january["paid"] as? Int == 2)
        }
    }
}
