import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// `POST /disability-subsidy-rosters`: the two subsidies paid by the shared roster, a scheme of
/// their own beside the 低保 roster; a re-run pays nobody twice.
@Suite("Disability subsidies paid by the roster", .tags(.postgres, .kafka, .slow), .serialized)
struct DisabilitySubsidyRosterTests {
    static func roster(_ context: AssistanceHarness.Context, _ month: String) async throws -> TestResponse {
        try await context.client.post("/disability-subsidy-rosters", json: #"{"region":"620423","month":"\#(month)"}"#)
    }

    @Test func aMonthsRosterPaysEachSubsidyOnceWithItsEventsAndLeavesThe低保RosterAlone() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let household = try await DisabilitySubsidyGrantRouteTests.householdIn低保(context)
            let severe = try DisabilitySubsidyGrantRouteTests.severe
            for kind in ["living", "nursing"] {
                let granted = try await DisabilitySubsidyGrantRouteTests.grant(context, household: household, member: severe, kind: kind, grade: 1)
                #expect(granted.status == .created, "\(granted.text)")
            }
            let january = try await Self.roster(context, "2026-01")  // before the first month: nobody
            #expect(try january.json()["paid"] as? Int == 0)

            let february = try await Self.roster(context, "2026-02")
            #expect(february.status == .created, "\(february.text)")
            let body = try february.json()
            // The fields DisabilitySubsidyRosterSummary documents, the count named `paid`.
            #expect(Set(body.keys) == ["rosterId", "region", "month", "paid", "totalFen", "skipped", "programs", "earlierRosters"])
            #expect(Set(((body["programs"] as? [[String: Any]]) ?? []).flatMap(\.keys)) == ["program", "paid", "totalFen"])
            #expect(body["paid"] as? Int == 2)
            #expect(body["totalFen"] as? Int == 18_000)
            let programs = ((body["programs"] as? [[String: Any]]) ?? []).map { "\($0["program"] as? String ?? "?")=\($0["totalFen"] as? Int ?? -1)" }
            #expect(programs.sorted() == ["disability-living-subsidy=8000", "disability-nursing-subsidy=10000"])

            let rerun = try await Self.roster(context, "2026-02")
            #expect(rerun.status == .ok, "\(rerun.text)")
            #expect(try rerun.json()["paid"] as? Int == 0)

            // The 低保 roster pays the household's case only, and the subsidies' roster did not touch it.
            let dibao = try await Caseworker(context: context).roster("2026-02")
            #expect(dibao["households"] as? Int == 1)
            // The fields RosterSummary documents, the count named `households`.
            #expect(Set(dibao.keys) == ["rosterId", "region", "month", "households", "totalFen", "skipped", "programs", "earlierRosters"])
            #expect(Set(((dibao["programs"] as? [[String: Any]]) ?? []).flatMap(\.keys)) == ["program", "households", "totalFen"])

            let paid = try await context.published.events(ofType: DisabilitySubsidyPaid.eventType.rawValue, count: 2, settle: .seconds(2))
            let payments = try paid.map { try $0.cloudEvent().decode(DisabilitySubsidyPaid.self) }
            #expect(payments.count == 2)
            #expect(payments.map { "\($0.program.rawValue) \($0.month.iso) \($0.amount.fen) \($0.area?.rawValue ?? "-")" }.sorted()
                    == ["disability-living-subsidy 2026-02 8000 urban", "disability-nursing-subsidy 2026-02 10000 urban"])
            #expect(try payments.allSatisfy { try $0.person == AssistanceHarness.person(severe) && $0.region.rawValue == "620423" })
            let rosters = try await context.published.events(ofType: DisabilitySubsidyRosterGenerated.eventType.rawValue, count: 2,
                                                             settle: .seconds(1))
            let generated = try rosters.map { try $0.cloudEvent().decode(DisabilitySubsidyRosterGenerated.self) }
            // Keyed by region and month: the two months' events need not arrive in order.
            #expect(generated.map { "\($0.month.iso) \($0.paid) \($0.total.fen)" }.sorted() == ["2026-01 0 0", "2026-02 2 18000"])
        }
    }

    @Test func aRaiseFromAPaidMonthIsBackPaidOnceAndTheNextRosterPaysTheNewAmount() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let household = try await DisabilitySubsidyGrantRouteTests.householdIn低保(context)
            let granted = try await DisabilitySubsidyGrantRouteTests.grant(context, household: household, member: DisabilitySubsidyGrantRouteTests.moderate,
                                                                      kind: "living", grade: 3)
            let id = try #require(try granted.json()["id"] as? String)
            for month in ["2026-02", "2026-03"] { _ = try await Self.roster(context, month) }

            // Set in April, from March: March was paid at 80 yuan, so 10 more are back-paid; April is paid at 90.
            context.clock.set(try CivilDate(iso: "2026-04-02"))
            let raised = try await DisabilitySubsidyStandardRouteTests.set(context, kind: "living", from: "2026-03", fen: 9_000)
            #expect(try raised.json()["reratedSubsidies"] as? Int == 1)
            _ = try await DisabilitySubsidyStandardRouteTests.set(context, kind: "living", from: "2026-03", fen: 9_000)
            let view = try await context.client.get("/disability-subsidies/\(id)").json()
            #expect(((view["backPayments"] as? [[String: Any]]) ?? []).map { "\($0["month"] as? String ?? "?")=\($0["amountFen"] as? Int ?? -1)" }
                    == ["2026-03=1000"])
            #expect(try await Self.roster(context, "2026-04").json()["totalFen"] as? Int == 9_000)

            // Three amounts set (two in January, March's once), each published once (keys differ: no order across them).
            let events = try await context.published.events(ofType: DisabilitySubsidyStandardSet.eventType.rawValue, count: 3, settle: .seconds(1))
            let set = try events.map { try $0.cloudEvent().decode(DisabilitySubsidyStandardSet.self) }
            #expect(set.map { "\($0.program.rawValue) \($0.effectiveFrom.iso) \($0.monthlyAmount.fen) \($0.reratedSubsidies)" }.sorted()
                    == ["disability-living-subsidy 2026-01 8000 0", "disability-living-subsidy 2026-03 9000 1",
                        "disability-nursing-subsidy 2026-01 10000 0"])
            #expect(set.allSatisfy { $0.warnings.isEmpty })
        }
    }

    /// A lower amount from a month already paid claims the difference back once (the same claim as
    /// a death's, reason `amount-lowered`), published with `disability-subsidy-recovery-opened`; the
    /// +10% warning still answers; the same amount again claims nothing; a death's annulment leaves
    /// the claim standing.
    @Test func aLowerAmountFromAPaidMonthIsClaimedBackOnceAndOutlivesADeathsAnnulment() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let household = try await DisabilitySubsidyGrantRouteTests.householdIn低保(context)
            let granted = try await DisabilitySubsidyGrantRouteTests.grant(context, household: household, member: DisabilitySubsidyGrantRouteTests.moderate,
                                                                      kind: "living", grade: 3)
            let id = try #require(try granted.json()["id"] as? String)
            for month in ["2026-02", "2026-03", "2026-04"] { _ = try await Self.roster(context, month) }

            // Set in May, from March, at 70 yuan: March and April were paid 80, 10 each are claimed back.
            context.clock.set(try CivilDate(iso: "2026-05-02"))
            let lowered = try await DisabilitySubsidyStandardRouteTests.set(context, kind: "living", from: "2026-03", fen: 7_000)
            #expect(lowered.status == .ok, "\(lowered.text)")
            let answer = try lowered.json()
            #expect(answer["changed"] as? Bool == true)
            #expect(answer["reratedSubsidies"] as? Int == 1)
            #expect(answer["warnings"] as? [String] == ["disability-standard.growth-below-floor"])
            let again = try await DisabilitySubsidyStandardRouteTests.set(context, kind: "living", from: "2026-03", fen: 7_000)
            #expect(try again.json()["changed"] as? Bool == false)

            let view = try await context.client.get("/disability-subsidies/\(id)").json()
            let claims = (view["recoveryClaims"] as? [[String: Any]]) ?? []
            #expect(claims.map { "\($0["reason"] as? String ?? "?") \($0["effectiveFrom"] as? String ?? "?") \($0["amountFen"] as? Int ?? -1) \($0["status"] as? String ?? "?")" }
                    == ["amount-lowered 2026-03 2000 open"])
            #expect(claims.first?["months"] as? [String: Int] == ["2026-03": 1_000, "2026-04": 1_000])
            #expect(claims.first?["dateOfDeath"] == nil)
            #expect(((view["backPayments"] as? [[String: Any]]) ?? []).isEmpty)

            // A death recorded and annulled: the death's claims go, the lower amount's stays.
            let recordID = UUID()
            let person = try AssistanceHarness.person(DisabilitySubsidyGrantRouteTests.moderate)
            try await AssistanceHarness.publish(
                DeathRecorded(recordID: recordID, person: person, dateOfDeath: try CivilDate(iso: "2026-04-10"), region: AssistanceHarness.jingtai,
                              source: .hospital, recordedAt: Date()),
                from: .registry, on: context.kafka)
            let stopped = try await eventually { try await context.client.get("/disability-subsidies/\(id)").json()["status"] as? String }
                until: { $0 == "stopped" }
            #expect(stopped == "stopped")
            try await AssistanceHarness.publish(
                DeathRecordAnnulled(recordID: recordID, person: person, annulledDateOfDeath: try CivilDate(iso: "2026-04-10"), annulledAt: Date(),
                                    reason: "wrong person"),
                from: .registry, on: context.kafka)
            let resumed = try await eventually { try await context.client.get("/disability-subsidies/\(id)").json()["status"] as? String }
                until: { $0 == "active" }
            #expect(resumed == "active")
            let after = try await context.client.get("/disability-subsidies/\(id)").json()
            #expect(((after["recoveryClaims"] as? [[String: Any]]) ?? []).map { "\($0["reason"] as? String ?? "?") \($0["status"] as? String ?? "?")" }
                    == ["amount-lowered open"])
            #expect(try await Self.roster(context, "2026-05").json()["totalFen"] as? Int == 7_000)

            // One claim, published once, caused by the lower amount's `disability-subsidy-standard-set`.
            let claimsOpened = try await context.published.events(ofType: DisabilitySubsidyRecoveryOpened.eventType.rawValue, count: 1,
                                                                  settle: .seconds(2))
            let opened = try claimsOpened.map { try $0.cloudEvent().decode(DisabilitySubsidyRecoveryOpened.self) }
            #expect(opened.map { "\($0.reason.rawValue) \($0.effectiveFrom?.iso ?? "-") \($0.months.map(\.iso)) \($0.amount.fen)" }
                    == ["amount-lowered 2026-03 [\"2026-03\", \"2026-04\"] 2000"])
            let standards = try await context.published.events(ofType: DisabilitySubsidyStandardSet.eventType.rawValue, count: 3, settle: .seconds(1))
            let loweredID = try standards.map { try $0.cloudEvent() }
                .first { try $0.decode(DisabilitySubsidyStandardSet.self).monthlyAmount.fen == 7_000 }?.id
            #expect(loweredID != nil)
            #expect(opened.first?.causationEventID == loweredID)
            #expect(try await AssistanceHarness.scalar("SELECT count(*)::int FROM roster_recovery_claims", context.database) == 1)
        }
    }
}
