import Contracts
import ElderCareDomain
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// Assistance's 特困 grant for a registered elder of 60 or more: an application and an offer of a
/// bed for centralised support (集中供养), in the county's 敬老院 before its welfare home — once,
/// however often the grant is delivered; without a free bed the application waits first in line.
@Suite("ElderCare centralised-support offers", .tags(.postgres, .kafka), .serialized)
struct CentralisedSupportOfferTests {
    typealias F = PlacementFixtures

    func grant(_ people: [ResidentID]) throws -> BenefitGranted {
        BenefitGranted(caseID: UUID(), program: .extremePoverty, recipients: try people.map(ElderCareHarness.person),
                       region: try RegionCode(F.county), startsOn: try CivilDate(iso: "2026-03-01"), monthlyAmount: Money(yuan: 780),
                       causationEventID: nil)
    }

    /// Publishes the event twice with one id and waits until it was handled.
    func deliverTwice(_ event: BenefitGranted, _ context: ElderCareHarness.Context) async throws {
        let id = UUID()
        try await ElderCareHarness.publish(event, id: id, from: .assistance, on: context.kafka)
        try await ElderCareHarness.publish(event, id: id, from: .assistance, on: context.kafka)
        #expect(try await ElderCareHarness.handled(id, context) == 1)
    }

    func entries(_ context: ElderCareHarness.Context) async throws -> [[String: Any]] {
        let listed = try await F.caseworker(context).get("/waiting-list")
        return try #require(try listed.json()["entries"] as? [[String: Any]])
    }

    @Test func aDependentSeventyYearOldIsOfferedANursingBedInTheCountysSupportHomeExactlyOnce() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let welfareHome = try await F.institution(context, code: try F.publicBody(), nursing: (10, 2))
            let supportHome = try await F.institution(context, name: "景泰县芦阳镇敬老院", code: try F.publicBody("43900513"),
                                                      kind: "extreme-poverty-support", nursing: (4, 1), general: (6, 6))
            let elder = try ElderCareHarness.resident(born: "1956-02-02", sequence: 11)
            try await ElderRegistrations.register(elder, context)
            try await F.assess(elder, scores: F.severe, context)
            let unregistered = try ElderCareHarness.resident(born: "1950-05-05", sequence: 23)

            try await deliverTwice(try grant([elder, unregistered]), context)

