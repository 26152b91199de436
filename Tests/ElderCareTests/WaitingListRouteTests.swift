import Contracts
import ElderCareDomain
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// The waiting list for public institutions (公建养老机构入住轮候) on the real service: application,
/// priority order with the latest assessment, offer, admission and discharge with the bed's
/// occupancy; refusals write nothing.
@Suite("ElderCare waiting list", .tags(.postgres, .kafka), .serialized)
struct WaitingListRouteTests {
    typealias F = PlacementFixtures

    func state(_ entry: String, _ context: ElderCareHarness.Context) async throws -> String? {
        try await F.caseworker(context).get("/waiting-list/\(entry)").json()["state"] as? String
    }

    @Test func anApplicantIsQueuedByAnAssessmentOfferedAdmittedAndDischarged() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let home = try await F.institution(context, code: try F.publicBody(), nursing: (10, 9), general: (10, 2))
            let elder = try ElderCareHarness.resident(born: "1940-02-02", sequence: 11)
            let entry = try await F.apply(elder, context)
            #expect(try await state(entry, context) == "applied")
            let client = try await F.caseworker(context)
            #expect(try await client.post("/waiting-list/\(entry)/offer", json: F.offerJSON(home)).problemCode
                    == "waiting-list.transition-not-allowed")
            try await F.assess(elder, scores: F.severe, context)
            #expect(try await state(entry, context) == "queued")

            let offered = try await client.post("/waiting-list/\(entry)/offer", json: F.offerJSON(home, bed: "nursing"))
            #expect(offered.status == .ok, "\(offered.text)")
            #expect(try offered.json()["state"] as? String == "offered")
            let admitted = try await client.post("/waiting-list/\(entry)/admission", json: "{}")
            #expect(admitted.status == .ok, "\(admitted.text)")
            #expect(try await F.beds(home, "nursing", context) == [10, 10])
            // A bed report may not put fewer people in the nursing beds than the list placed there.
            let under = try await client.put("/institutions/\(home)/beds", json: F.bedsJSON(nursing: (10, 0), general: (10, 2)))
            #expect(under.problemCode == "institution.occupancy-below-placements")
            let discharged = try await client.post("/waiting-list/\(entry)/discharge", json: #"{"reason":"left-voluntarily"}"#)
            #expect(discharged.status == .ok, "\(discharged.text)")
            #expect(try await F.beds(home, "nursing", context) == [10, 9])
            #expect(try await client.post("/waiting-list/\(entry)/discharge", json: #"{"reason":"left-voluntarily"}"#).status == .conflict)

            let expected = [WaitingListJoined.eventType.rawValue: 1, PlacementOffered.eventType.rawValue: 1,
                            ResidentAdmitted.eventType.rawValue: 1, ResidentDischarged.eventType.rawValue: 1]
            #expect(try await ElderCareHarness.publishedCounts(expected, context) == expected)
            let message = try #require(try await context.published.events(ofType: ResidentAdmitted.eventType.rawValue, count: 1).first)
            let event = try message.cloudEvent().decode(ResidentAdmitted.self)
            #expect(event.priority == "general")
            #expect(event.bed == .nursing)
            #expect(event.person == (try ElderCareHarness.person(elder)))
        }
    }

    @Test func theQueueIsInPriorityOrderAndABedGoesToTheFirst() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let home = try await F.institution(context, code: try F.publicBody(), general: (10, 2))
            let general = try ElderCareHarness.resident(born: "1940-02-02", sequence: 11)
            let group = try ElderCareHarness.resident(born: "1941-02-02", sequence: 23)
            let poor = try ElderCareHarness.resident(born: "1942-02-02", sequence: 35)
            let dependent = try ElderCareHarness.resident(born: "1943-02-02", sequence: 47)
            for resident in [general, group, poor, dependent] { try await F.assess(resident, context) }
            let generalEntry = try await F.apply(general, context)
            _ = try await F.apply(group, categories: ["economic-hardship", "empty-nest"], context)
            _ = try await F.apply(poor, categories: ["extreme-poverty"], context)
            let dependentEntry = try await F.apply(dependent, categories: ["extreme-poverty"], context)
            // The latest assessment decides: 重度失能 makes the last 特困 applicant first.
            try await F.assess(dependent, scores: F.severe, context)

            let listed = try await F.caseworker(context).get("/waiting-list?region=620423")
            #expect(listed.status == .ok, "\(listed.text)")
            let entries = try #require(try listed.json()["entries"] as? [[String: Any]])
            #expect(entries.compactMap { $0["priority"] as? String }
                    == ["dependent-extreme-poverty", "extreme-poverty", "priority-group", "general"])
            #expect(entries.compactMap { $0["personRef"] as? String }
                    == (try [dependent, poor, group, general].map { try ElderCareHarness.person($0).rawValue }))
            #expect(entries.compactMap { $0["position"] as? Int } == [1, 2, 3, 4])

            let client = try await F.caseworker(context)
            let outOfTurn = try await client.post("/waiting-list/\(generalEntry)/offer", json: F.offerJSON(home))
            #expect(outOfTurn.problemCode == "waiting-list.not-next")
            #expect(outOfTurn.status == .conflict)
            #expect(try await client.post("/waiting-list/\(dependentEntry)/offer", json: F.offerJSON(home)).status == .ok)
            #expect(try await F.count("waiting_list WHERE state = 'offered'", context) == 1)
        }
    }

    @Test func anOfferNeedsAPublicInstitutionAndABedNoOtherOfferHolds() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let home = try await F.institution(context, code: try F.publicBody(), general: (3, 2))
            let privateHome = try await F.institution(context, name: "康乐养老院", code: try F.socialOrganisation(), ownership: "private",
                                                      kind: "care-home", general: (5, 0))
            let first = try ElderCareHarness.resident(born: "1940-02-02", sequence: 11)
            let second = try ElderCareHarness.resident(born: "1941-02-02", sequence: 23)
            for resident in [first, second] { try await F.assess(resident, context) }
            let firstEntry = try await F.apply(first, context)
            let secondEntry = try await F.apply(second, context)
            let client = try await F.caseworker(context)
            #expect(try await client.post("/waiting-list/\(firstEntry)/offer", json: F.offerJSON(privateHome)).problemCode
                    == "waiting-list.institution-not-public")
            #expect(try await client.post("/waiting-list/\(firstEntry)/offer", json: F.offerJSON(home, bed: "nursing")).problemCode
                    == "institution.no-free-bed")
            #expect(try await client.post("/waiting-list/\(firstEntry)/offer", json: F.offerJSON(home)).status == .ok)
            // The one free general bed is held by the first offer.
            let held = try await client.post("/waiting-list/\(secondEntry)/offer", json: F.offerJSON(home))
            #expect(held.problemCode == "institution.no-free-bed")
            #expect(try await state(secondEntry, context) == "queued")
            let neighbour = try await F.caseworker(context, region: F.otherCounty)
            #expect(try await neighbour.post("/waiting-list/\(secondEntry)/offer", json: F.offerJSON(home)).problemCode == "auth.outside-region")
        }
    }

    @Test func anApplicantUnder60OrWithAnOpenApplicationIsRefused() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let young = try ElderCareHarness.resident(born: "1966-03-03", sequence: 11)
            let refused = try await F.caseworker(context).post("/waiting-list", json: F.applicationJSON(young))
            #expect(refused.problemCode == "waiting-list.under-60")
            #expect(refused.status == .unprocessableContent)
            let elder = try ElderCareHarness.resident(born: "1940-02-02", sequence: 23)
            _ = try await F.apply(elder, context)
            let again = try await F.caseworker(context).post("/waiting-list", json: F.applicationJSON(elder))
            #expect(again.problemCode == "waiting-list.already-open")
            let unknown = try await F.caseworker(context).post("/waiting-list", json: F.applicationJSON(elder, categories: ["rich"]))
            #expect(unknown.problemCode == "request.invalid-categories")
            #expect(try await F.count("waiting_list", context) == 1)
            #expect(try await F.caseworker(context).get("/waiting-list/\(UUID())").problemCode == "waiting-list.not-found")
        }
    }
}
