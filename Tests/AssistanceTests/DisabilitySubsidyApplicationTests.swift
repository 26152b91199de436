import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// Applications for the two subsidies through the one-door intake (`POST /disability-subsidy-applications`):
/// any township takes one in, the township reviews, the county approves or rejects; the intake's
/// idempotency, one undecided application per person and kind, and the events of each step.
@Suite("Disability subsidy applications through the one-door intake", .tags(.postgres, .kafka, .slow), .serialized)
struct DisabilitySubsidyApplicationTests {
    static var stranger: ResidentID { get throws { try AssistanceHarness.resident(born: "1968-08-08", sequence: 755) } }

    /// An application taken in by a township of another county (620421) for a person Assistance
    /// does not know, whose household registration is in 620423.
    static func declaredApplication(key: String, kind: String) throws -> String {
        let stranger = try Self.stranger
        return #"""
        {"idempotencyKey":"\#(key)","intakeRegion":"620421100","applicantResidentId":"\#(stranger.rawValue)","kind":"\#(kind)",
         "certificate":{"type":"physical","grade":1},
         "household":{"area":"rural","residence":[{"basis":"household-registration","region":"620423"}],
                      "members":[{"residentId":"\#(stranger.rawValue)","relation":"applicant","workCapacity":"none","disabilityGrade":1}]}}
        """#
    }

    @Test func anyTownshipTakesInAnApplicationAndTheCountyGrantsItOnce() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let submitted = try await context.client.post("/disability-subsidy-applications",
                                                          json: Self.declaredApplication(key: "window-1", kind: "nursing"))
            #expect(submitted.status == .created, "\(submitted.text)")
            let body = try submitted.json()
            let id = try #require(body["applicationId"] as? String)
            #expect(body["state"] as? String == "submitted")
            #expect(body["region"] as? String == "620423")
            #expect(body["intakeRegion"] as? String == "620421100")
            #expect(try body["applicantRef"] as? String == AssistanceHarness.person(Self.stranger).rawValue)

            // The same key again: the first application (200); another key for the same subsidy: 409.
            let repeated = try await context.client.post("/disability-subsidy-applications",
                                                         json: Self.declaredApplication(key: "window-1", kind: "nursing"))
            #expect(repeated.status == .ok)
            #expect(try repeated.json()["applicationId"] as? String == id)
            let second = try await context.client.post("/disability-subsidy-applications",
                                                       json: Self.declaredApplication(key: "window-2", kind: "nursing"))
            #expect(second.status == .conflict)
            #expect(second.problemCode == "disability-subsidy-application.already-open")
            // The declared household is in neither 低保 nor 低保边缘: no living subsidy, refused at the window.
            let living = try await context.client.post("/disability-subsidy-applications",
                                                       json: Self.declaredApplication(key: "window-3", kind: "living"))
            #expect(living.status == .unprocessableContent)
            #expect(living.problemCode == "disability-subsidy.living-not-eligible")

            // A household named both ways, or neither, is refused before anything is read.
            let neither = try await context.client.post("/disability-subsidy-applications", json: #"""
                {"idempotencyKey":"window-4","intakeRegion":"620421100","applicantResidentId":"\#(Self.stranger.rawValue)","kind":"nursing",
                 "certificate":{"type":"physical","grade":1}}
                """#)
            #expect(neither.status == .badRequest)
            #expect(neither.problemCode == "disability-subsidy-application.household-missing")

            // The county cannot decide before the township's review.
            let approver = try await context.client.acting(as: [.approver], region: "620423")
            let early = try await approver.post("/disability-subsidy-applications/\(id)/approval", json: "{}")
            #expect(early.status == .conflict)
            #expect(early.problemCode == "application.invalid-transition")
            let township = try await context.client.acting(as: [.intake], region: "620421100")
            let reviewed = try await township.post("/disability-subsidy-applications/\(id)/township-review",
                                                   json: #"{"notes":"残疾人证原件已核，一级肢体"}"#)
            #expect(reviewed.status == .ok, "\(reviewed.text)")
            #expect(try reviewed.json()["state"] as? String == "township-reviewed")

            // No amount set in the county yet: the approval is refused and changes nothing.
            let noAmount = try await approver.post("/disability-subsidy-applications/\(id)/approval", json: "{}")
            #expect(noAmount.problemCode == "disability-standard.missing")
            #expect(try await context.client.get("/disability-subsidy-applications/\(id)").json()["state"] as? String == "township-reviewed")

            let set = try await DisabilitySubsidyStandardRouteTests.set(context, kind: "nursing", from: "2026-01", fen: 10_000)
            #expect(set.status == .ok, "\(set.text)")
            let approved = try await approver.post("/disability-subsidy-applications/\(id)/approval", json: "{}")
            #expect(approved.status == .created, "\(approved.text)")
            let subsidy = try approved.json()
            #expect(subsidy["firstMonth"] as? String == "2026-02")
            #expect(subsidy["basis"] as? String == "severe-disability")
            #expect(subsidy["monthlyAmountFen"] as? Int == 10_000)
            let again = try await approver.post("/disability-subsidy-applications/\(id)/approval", json: "{}")
            #expect(again.problemCode == "application.already-decided")

            let read = try await context.client.get("/disability-subsidy-applications/\(id)").json()
            #expect(read["state"] as? String == "granted")
            #expect(read["subsidyId"] as? String == subsidy["id"] as? String)
            #expect(read["firstMonth"] as? String == "2026-02")
            #expect(read["reviewNotes"] as? String == "残疾人证原件已核，一级肢体")

            let submittedEvents = try await context.published.events(ofType: DisabilitySubsidyApplicationSubmitted.eventType.rawValue,
                                                                     count: 1, settle: .seconds(1))
            let intake = try #require(try submittedEvents.first?.cloudEvent().decode(DisabilitySubsidyApplicationSubmitted.self))
            #expect(submittedEvents.count == 1)
            #expect("\(intake.program.rawValue) \(intake.region) \(intake.intakeRegion) \(intake.submittedOn)"
                    == "disability-nursing-subsidy 620423 620421100 2026-01-05")
            let grants = try await context.published.events(ofType: DisabilitySubsidyGranted.eventType.rawValue, count: 1, settle: .seconds(1))
            let granted = try #require(try grants.first?.cloudEvent().decode(DisabilitySubsidyGranted.self))
            #expect(grants.count == 1)
            #expect(granted.applicationID?.uuidString.lowercased() == id.lowercased())
            #expect(try granted.person == AssistanceHarness.person(Self.stranger))
        }
    }

    @Test func theCountyRejectsWithAReasonAndThePersonMayApplyAgain() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let household = try await DisabilitySubsidyGrantRouteTests.householdIn低保(context)
            let moderate = try DisabilitySubsidyGrantRouteTests.moderate
            let reviewed = try await DisabilitySubsidyGrantRouteTests.apply(context, household: household, member: moderate, kind: "living",
                                                                            grade: 3, on: "2026-01-05")
            let id = try #require(try reviewed.json()["applicationId"] as? String)
            let approver = try await context.client.acting(as: [.approver], region: "620423")
            let noReason = try await approver.post("/disability-subsidy-applications/\(id)/rejection", json: #"{"reasonCode":"x","reason":" "}"#)
            #expect(noReason.problemCode == "request.invalid-reason")
            let rejected = try await approver.post("/disability-subsidy-applications/\(id)/rejection",
                                                   json: #"{"reasonCode":"certificate-expired","reason":"残疾人证已过有效期，请换证后再申请","on":"2026-01-09"}"#)
            #expect(rejected.status == .ok, "\(rejected.text)")
            let view = try rejected.json()
            #expect(view["state"] as? String == "rejected")
            #expect(view["rejectionCode"] as? String == "certificate-expired")
            #expect(view["rejectionReason"] as? String == "残疾人证已过有效期，请换证后再申请")
            let late = try await approver.post("/disability-subsidy-applications/\(id)/approval", json: "{}")
            #expect(late.problemCode == "application.already-decided")

            let events = try await context.published.events(ofType: DisabilitySubsidyApplicationRejected.eventType.rawValue, count: 1,
                                                             settle: .seconds(1))
            let refusal = try #require(try events.first?.cloudEvent().decode(DisabilitySubsidyApplicationRejected.self))
            #expect("\(refusal.program.rawValue) \(refusal.region) \(refusal.reasonCode) \(refusal.rejectedOn)"
                    == "disability-living-subsidy 620423 certificate-expired 2026-01-09")
            #expect(try await AssistanceHarness.scalar("SELECT count(*)::int FROM disability_subsidies", context.database) == 0)

            // A decided application no longer blocks a new one.
            let anew = try await DisabilitySubsidyGrantRouteTests.grant(context, household: household, member: moderate, kind: "living", grade: 3)
            #expect(anew.status == .created, "\(anew.text)")
        }
    }
}