            let listed = try await entries(context)
            #expect(listed.count == 1)
            let offered = try #require(listed.first)
            let person = try ElderCareHarness.person(elder).rawValue
            #expect(offered["personRef"] as? String == person)
            #expect(offered["state"] as? String == "offered")
            #expect(offered["centralisedSupport"] as? Bool == true)
            #expect(offered["institutionId"] as? String == supportHome.uppercased())
            #expect(offered["bedType"] as? String == "nursing")
            #expect(offered["priority"] as? String == "dependent-extreme-poverty")
            #expect(try await F.beds(welfareHome, "nursing", context) == [10, 2])
            let expected = [WaitingListJoined.eventType.rawValue: 1, PlacementOffered.eventType.rawValue: 1]
            let counts = try await ElderCareHarness.publishedCounts(expected, context)
            #expect(counts == expected)
        }
    }

    @Test func anUnassessedRecipientIsOfferedTheBedWhenTheAssessmentQueuesTheApplication() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            let supportHome = try await F.institution(context, name: "景泰县芦阳镇敬老院", code: try F.publicBody("43900513"),
                                                      kind: "extreme-poverty-support", nursing: (4, 1), general: (6, 2))
            let elder = try ElderCareHarness.resident(born: "1955-06-06", sequence: 17)
            try await ElderRegistrations.register(elder, context)

            try await deliverTwice(try grant([elder]), context)
            #expect(try await entries(context).map { $0["state"] as? String } == ["applied"])

            try await F.assess(elder, context)
            let listed = try await entries(context)
            #expect(listed.map { $0["state"] as? String } == ["offered"])
            #expect(listed.first?["centralisedSupport"] as? Bool == true)
            #expect(listed.first?["institutionId"] as? String == supportHome.uppercased())
            #expect(listed.first?["bedType"] as? String == "general")
            let expected = [WaitingListJoined.eventType.rawValue: 1, PlacementOffered.eventType.rawValue: 1]
            #expect(try await ElderCareHarness.publishedCounts(expected, context) == expected)
        }
    }

    @Test func withoutAFreeBedTheApplicationWaitsFirstInLine() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            _ = try await F.institution(context, code: try F.publicBody(), nursing: (10, 10), general: (5, 5))
            _ = try await F.institution(context, name: "民办康乐养老院", code: try F.socialOrganisation(), ownership: "private",
                                        kind: "care-home", general: (20, 0))
            let earlier = try ElderCareHarness.resident(born: "1940-02-02", sequence: 31)
            try await F.assess(earlier, context)
            _ = try await F.apply(earlier, context)
            let elder = try ElderCareHarness.resident(born: "1956-02-02", sequence: 11)
            try await ElderRegistrations.register(elder, context)
            try await F.assess(elder, context)

            try await deliverTwice(try grant([elder]), context)

            let listed = try await entries(context)
            let people = [try ElderCareHarness.person(elder).rawValue, try ElderCareHarness.person(earlier).rawValue]
            #expect(listed.compactMap { $0["personRef"] as? String } == people)
            #expect(listed.compactMap { $0["state"] as? String } == ["queued", "queued"])
            #expect(listed.first?["priority"] as? String == "extreme-poverty")
            let expected = [WaitingListJoined.eventType.rawValue: 2]
            let counts = try await ElderCareHarness.publishedCounts(expected, context)
            #expect(counts == expected)
            #expect(try await ElderCareHarness.scalar("SELECT count(*)::int FROM waiting_list WHERE state = 'offered'", context.database) == 0)
        }
    }

    @Test func anElderUnder60OrAnotherProgrammeGetsNothing() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            _ = try await F.institution(context, name: "景泰县芦阳镇敬老院", code: try F.publicBody(), kind: "extreme-poverty-support",
                                        general: (6, 0))
            let elder = try ElderCareHarness.resident(born: "1956-02-02", sequence: 11)
            try await ElderRegistrations.register(elder, context)
            var minimum = try grant([elder])
            minimum.program = .minimumLivingAllowance
            let id = UUID()
            try await ElderCareHarness.publish(minimum, id: id, from: .assistance, on: context.kafka)
            #expect(try await ElderCareHarness.handled(id, context) == 1)
            let young = try ElderCareHarness.resident(born: "1970-02-02", sequence: 41)
            try await deliverTwice(try grant([young]), context)
            #expect(try await F.count("waiting_list", context) == 0)
        }
    }

    @Test func theSummaryCountsDependentExtremePovertyEldersInCentralisedSupport() async throws {
        try await ElderCareHarness.with(today: "2026-03-02") { context in
            _ = try await F.institution(context, name: "景泰县芦阳镇敬老院", code: try F.publicBody(), kind: "extreme-poverty-support",
                                        nursing: (3, 2))
            let dependent = try (1...2).map { try ElderCareHarness.resident(born: "1950-0\($0)-02", sequence: 10 + $0) }
            let selfCaring = try ElderCareHarness.resident(born: "1952-02-02", sequence: 31)
            for person in dependent + [selfCaring] { try await ElderRegistrations.register(person, context) }
            for person in dependent { try await F.assess(person, scores: F.severe, context) }
            try await F.assess(selfCaring, context)
            try await deliverTwice(try grant(dependent + [selfCaring]), context)

            let offered = try await entries(context).filter { $0["state"] as? String == "offered" }
            #expect(offered.count == 1)
            let entry = try #require(offered.first?["entryId"] as? String)
            let admitted = try await F.caseworker(context).post("/waiting-list/\(entry)/admission", json: "{}")
            #expect(admitted.status == .ok, "\(admitted.text)")

            let summary = try await F.caseworker(context).get("/institutions/summary?region=620423")
            #expect(summary.status == .ok, "\(summary.text)")
            let share = try #require(try summary.json()["centralisedSupport"] as? [String: Any])
            #expect(share["count"] as? Int == 1)
            #expect(share["total"] as? Int == 2)
            #expect(share["perMille"] as? Int == 500)
            #expect(share["target"] as? String == "≥60%")
            #expect(share["met"] as? Bool == false)
        }
    }
}
