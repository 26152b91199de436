import Contracts
import Foundation
import HTTPTypes
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// The allowance follows the Registry's death records, exactly once: it stops from the month after
/// death, months paid past it are claimed back, a corrected date moves the claim, an annulment
/// cancels it and pays back what was withheld.
@Suite("Advanced-age allowance and deaths", .tags(.postgres, .kafka, .slow), .serialized)
struct AllowanceDeathTests {
    static let deathRecorded = "civil.eldercare.allowance-stopped.v1"

    static func death(_ person: PersonRef, on date: String) throws -> DeathRecorded {
        DeathRecorded(recordID: UUID(), person: person, dateOfDeath: try CivilDate(iso: date), region: try RegionCode(ElderCareHarness.county),
                      source: .hospital, recordedAt: Date())
    }

    static func claims(_ context: ElderCareHarness.Context) async throws -> [[String: Any]] {
        let finance = try await context.client.acting(as: [.finance], region: ElderCareHarness.county)
        let response = try await finance.get("/allowance-recovery-claims")
        #expect(response.status == .ok, "\(response.text)")
        return try #require(try response.json()["claims"] as? [[String: Any]])
    }

    @Test func aDeathReportedLateIsClaimedBackOnceACorrectionMovesTheClaimAndAnAnnulmentCancelsIt() async throws {
        try await ElderCareHarness.with(today: "2026-06-20") { context in
            #expect(try await AllowanceFixture.standard(context, from: "2026-01").status == .ok)
            let person = try await AllowanceFixture.register(born: "1940-05-05", sequence: 21, context)
            for month in ["2026-03", "2026-04", "2026-05", "2026-06"] { _ = try await AllowanceFixture.roster(month, context) }
            let allowance = try #require(try await AllowanceFixture.allowance(of: person, context))

            // Died 10 April: April is paid, May and June are claimed. Delivered twice: one claim.
            let died = try Self.death(person, on: "2026-04-10")
            let diedID = UUID()
            try await ElderCareHarness.publish(died, id: diedID, from: .registry, on: context.kafka)
            try await ElderCareHarness.publish(died, id: diedID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(diedID, context) == 1)
            let stopped = try await ElderCareHarness.publishedCounts([Self.deathRecorded: 1], context)
            #expect(stopped[Self.deathRecorded] == 1)
            var claims = try await Self.claims(context)
            #expect(claims.count == 1)
            #expect(claims.first?["allowanceId"] as? String == allowance.uuidString)
            #expect(claims.first?["months"] as? [String: Int] == ["2026-05": 10_000, "2026-06": 10_000])
            #expect(claims.first?["status"] as? String == "open")
            let event = try #require(try await context.published.events(ofType: Self.deathRecorded, count: 1).first)
            let stop = try event.cloudEvent().decode(AllowanceStopped.self)
            #expect(stop.firstUnpaidMonth.iso == "2026-05")
            #expect(stop.recoveryAmount == Money(fen: 20_000))

            // Corrected to 20 May: the claim is cancelled and June alone is claimed.
            let corrected = DeathRecordCorrected(recordID: died.recordID, person: person, previousDateOfDeath: died.dateOfDeath,
                                                 dateOfDeath: try CivilDate(iso: "2026-05-20"), region: died.region, correctedAt: Date(),
                                                 reason: "hospital record")
            let correctedID = UUID()
            try await ElderCareHarness.publish(corrected, id: correctedID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(correctedID, context) == 1)
            claims = try await Self.claims(context)
            #expect(Set(claims.map { "\($0["status"] ?? "") \($0["amountFen"] ?? "")" }) == ["cancelled 20000", "open 10000"])

            // Annulled: every claim is cancelled; nothing was withheld, so nothing is paid back.
            let annulled = DeathRecordAnnulled(recordID: died.recordID, person: person, annulledDateOfDeath: corrected.dateOfDeath,
                                               annulledAt: Date(), reason: "wrong person")
            let annulledID = UUID()
            try await ElderCareHarness.publish(annulled, id: annulledID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(annulledID, context) == 1)
            claims = try await Self.claims(context)
            #expect(claims.map { $0["status"] as? String } == ["cancelled", "cancelled"])
            let counts = try await ElderCareHarness.publishedCounts([Self.deathRecorded: 2, "civil.eldercare.allowance-resumed.v1": 1], context)
            #expect(counts == [Self.deathRecorded: 2, "civil.eldercare.allowance-resumed.v1": 1])
            #expect(try await AllowanceFixture.paid(person, context) == ["2026-03": 10_000, "2026-04": 10_000, "2026-05": 10_000, "2026-06": 10_000])
        }
    }

    @Test func anAnnulledDeathPaysBackTheMonthsTheRosterWithheld() async throws {
        try await ElderCareHarness.with(today: "2026-06-20") { context in
            #expect(try await AllowanceFixture.standard(context, from: "2026-01").status == .ok)
            let person = try await AllowanceFixture.register(born: "1940-05-05", sequence: 23, context)
            _ = try await AllowanceFixture.roster("2026-03", context)
            let died = try Self.death(person, on: "2026-03-10")
            let diedID = UUID()
            try await ElderCareHarness.publish(died, id: diedID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(diedID, context) == 1)
            // The register marks the elder deceased (its own reaction to the same event).
            try await AllowanceFixture.setDeath(person, "2026-03-10", context)
            _ = try await AllowanceFixture.roster("2026-04", context)
            _ = try await AllowanceFixture.roster("2026-05", context)
            #expect(try await AllowanceFixture.paid(person, context) == ["2026-03": 10_000])
            #expect(try await Self.claims(context).isEmpty)

            let annulled = DeathRecordAnnulled(recordID: died.recordID, person: person, annulledDateOfDeath: died.dateOfDeath,
                                               annulledAt: Date(), reason: "wrong person")
            let annulledID = UUID()
            try await ElderCareHarness.publish(annulled, id: annulledID, from: .registry, on: context.kafka)
            try await ElderCareHarness.publish(annulled, id: annulledID, from: .registry, on: context.kafka)
            #expect(try await ElderCareHarness.handled(annulledID, context) == 1)
            try await AllowanceFixture.setDeath(person, nil, context)
            let resumed = try #require(try await context.published.events(ofType: "civil.eldercare.allowance-resumed.v1", count: 1).first)
            let event = try resumed.cloudEvent().decode(AllowanceResumed.self)
            #expect(event.reason == .deathAnnulled)
            #expect(event.backPaidMonths.map(\.iso) == ["2026-04", "2026-05"])
            #expect(event.backPayAmount == Money(fen: 20_000))
            // June is paid by its roster; a re-run of May pays nothing more.
            _ = try await AllowanceFixture.roster("2026-06", context)
            _ = try await AllowanceFixture.roster("2026-05", context)
            #expect(try await AllowanceFixture.paid(person, context)
                    == ["2026-03": 10_000, "2026-04": 10_000, "2026-05": 10_000, "2026-06": 10_000])
            let counts = try await ElderCareHarness.publishedCounts(["civil.eldercare.allowance-resumed.v1": 1], context)
            #expect(counts["civil.eldercare.allowance-resumed.v1"] == 1)
        }
    }
}
