import Contracts
import ElderCareDomain
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// The Registry's deaths on the waiting list: an applicant leaves the list, a resident is
/// discharged and the bed freed — once, however often the event is delivered; an annulled death
/// puts the person back in the queue with their application time.
@Suite("ElderCare waiting list and deaths", .tags(.postgres, .kafka), .serialized)
struct WaitingListDeathTests {
    typealias F = PlacementFixtures

    func death(_ resident: ResidentID, on day: String = "2026-03-01") throws -> DeathRecorded {
        DeathRecorded(recordID: UUID(), person: try ElderCareHarness.person(resident), dateOfDeath: try CivilDate(iso: day),
                      region: try RegionCode(F.county), source: .hospital, recordedAt: Date())
    }

    @Test func aDeathDischargesAResidentAndRemovesAnApplicantExactlyOnce() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let home = try await F.institution(context, code: try F.publicBody(), general: (10, 2))
            let resident = try ElderCareHarness.resident(born: "1940-02-02", sequence: 11)
            let applicant = try ElderCareHarness.resident(born: "1941-02-02", sequence: 23)
            for person in [resident, applicant] { try await F.assess(person, context) }
            let residentEntry = try await F.apply(resident, context)
            let applicantEntry = try await F.apply(applicant, context)
            let client = try await F.caseworker(context)
            #expect(try await client.post("/waiting-list/\(residentEntry)/offer", json: F.offerJSON(home)).status == .ok)
            #expect(try await client.post("/waiting-list/\(residentEntry)/admission", json: "{}").status == .ok)
            #expect(try await F.beds(home, "general", context) == [10, 3])

            for person in [resident, applicant] {
                let event = try death(person, on: "2026-03-02")
                let id = UUID()
                try await ElderCareHarness.publish(event, id: id, from: .registry, on: context.kafka)
                try await ElderCareHarness.publish(event, id: id, from: .registry, on: context.kafka)
                _ = try await ElderCareHarness.handled(id, context)
            }
            #expect(try await F.beds(home, "general", context) == [10, 2])
            let residentState = try await client.get("/waiting-list/\(residentEntry)").json()["state"] as? String
            #expect(residentState == "discharged")
            let applicantState = try await client.get("/waiting-list/\(applicantEntry)").json()["state"] as? String
            #expect(applicantState == "removed")
            let counts = try await ElderCareHarness.publishedCounts([ResidentDischarged.eventType.rawValue: 1], context)
            #expect(counts[ResidentDischarged.eventType.rawValue] == 1)
            let message = try #require(try await context.published.events(ofType: ResidentDischarged.eventType.rawValue, count: 1).first)
            let discharged = try message.cloudEvent().decode(ResidentDischarged.self)
            #expect(discharged.reason == "death")
            #expect(discharged.dischargedOn.iso == "2026-03-02")
            #expect(discharged.causationEventID != nil)
        }
    }

    @Test func anAnnulledDeathPutsThePersonBackInTheQueueWithTheirApplicationTime() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let elder = try ElderCareHarness.resident(born: "1940-02-02", sequence: 11)
            let later = try ElderCareHarness.resident(born: "1941-02-02", sequence: 23)
            for person in [elder, later] { try await F.assess(person, context) }
            let entry = try await F.apply(elder, context)
            _ = try await F.apply(later, context)
            let died = try death(elder)
            let diedID = UUID()
            try await ElderCareHarness.publish(died, id: diedID, from: .registry, on: context.kafka)
            _ = try await ElderCareHarness.handled(diedID, context)
            let annulment = DeathRecordAnnulled(recordID: died.recordID, person: died.person, annulledDateOfDeath: died.dateOfDeath,
                                                annulledAt: Date(), reason: "recorded in error")
            let annulledID = UUID()
            try await ElderCareHarness.publish(annulment, id: annulledID, from: .registry, on: context.kafka)
            try await ElderCareHarness.publish(annulment, id: annulledID, from: .registry, on: context.kafka)
            _ = try await ElderCareHarness.handled(annulledID, context)
            let listed = try await F.caseworker(context).get("/waiting-list")
            let entries = try #require(try listed.json()["entries"] as? [[String: Any]])
            #expect(entries.compactMap { $0["entryId"] as? String }.first == entry.uppercased())
            #expect(entries.compactMap { $0["state"] as? String } == ["queued", "queued"])
        }
    }
}
