import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// The Registry's deaths reach the disability subsidies as they reach 低保 cases: a stop from the
/// month after, recovery of months paid past it (`disability-subsidy-recovery-opened`), a corrected
/// date moving it, an annulment resuming it with back-pay (`disability-subsidy-resumed`) — exactly
/// once under duplicate delivery.
@Suite("Disability subsidies follow the Registry's deaths", .tags(.postgres, .kafka, .slow), .serialized)
struct DisabilitySubsidyDeathTests {
    let severe: ResidentID

    init() throws {
        severe = try DisabilitySubsidyGrantRouteTests.severe
    }

    /// Both subsidies granted from February to the grade-1 member and paid February to April;
    /// returns the living subsidy's id.
    func livingPaidThroughApril(_ context: AssistanceHarness.Context) async throws -> String {
        let household = try await DisabilitySubsidyGrantRouteTests.householdIn低保(context)
        var living = ""
        for kind in ["living", "nursing"] {
            let granted = try await DisabilitySubsidyGrantRouteTests.grant(context, household: household, member: severe, kind: kind, grade: 1)
            #expect(granted.status == .created, "\(granted.text)")
            if kind == "living" { living = try #require(try granted.json()["id"] as? String) }
        }
        for month in ["2026-02", "2026-03", "2026-04"] {
            #expect(try await DisabilitySubsidyRosterTests.roster(context, month).json()["paid"] as? Int == 2)
        }
        return living
    }

    func view(_ id: String, _ context: AssistanceHarness.Context) async throws -> [String: Any] {
        try await context.client.get("/disability-subsidies/\(id)").json()
    }

    func status(of id: String, becomes expected: String, _ context: AssistanceHarness.Context) async throws -> String? {
        try await eventually { try await view(id, context)["status"] as? String } until: { $0 == expected }
    }

    func death(on date: String, recordID: UUID) throws -> DeathRecorded {
        try DeathRecorded(recordID: recordID, person: AssistanceHarness.person(severe), dateOfDeath: CivilDate(iso: date),
                          region: AssistanceHarness.jingtai, source: .hospital, recordedAt: Date())
    }

    @Test func aLateDeathStopsEachSubsidyOnceClaimsThePaidMonthsAndAnAnnulmentResumesWithBackPay() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let living = try await livingPaidThroughApril(context)
            context.clock.set(try CivilDate(iso: "2026-05-03"))
            // Died on 20 February, reported in May; the same event arrives twice.
            let recordID = UUID()
            let eventID = UUID()
            let died = try death(on: "2026-02-20", recordID: recordID)
            try await AssistanceHarness.publish(died, id: eventID, from: .registry, on: context.kafka)
            try await AssistanceHarness.publish(died, id: eventID, from: .registry, on: context.kafka)
            #expect(try await status(of: living, becomes: "stopped", context) == "stopped")
            #expect(try await AssistanceHarness.sentinelHandled(after: died, context) == 1)
            let stopped = try await view(living, context)
            #expect(stopped["stoppedFrom"] as? String == "2026-03")
            #expect(stopped["diedOn"] as? String == "2026-02-20")
            let claims = (stopped["recoveryClaims"] as? [[String: Any]]) ?? []
            #expect(claims.map { $0["amountFen"] as? Int } == [2 * 8_000])
            #expect((claims.first?["months"] as? [String: Int])?.keys.sorted() == ["2026-03", "2026-04"])
            #expect(try await DisabilitySubsidyRosterTests.roster(context, "2026-05").json()["paid"] as? Int == 0)

            // Annulled (wrong person): both resume, the claims are cancelled, May is back-paid, June paid by the roster.
            // The annulment too arrives twice.
            let annulled = try DeathRecordAnnulled(recordID: recordID, person: AssistanceHarness.person(severe),
                                                   annulledDateOfDeath: try CivilDate(iso: "2026-02-20"), annulledAt: Date(), reason: "wrong person")
            let annulmentID = UUID()
            try await AssistanceHarness.publish(annulled, id: annulmentID, from: .registry, on: context.kafka)
            try await AssistanceHarness.publish(annulled, id: annulmentID, from: .registry, on: context.kafka)
            #expect(try await status(of: living, becomes: "active", context) == "active")
            let resumed = try await view(living, context)
            #expect(((resumed["recoveryClaims"] as? [[String: Any]]) ?? []).map { "\($0["reason"] as? String ?? "?") \($0["status"] as? String ?? "?")" }
                    == ["death cancelled"])
            #expect(((resumed["backPayments"] as? [[String: Any]]) ?? []).map { "\($0["month"] as? String ?? "?")=\($0["amountFen"] as? Int ?? -1)" }
                    == ["2026-05=8000"])
            #expect(try await DisabilitySubsidyRosterTests.roster(context, "2026-05").json()["paid"] as? Int == 0)
            #expect(try await DisabilitySubsidyRosterTests.roster(context, "2026-06").json()["paid"] as? Int == 2)

            #expect(try await AssistanceHarness.sentinelHandled(after: annulled, context) == 1)

            // One stop, one claim and one resumption per subsidy despite the duplicates.
            let expected = [DisabilitySubsidyStopped.eventType.rawValue: 2, DisabilitySubsidyRecoveryOpened.eventType.rawValue: 2,
                            DisabilitySubsidyResumed.eventType.rawValue: 2]
            #expect(try await AssistanceHarness.publishedCounts(expected, context) == expected)
            let claimEvents = try await context.published.events(ofType: DisabilitySubsidyRecoveryOpened.eventType.rawValue, count: 2)
            let opened = try claimEvents.map { try $0.cloudEvent().decode(DisabilitySubsidyRecoveryOpened.self) }
            #expect(opened.map { "\($0.program.rawValue) \($0.reason.rawValue) \($0.dateOfDeath?.iso ?? "-") \($0.months.map(\.iso)) \($0.amount.fen)" }.sorted()
                    == ["disability-living-subsidy death 2026-02-20 [\"2026-03\", \"2026-04\"] 16000",
                        "disability-nursing-subsidy death 2026-02-20 [\"2026-03\", \"2026-04\"] 20000"])
            #expect(opened.allSatisfy { $0.causationEventID == eventID && $0.effectiveFrom == nil })
            let resumptions = try await context.published.events(ofType: DisabilitySubsidyResumed.eventType.rawValue, count: 2)
            let resumedEvents = try resumptions.map { try $0.cloudEvent().decode(DisabilitySubsidyResumed.self) }
            #expect(resumedEvents.map { "\($0.program.rawValue) \($0.resumedFrom.iso) \($0.backPaidMonths.map(\.iso)) \($0.backPayAmount.fen)" }.sorted()
                    == ["disability-living-subsidy 2026-03 [\"2026-05\"] 8000", "disability-nursing-subsidy 2026-03 [\"2026-05\"] 10000"])
            #expect(resumedEvents.allSatisfy { $0.causationEventID == annulmentID && $0.lastMonth == nil })
            let events = try await context.published.events(ofType: DisabilitySubsidyStopped.eventType.rawValue, count: 2)
            let stops = try events.map { try $0.cloudEvent().decode(DisabilitySubsidyStopped.self) }
            #expect(stops.map { "\($0.reason.rawValue) \($0.lastPaidMonth.iso)" } == ["death 2026-02", "death 2026-02"])
            #expect(stops.allSatisfy { $0.causationEventID == eventID })
            #expect(try await AssistanceHarness.scalar(
                "SELECT count(*)::int FROM roster_recovery_claims WHERE program LIKE 'disability-%'", context.database) == 2)
        }
    }

    @Test func aCorrectedDateMovesTheStopAndTheClaim() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let living = try await livingPaidThroughApril(context)
            context.clock.set(try CivilDate(iso: "2026-05-03"))
            let recordID = UUID()
            try await AssistanceHarness.publish(try death(on: "2026-02-20", recordID: recordID), from: .registry, on: context.kafka)
            #expect(try await status(of: living, becomes: "stopped", context) == "stopped")
            // Corrected to 25 March: March was due after all; only April is overpaid.
            try await AssistanceHarness.publish(
                DeathRecordCorrected(recordID: recordID, person: AssistanceHarness.person(severe),
                                     previousDateOfDeath: try CivilDate(iso: "2026-02-20"), dateOfDeath: try CivilDate(iso: "2026-03-25"),
                                     region: AssistanceHarness.jingtai, correctedAt: Date(), reason: "certificate says 25 March"),
                from: .registry, on: context.kafka)
            let stoppedFrom = try await eventually { try await view(living, context)["stoppedFrom"] as? String } until: { $0 == "2026-04" }
            #expect(stoppedFrom == "2026-04")
            let claims = (try await view(living, context)["recoveryClaims"] as? [[String: Any]]) ?? []
            let open = claims.filter { $0["status"] as? String == "open" }
            #expect(open.compactMap { $0["months"] as? [String: Int] } == [["2026-04": 8_000]])
            #expect(claims.filter { $0["status"] as? String == "cancelled" }.count == 1)
            let events = try await context.published.events(ofType: DisabilitySubsidyStopped.eventType.rawValue, count: 4, settle: .seconds(1))
            let stops = try events.map { try $0.cloudEvent().decode(DisabilitySubsidyStopped.self) }
            #expect(stops.map(\.lastPaidMonth.iso).sorted() == ["2026-02", "2026-02", "2026-03", "2026-03"])
            // The death's claims (March and April) and the corrected date's (April), one event each per subsidy.
            let claimEvents = try await context.published.events(ofType: DisabilitySubsidyRecoveryOpened.eventType.rawValue, count: 4,
                                                                 settle: .seconds(1))
            let opened = try claimEvents.map { try $0.cloudEvent().decode(DisabilitySubsidyRecoveryOpened.self) }
            #expect(opened.map { "\($0.dateOfDeath?.iso ?? "-") \($0.months.map(\.iso))" }.sorted()
                    == ["2026-02-20 [\"2026-03\", \"2026-04\"]", "2026-02-20 [\"2026-03\", \"2026-04\"]",
                        "2026-03-25 [\"2026-04\"]", "2026-03-25 [\"2026-04\"]"])
        }
    }
}
