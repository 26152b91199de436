import Contracts
import ElderCareDomain
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// The waiting list's steps that move no bed: a declined offer frees the bed for the next
/// applicant and puts the decliner back in the queue; residence is confirmed after the trial
/// stay; an application is withdrawn before moving in. Refused steps change nothing.
@Suite("ElderCare waiting list: decline, residence, withdrawal", .tags(.postgres, .kafka), .serialized)
struct WaitingListStepTests {
    typealias F = PlacementFixtures

    func entry(_ id: String, _ context: ElderCareHarness.Context) async throws -> [String: Any] {
        try await F.caseworker(context).get("/waiting-list/\(id)").json()
    }

    @Test func aDeclinedOfferFreesTheBedForTheNextAndTheDeclinerIsQueuedAgain() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let home = try await F.institution(context, code: try F.publicBody(), general: (3, 2))
            let first = try ElderCareHarness.resident(born: "1940-02-02", sequence: 11)
            let second = try ElderCareHarness.resident(born: "1941-02-02", sequence: 23)
            for resident in [first, second] { try await F.assess(resident, context) }
            let firstEntry = try await F.apply(first, context)
            let secondEntry = try await F.apply(second, context)
            let client = try await F.caseworker(context)
            #expect(try await client.post("/waiting-list/\(firstEntry)/offer", json: F.offerJSON(home)).status == .ok)
            // The one free general bed is held by the first offer.
            #expect(try await client.post("/waiting-list/\(secondEntry)/offer", json: F.offerJSON(home)).problemCode == "institution.no-free-bed")

            let declined = try await client.post("/waiting-list/\(firstEntry)/decline", json: #"{"on":"2026-03-02"}"#)
            #expect(declined.status == .ok, "\(declined.text)")
            let after = try declined.json()
            #expect(after["state"] as? String == "queued")
            #expect(after["institutionId"] == nil)
            #expect(after["appliedOn"] as? String == "2026-03-02")
            // Back first in the queue (the application time is kept), so the second is not next yet.
            #expect(try await client.post("/waiting-list/\(secondEntry)/offer", json: F.offerJSON(home)).problemCode == "waiting-list.not-next")
            let withdrawn = try await client.post("/waiting-list/\(firstEntry)/withdrawal", json: "{}")
            #expect(withdrawn.status == .ok, "\(withdrawn.text)")
            #expect(try withdrawn.json()["state"] as? String == "withdrawn")
            #expect(try await client.post("/waiting-list/\(secondEntry)/offer", json: F.offerJSON(home)).status == .ok)
            #expect(try await F.beds(home, "general", context) == [3, 2])
            // Withdrawn is final.
            let again = try await client.post("/waiting-list/\(firstEntry)/decline", json: "{}")
            #expect(again.problemCode == "waiting-list.closed")
            #expect(again.status == .conflict)
        }
    }

    @Test func residenceIsConfirmedAfterAdmissionOnlyAndNotBeforeTheAdmissionDay() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let home = try await F.institution(context, code: try F.publicBody(), general: (3, 0))
            let elder = try ElderCareHarness.resident(born: "1940-02-02", sequence: 11)
            try await F.assess(elder, context)
            let id = try await F.apply(elder, context)
            let client = try await F.caseworker(context)
            let early = try await client.post("/waiting-list/\(id)/residence", json: "{}")
            #expect(early.problemCode == "waiting-list.transition-not-allowed")
            #expect(try await entry(id, context)["state"] as? String == "queued")
            #expect(try await client.post("/waiting-list/\(id)/offer", json: F.offerJSON(home)).status == .ok)
            #expect(try await client.post("/waiting-list/\(id)/admission", json: #"{"admittedOn":"2026-03-02"}"#).status == .ok)
            let backdated = try await client.post("/waiting-list/\(id)/residence", json: #"{"on":"2026-03-01"}"#)
            #expect(backdated.problemCode == "waiting-list.step-before-previous")
            let confirmed = try await client.post("/waiting-list/\(id)/residence", json: #"{"on":"2026-03-02"}"#)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            #expect(try confirmed.json()["state"] as? String == "resident")
            #expect(try await F.beds(home, "general", context) == [3, 1])
            // A resident cannot withdraw: they are discharged.
            #expect(try await client.post("/waiting-list/\(id)/withdrawal", json: "{}").problemCode == "waiting-list.transition-not-allowed")
            let discharged = try await client.post("/waiting-list/\(id)/discharge", json: #"{"reason":"left-voluntarily"}"#)
            #expect(discharged.status == .ok, "\(discharged.text)")
            #expect(try await F.beds(home, "general", context) == [3, 0])
        }
    }
}
