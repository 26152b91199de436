import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport

/// The register's reactions to the Registry's life events, exactly once under duplicate delivery:
/// a death closes the record and stops visits, a correction moves the date, an annulment
/// reinstates; a marriage, divorce or annulment puts 独居/空巢 up for review.
@Suite("ElderCare life-event reactions", .tags(.postgres, .kafka), .serialized)
struct ElderLifeEventTests {
    @Test func aDeathClosesTheRecordACorrectionMovesItAnAnnulmentReinstates() async throws {
        try await ElderCareHarness.with(today: "2026-03-10") { context in
            let id = try ElderCareHarness.resident(born: "1944-05-05", sequence: 19)
            let person = try await ElderRegistrations.register(id, context, registeredOn: "2026-01-05")
            let ref = try ElderCareHarness.person(id)
            let recordID = UUID()
            let death = DeathRecorded(recordID: recordID, person: ref, dateOfDeath: try CivilDate(iso: "2026-03-04"),
                                      region: try RegionCode(ElderCareHarness.county), source: .hospital, recordedAt: Date())
            let deathID = UUID()
            try await ElderCareHarness.publish(death, id: deathID, from: .registry, on: context.kafka)
            try await ElderCareHarness.publish(death, id: deathID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(deathID, context) == 1)
            var record = try await context.client.get("/elders/\(person)").json()
            #expect(record["status"] as? String == "deceased")
            #expect(record["dateOfDeath"] as? String == "2026-03-04")
            #expect(record["age"] as? Int == 81)
            let visitor = try await context.client.acting(as: [.visitor], region: ElderCareHarness.county)
            let visit = #"{"visitedOn":"2026-03-09","mode":"in-person","findings":"x"}"#
            #expect(try await visitor.post("/elders/\(person)/visits", json: visit).problemCode == "elder.deceased")
            #expect(try await visitor.get("/elders/\(person)/visits").json()["nextDue"] == nil)

            let correction = DeathRecordCorrected(recordID: recordID, person: ref, previousDateOfDeath: death.dateOfDeath,
                                                  dateOfDeath: try CivilDate(iso: "2026-03-02"), region: death.region, correctedAt: Date(),
                                                  reason: "医院出具更正证明")
            let correctionID = UUID()
            try await ElderCareHarness.publish(correction, id: correctionID, from: .registry, on: context.kafka)
            try await ElderCareHarness.publish(correction, id: correctionID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(correctionID, context) == 1)
            record = try await context.client.get("/elders/\(person)").json()
            #expect(record["dateOfDeath"] as? String == "2026-03-02")

            let annulment = DeathRecordAnnulled(recordID: recordID, person: ref, annulledDateOfDeath: correction.dateOfDeath, annulledAt: Date(),
                                                reason: "误报")
            let annulmentID = UUID()
            try await ElderCareHarness.publish(annulment, id: annulmentID, from: .registry, on: context.kafka)
            try await ElderCareHarness.publish(annulment, id: annulmentID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(annulmentID, context) == 1)
            record = try await context.client.get("/elders/\(person)").json()
            #expect(record["status"] as? String == "active")
            #expect(record["dateOfDeath"] == nil)
            #expect(try await visitor.post("/elders/\(person)/visits", json: visit).status == .created)
            // The death of someone not registered changes nothing.
            let strangerDeath = DeathRecorded(recordID: UUID(), person: try ElderCareHarness.person(try ElderCareHarness.resident(born: "1940-01-01", sequence: 99)),
                                              dateOfDeath: death.dateOfDeath, region: death.region, source: .community, recordedAt: Date())
            let strangerID = UUID()
            try await ElderCareHarness.publish(strangerDeath, id: strangerID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(strangerID, context) == 1)
            #expect(try await ElderCareHarness.scalar("SELECT count(*)::int FROM elders WHERE status = 'deceased'", context.database) == 0)
        }
    }

    @Test func aMarriageOfARegisteredPersonOpensOneReviewOfLivingAloneAndEmptyNest() async throws {
        try await ElderCareHarness.with(today: "2026-03-10") { context in
            let id = try ElderCareHarness.resident(born: "1950-05-05", sequence: 27)
            let person = try await ElderRegistrations.register(id, context)
            let partner = try ElderCareHarness.person(try ElderCareHarness.resident(born: "1952-05-05", sequence: 38))
            let marriage = MarriageRegistered(marriageID: UUID(), certificateNumber: "J620423-2026-000123", partyA: try ElderCareHarness.person(id),
                                              partyB: partner, office: "620423-01", region: try RegionCode(ElderCareHarness.county),
                                              registeredOn: try CivilDate(iso: "2026-03-09"))
            let eventID = UUID()
            try await ElderCareHarness.publish(marriage, id: eventID, from: .registry, on: context.kafka)
            try await ElderCareHarness.publish(marriage, id: eventID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(eventID, context) == 1)

            let caseworker = try await context.client.acting(as: [.caseworker], region: ElderCareHarness.county)
            let reviews = (try await caseworker.get("/category-reviews").json()["reviews"] as? [[String: Any]]) ?? []
            #expect(reviews.count == 1)
            let review = try #require(reviews.first)
            #expect(review["personRef"] as? String == person)
            #expect(review["categories"] as? [String] == ["living-alone", "empty-nest"])
            #expect(review["reason"] as? String == "marriage registered on 2026-03-09")
            let reviewID = try #require(review["reviewId"] as? String)
            let elsewhere = try await context.client.acting(as: [.caseworker], region: "620421")
            let theirs = (try await elsewhere.get("/category-reviews").json()["reviews"] as? [[String: Any]]) ?? []
            #expect(theirs.count == 0)
            #expect(try await elsewhere.post("/category-reviews/\(reviewID)/clearance", json: #"{"outcome":"x"}"#).problemCode
                    == "auth.outside-region")

            let cleared = try await caseworker.post("/category-reviews/\(reviewID)/clearance", json: #"{"outcome":"与配偶同住，独居不成立"}"#)
            #expect(cleared.status == .ok, "\(cleared.text)")
            #expect(try cleared.json()["status"] as? String == "cleared")
            #expect(try await caseworker.post("/category-reviews/\(reviewID)/clearance", json: #"{"outcome":"x"}"#).problemCode
                    == "category-review.already-cleared")
            #expect(((try await caseworker.get("/category-reviews").json()["reviews"] as? [[String: Any]]) ?? []).isEmpty)
            #expect(((try await caseworker.get("/category-reviews?status=all").json()["reviews"] as? [[String: Any]]) ?? []).count == 1)
        }
    }
}
