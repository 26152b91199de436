import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport

/// Registration is for the living: someone whose death the Registry recorded (and did not annul)
/// is refused with `elder.recorded-dead` and nothing is written; after an annulment they register.
@Suite("ElderCare registration after a recorded death", .tags(.postgres, .kafka), .serialized)
struct RegistrationAfterDeathTests {
    @Test func aRecordedDeathRefusesRegistrationUntilAnnulled() async throws {
        try await ElderCareHarness.with(today: "2026-03-10") { context in
            let id = try ElderCareHarness.resident(born: "1941-07-07", sequence: 51)
            let ref = try ElderCareHarness.person(id)
            let recordID = UUID()
            let death = DeathRecorded(recordID: recordID, person: ref, dateOfDeath: try CivilDate(iso: "2026-03-04"),
                                      region: try RegionCode(ElderCareHarness.county), source: .hospital, recordedAt: Date())
            let deathID = UUID()
            try await ElderCareHarness.publish(death, id: deathID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(deathID, context) == 1)

            let refused = try await context.client.post("/elders", json: ElderRegistrations.json(id))
            #expect(refused.status == .unprocessableContent, "\(refused.text)")
            #expect(refused.problemCode == "elder.recorded-dead")
            #expect(try await ElderCareHarness.scalar("SELECT count(*)::int FROM elders", context.database) == 0)

            let annulment = DeathRecordAnnulled(recordID: recordID, person: ref, annulledDateOfDeath: death.dateOfDeath, annulledAt: Date(),
                                                reason: "reported under the wrong resident ID number")
            let annulmentID = UUID()
            try await ElderCareHarness.publish(annulment, id: annulmentID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(annulmentID, context) == 1)
            let registered = try await context.client.post("/elders", json: ElderRegistrations.json(id))
            #expect(registered.status == .created, "\(registered.text)")
        }
    }
}
