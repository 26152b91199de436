import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// 两项补贴 grants on the real service, through the one-door intake (`POST /disability-subsidy-applications`,
/// township review, county approval): the household's standing from Assistance's own data,
/// eligibility (DisabilitySubsidyEligibility), refusals that write nothing, the grant event, and
/// re-rating by a later amount.
@Suite("Disability subsidy grants over HTTP", .tags(.postgres, .kafka, .slow), .serialized)
struct DisabilitySubsidyGrantRouteTests {
    static var severe: ResidentID { get throws { try AssistanceHarness.resident(born: "1975-03-01", sequence: 711) } }
    static var moderate: ResidentID { get throws { try AssistanceHarness.resident(born: "1977-05-01", sequence: 722) } }
    static var outsider: ResidentID { get throws { try AssistanceHarness.resident(born: "1970-05-01", sequence: 733) } }

    /// Sets the county's amounts (living 80 yuan, nursing 100 yuan from January 2026), approves a
    /// 低保 couple whose applicant holds grade 1 and spouse grade 3, and returns the household.
    static func householdIn低保(_ context: AssistanceHarness.Context) async throws -> String {
        let worker = Caseworker(context: context)
        try await worker.publishJingtai2020()
        for (kind, fen) in [("living", 8_000), ("nursing", 10_000)] {
            let set = try await DisabilitySubsidyStandardRouteTests.set(context, kind: kind, from: "2026-01", fen: Int64(fen))
            #expect(set.status == .ok, "\(set.text)")
        }
        let json = try worker.applicationJSON(key: "disabled-couple", members: [
            .init(id: severe, workCapacity: "none", disabilityGrade: 1),
            .init(id: moderate, relation: "spouse", workCapacity: "none", disabilityGrade: 3),
        ])
        let caseID = try #require(try await worker.approveThroughWorkflow(try await worker.apply(json)).first)
        return try #require(try await worker.caseView(caseID)["householdId"] as? String)
    }

    /// Takes in an application at the township window and records the township's review, both on
    /// `on`; returns the intake's response when it refuses, else the reviewed application's.
    static func apply(_ context: AssistanceHarness.Context, household: String, member: ResidentID, kind: String, type: String = "physical",
                      grade: Int, on date: String, elderlyParents: Bool = false) async throws -> TestResponse {
        let submitted = try await context.client.post("/disability-subsidy-applications", json: #"""
            {"idempotencyKey":"\#(UUID().uuidString)","intakeRegion":"620423100","applicantResidentId":"\#(member.rawValue)",
             "kind":"\#(kind)","certificate":{"type":"\#(type)","grade":\#(grade)},"householdId":"\#(household)",
             "supportedByElderlyParents":\#(elderlyParents),"submittedOn":"\#(date)"}
            """#)
        guard submitted.status == .created, let id = try submitted.json()["applicationId"] as? String else { return submitted }
        return try await context.client.post("/disability-subsidy-applications/\(id)/township-review",
                                              json: #"{"notes":"残疾人证原件已核","on":"\#(date)"}"#)
    }

    /// Grants through the one-door intake: application, township review and the county's approval,
    /// all dated the first day of the month before `firstMonth` (a subsidy is paid from the month
    /// after approval). Returns the first refusal, or the approval's response (201, the subsidy).
    static func grant(_ context: AssistanceHarness.Context, household: String, member: ResidentID, kind: String, type: String = "physical",
                      grade: Int, firstMonth: String = "2026-02", client: (any TestClientProtocol)? = nil) async throws -> TestResponse {
        let approvedOn = try YearMonth(iso: firstMonth).previous.firstDay.iso
        let reviewed = try await apply(context, household: household, member: member, kind: kind, type: type, grade: grade, on: approvedOn)
        guard reviewed.status == .ok, let id = try reviewed.json()["applicationId"] as? String else { return reviewed }
        return try await (client ?? context.client).post("/disability-subsidy-applications/\(id)/approval", json: #"{"on":"\#(approvedOn)"}"#)
    }

    static func steps(_ subsidy: [String: Any]) -> [String] {
        ((subsidy["amountSteps"] as? [[String: Any]]) ?? []).map { "\($0["from"] as? String ?? "?")=\($0["amountFen"] as? Int ?? -1)" }
    }

    @Test func aMemberOfA低保HouseholdIsGrantedBothSubsidiesOnceAndTheGrantsArePublished() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let household = try await Self.householdIn低保(context)
            let living = try await Self.grant(context, household: household, member: Self.severe, kind: "living", grade: 1)
            #expect(living.status == .created, "\(living.text)")
            let livingBody = try living.json()
            #expect(livingBody["basis"] as? String == "minimum-living-household")
            #expect(livingBody["monthlyAmountFen"] as? Int == 8_000)
            #expect(livingBody["firstMonth"] as? String == "2026-02")
            let nursing = try await Self.grant(context, household: household, member: Self.severe, kind: "nursing", grade: 1)
            #expect(nursing.status == .created, "\(nursing.text)")
            #expect(try nursing.json()["basis"] as? String == "severe-disability")

            let again = try await Self.grant(context, household: household, member: Self.severe, kind: "living", grade: 1)
            #expect(again.status == .conflict)
            #expect(again.problemCode == "disability-subsidy.already-granted")

            let id = try #require(livingBody["id"] as? String)
            let read = try await context.client.acting(as: [.auditor]).get("/disability-subsidies/\(id)")
            #expect(read.status == .ok, "\(read.text)")
            #expect(try read.json()["personRef"] as? String == AssistanceHarness.person(Self.severe).rawValue)
            let listed = try await context.client.get("/disability-subsidies?householdId=\(household)")
            #expect(((try listed.json()["subsidies"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String } == ["living", "nursing"])

            let events = try await context.published.events(ofType: DisabilitySubsidyGranted.eventType.rawValue, count: 2, settle: .seconds(1))
            let granted = try events.map { try $0.cloudEvent().decode(DisabilitySubsidyGranted.self) }
            #expect(granted.map(\.program.rawValue).sorted() == ["disability-living-subsidy", "disability-nursing-subsidy"])
            #expect(try granted.allSatisfy { try $0.person == AssistanceHarness.person(Self.severe) && $0.region.rawValue == "620423" })
            #expect(granted.map(\.monthlyAmount.fen).sorted() == [8_000, 10_000])
        }
    }

    @Test func refusalsCarryTheirCodesAndWriteNothing() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let household = try await Self.householdIn低保(context)
            // Grade 3 physical: no nursing subsidy; grade 3 intellectual before July 2023: not yet.
            let physical = try await Self.grant(context, household: household, member: Self.moderate, kind: "nursing", grade: 3)
            #expect(physical.status == .unprocessableContent)
            #expect(physical.problemCode == "disability-subsidy.nursing-not-eligible")
            let early = try await Self.grant(context, household: household, member: Self.moderate, kind: "nursing", type: "intellectual",
                                             grade: 3, firstMonth: "2023-06")
            #expect(early.problemCode == "disability-subsidy.nursing-not-yet-eligible")
            let mismatch = try await Self.grant(context, household: household, member: Self.moderate, kind: "living", grade: 2)
            #expect(mismatch.problemCode == "disability-subsidy.certificate-mismatch")
            let stranger = try await Self.grant(context, household: household, member: Self.outsider, kind: "living", grade: 1)
            #expect(stranger.problemCode == "disability-subsidy.member-not-in-household")
            // The county decides: another county's approver, or the township's intake, may not.
            let reviewed = try await Self.apply(context, household: household, member: Self.moderate, kind: "living", grade: 3, on: "2026-01-05")
            let pendingID = try #require(try reviewed.json()["applicationId"] as? String)
            let otherCounty = try await context.client.acting(as: [.approver], region: "620421")
                .post("/disability-subsidy-applications/\(pendingID)/approval", json: "{}")
            #expect(otherCounty.status == .forbidden)
            #expect(otherCounty.problemCode == "auth.outside-region")
            let intake = try await context.client.acting(as: [.intake], region: "620423100")
                .post("/disability-subsidy-applications/\(pendingID)/approval", json: "{}")
            #expect(intake.status == .forbidden)

            // A household neither in 低保 nor 低保边缘 (an application not yet decided): no living subsidy.
            let worker = Caseworker(context: context)
            let application = try await worker.apply(worker.applicationJSON(key: "pending", members: [
                .init(id: Self.outsider, workCapacity: "none", disabilityGrade: 2)]))
            let pending = try #require(try await context.client.get("/applications/\(application)").json()["householdId"] as? String)
            let none = try await Self.grant(context, household: pending, member: Self.outsider, kind: "living", grade: 2)
            #expect(none.problemCode == "disability-subsidy.living-not-eligible")
            // …but the nursing subsidy does not ask about the household.
            let nursing = try await Self.grant(context, household: pending, member: Self.outsider, kind: "nursing", grade: 2)
            #expect(nursing.status == .created, "\(nursing.text)")

            #expect(try await AssistanceHarness.scalar("SELECT count(*)::int FROM disability_subsidies", context.database) == 1)
        }
    }

    @Test func aNewAmountReRatesTheCountysSubsidiesOnceFromItsMonth() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let household = try await Self.householdIn低保(context)
            let living = try await Self.grant(context, household: household, member: Self.moderate, kind: "living", grade: 3)
            let id = try #require(try living.json()["id"] as? String)

            let july = try await DisabilitySubsidyStandardRouteTests.set(context, kind: "living", from: "2026-07", fen: 9_000)
            #expect(try july.json()["reratedSubsidies"] as? Int == 1)
            let again = try await DisabilitySubsidyStandardRouteTests.set(context, kind: "living", from: "2026-07", fen: 9_000)
            #expect(try again.json()["reratedSubsidies"] as? Int == 0)
            // A raise dated before July stops where July's starts; nursing amounts touch no living subsidy.
            let april = try await DisabilitySubsidyStandardRouteTests.set(context, kind: "living", from: "2026-04", fen: 8_500)
            #expect(try april.json()["reratedSubsidies"] as? Int == 1)
            let nursing = try await DisabilitySubsidyStandardRouteTests.set(context, kind: "nursing", from: "2026-04", fen: 11_000)
            #expect(try nursing.json()["reratedSubsidies"] as? Int == 0)

            let view = try await context.client.get("/disability-subsidies/\(id)").json()
            #expect(Self.steps(view) == ["2026-02=8000", "2026-04=8500", "2026-07=9000"])
        }
    }
}
