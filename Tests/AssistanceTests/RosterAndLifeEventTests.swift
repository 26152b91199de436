import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import PostgresNIO
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// The monthly roster and the reactions to the Registry's deaths, on the real service with the
/// embedded broker delivering the Registry's events (some of them twice).
@Suite("Assistance rosters and life events", .tags(.postgres, .kafka, .slow), .serialized)
struct RosterAndLifeEventTests {
    let elder: ResidentID
    let husband: ResidentID
    let wife: ResidentID

    init() throws {
        elder = try AssistanceHarness.resident(born: "1948-03-03", sequence: 51)
        husband = try AssistanceHarness.resident(born: "1950-05-05", sequence: 61)
        wife = try AssistanceHarness.resident(born: "1952-07-07", sequence: 72)
    }

    func scalar(_ sql: String, _ database: TestDatabase) async throws -> Int? {
        try await AssistanceHarness.scalar(sql, database)
    }

    /// The case's status once it is `expected`, or the last one seen.
    func status(of caseID: String, becomes expected: String, _ worker: Caseworker) async throws -> String? {
        try await eventually { try await worker.caseView(caseID)["status"] as? String } until: { $0 == expected }
    }

    /// A 特困 case approved in January 2026 (paid from February), with rosters run for February to April.
    func elderPaidThroughApril(_ context: AssistanceHarness.Context) async throws -> String {
        let worker = Caseworker(context: context)
        try await worker.publishJingtai2020()
        let json = worker.applicationJSON(key: "elder", program: "extreme-poverty", members: [.init(id: elder, workCapacity: "none")])
        let caseID = try #require(try await worker.approveThroughWorkflow(try await worker.apply(json)).first)
        for month in ["2026-02", "2026-03", "2026-04"] {
            #expect(try await worker.roster(month)["households"] as? Int == 1)
        }
        return caseID
    }

    func death(_ person: ResidentID, on date: String, recordID: UUID) throws -> DeathRecorded {
        try DeathRecorded(recordID: recordID, person: AssistanceHarness.person(person), dateOfDeath: CivilDate(iso: date),
                          region: AssistanceHarness.jingtai, source: .hospital, recordedAt: Date())
    }

    @Test func aRosterPaysEachActiveCaseOnceAndARerunPaysNobody() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            _ = try await worker.approveThroughWorkflow(try await worker.apply(worker.applicationJSON(
                key: "h1", members: [.init(id: husband, workCapacity: "none"), .init(id: wife, relation: "spouse", workCapacity: "none")])))
            let january = try await worker.roster("2026-01")  // approved in January: paid from February
            #expect(january["households"] as? Int == 0)
            let february = try await worker.roster("2026-02")
            #expect(february["households"] as? Int == 1)
            // 577 × 2 plus the elderly top-up (10 % of 577) for each spouse.
            #expect(february["totalFen"] as? Int == 115_400 + 2 * 5_770)
            let again = try await worker.roster("2026-02")
            #expect(again["households"] as? Int == 0)
            #expect(again["rosterId"] == nil)
            #expect((again["earlierRosters"] as? [String])?.count == 1)
            // A city-level roster covers the county too, and still pays nobody twice.
            #expect(try await worker.roster("2026-02", region: "620400")["households"] as? Int == 0)
            #expect(try await scalar("SELECT count(*)::int FROM roster_payments", context.database) == 1)
            // January (empty), February, and the city-level run for February (its first: recorded, though it paid nobody new).
            let expected = ["civil.assistance.benefit-paid.v1": 1, "civil.assistance.payment-roster-generated.v1": 3]
            #expect(try await AssistanceHarness.publishedCounts(expected, context) == expected)
            // The benefit-paid event decodes as the contract says.
            let paid = try #require(try await context.published.events(ofType: "civil.assistance.benefit-paid.v1", count: 1).first)
            let event = try paid.cloudEvent().decode(BenefitPaid.self)
            #expect(event.month == (try YearMonth(iso: "2026-02")))
            #expect(event.amount == Money(fen: 115_400 + 2 * 5_770))
            #expect(event.recipients.count == 2)
            #expect(event.area == .urban)
            // February's roster event splits its total by urban/rural area (issue 11, item 9).
            let rosters = try await context.published.events(ofType: "civil.assistance.payment-roster-generated.v1", count: 3)
            let generated = try rosters.map { try $0.cloudEvent().decode(PaymentRosterGenerated.self) }
            let paidFebruary = try #require(generated.first { $0.households == 1 })
            #expect(paidFebruary.areas == [RosterAreaTotal(area: .urban, program: .minimumLivingAllowance, households: 1,
                                                           total: Money(fen: 115_400 + 2 * 5_770))])
            #expect(generated.filter { $0.households == 0 }.map { $0.areas ?? [] } == [[], []])
        }
    }

    @Test func aLateDeathSuspendsOnceOpensOneRecoveryClaimAndAnAnnulmentReinstates() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let caseID = try await elderPaidThroughApril(context)
            let worker = Caseworker(context: context)
            context.clock.set(try CivilDate(iso: "2026-05-03"))
            // Died on 20 February; reported in May. The same event arrives twice.
            let recordID = UUID()
            let eventID = UUID()
            let died = try death(elder, on: "2026-02-20", recordID: recordID)
            try await AssistanceHarness.publish(died, id: eventID, from: .registry, on: context.kafka)
            try await AssistanceHarness.publish(died, id: eventID, from: .registry, on: context.kafka)
            #expect(try await status(of: caseID, becomes: "suspended", worker) == "suspended")
            #expect(try await AssistanceHarness.sentinelHandled(after: died, context) == 1)  // so the duplicate was handled too
            let view = try await worker.caseView(caseID)
            #expect(view["suspendedFrom"] as? String == "2026-03")
            let claims = try #require(view["recoveryClaims"] as? [[String: Any]])
            #expect(claims.count == 1)
            #expect(claims.first?["amountFen"] as? Int == 2 * 75_100)  // March and April
            #expect((claims.first?["months"] as? [String: Int])?.keys.sorted() == ["2026-03", "2026-04"])
            // May's roster skips the case.
            #expect(try await worker.roster("2026-05")["households"] as? Int == 0)

            // The death record is annulled (wrong person): the case resumes, the claim is cancelled, May is back-paid.
            try await AssistanceHarness.publish(
                DeathRecordAnnulled(recordID: recordID, person: AssistanceHarness.person(elder),
                                    annulledDateOfDeath: try CivilDate(iso: "2026-02-20"), annulledAt: Date(), reason: "wrong person"),
                from: .registry, on: context.kafka)
            #expect(try await status(of: caseID, becomes: "active", worker) == "active")
            let after = try await worker.caseView(caseID)
            #expect((after["recoveryClaims"] as? [[String: Any]])?.first?["status"] as? String == "cancelled")
            let backPaid = try #require(after["backPayments"] as? [[String: Any]])
            #expect(backPaid.map { $0["month"] as? String } == ["2026-05"])
            #expect(backPaid.first?["amountFen"] as? Int == 75_100)
            // May was settled by the back-payment: re-running May's roster pays nobody twice.
            #expect(try await worker.roster("2026-05")["households"] as? Int == 0)
            #expect(try await worker.roster("2026-06")["households"] as? Int == 1)

            // The duplicate death suspended nothing twice and opened no second claim.
            let expected = ["civil.assistance.benefit-suspended.v1": 1, "civil.assistance.overpayment-recovery-opened.v1": 1,
                            "civil.assistance.benefit-reinstated.v1": 1]
            #expect(try await AssistanceHarness.publishedCounts(expected, context) == expected)
            #expect(try await scalar("SELECT count(*)::int FROM roster_recovery_claims", context.database) == 1)
        }
    }

    @Test func aCorrectedDateOfDeathMovesTheSuspensionAndTheClaim() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let caseID = try await elderPaidThroughApril(context)
            let worker = Caseworker(context: context)
            context.clock.set(try CivilDate(iso: "2026-05-03"))
            let recordID = UUID()
            try await AssistanceHarness.publish(try death(elder, on: "2026-02-20", recordID: recordID), from: .registry, on: context.kafka)
            #expect(try await status(of: caseID, becomes: "suspended", worker) == "suspended")
            // The hospital corrects the date to 25 March: March was due after all; only April is overpaid.
            try await AssistanceHarness.publish(
                DeathRecordCorrected(recordID: recordID, person: AssistanceHarness.person(elder),
                                     previousDateOfDeath: try CivilDate(iso: "2026-02-20"), dateOfDeath: try CivilDate(iso: "2026-03-25"),
                                     region: AssistanceHarness.jingtai, correctedAt: Date(), reason: "certificate says 25 March"),
                from: .registry, on: context.kafka)
            let suspendedFrom = try await eventually { try await worker.caseView(caseID)["suspendedFrom"] as? String } until: { $0 == "2026-04" }
            #expect(suspendedFrom == "2026-04")
            let claims = try #require(try await worker.caseView(caseID)["recoveryClaims"] as? [[String: Any]])
            let open = claims.filter { $0["status"] as? String == "open" }
            #expect(open.count == 1)
            #expect((open.first?["months"] as? [String: Int]) == ["2026-04": 75_100])
            #expect(claims.filter { $0["status"] as? String == "cancelled" }.count == 1)
        }
    }

    @Test func aMemberDeathRecomputesTheHouseholdFromTheNextMonth() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            let caseID = try #require(try await worker.approveThroughWorkflow(try await worker.apply(worker.applicationJSON(
                key: "couple", members: [.init(id: husband, workCapacity: "none"),
                                         .init(id: wife, relation: "spouse", workCapacity: "none")]))).first)
            for month in ["2026-02", "2026-03"] { _ = try await worker.roster(month) }
            context.clock.set(try CivilDate(iso: "2026-03-20"))
            let died = try death(husband, on: "2026-02-10", recordID: UUID())
            let eventID = UUID()
            try await AssistanceHarness.publish(died, id: eventID, from: .registry, on: context.kafka)
            try await AssistanceHarness.publish(died, id: eventID, from: .registry, on: context.kafka)
            let recipients = try await eventually { (try await worker.caseView(caseID)["recipients"] as? [String])?.count } until: { $0 == 1 }
            #expect(recipients == 1)
            #expect(try await AssistanceHarness.sentinelHandled(after: died, context) == 1)  // so the duplicate was handled too
            let view = try await worker.caseView(caseID)
            #expect(view["status"] as? String == "active")
            // The widow alone: 577 + 57.70 elderly top-up, from March; March was paid for two.
            #expect(view["monthlyAmountFen"] as? Int == 57_700 + 5_770)
            let claims = try #require(view["recoveryClaims"] as? [[String: Any]])
            #expect(claims.count == 1)
            #expect((claims.first?["months"] as? [String: Int]) == ["2026-03": (115_400 + 2 * 5_770) - (57_700 + 5_770)])
            #expect(try await worker.roster("2026-04")["totalFen"] as? Int == 57_700 + 5_770)
        }
    }

    @Test func aMarriageOfAMemberOpensOneReverificationUnderDuplicateDelivery() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            _ = try await worker.approveThroughWorkflow(try await worker.apply(worker.applicationJSON(
                key: "single", members: [.init(id: elder, workCapacity: "none")])))
            let marriage = try MarriageRegistered(
                marriageID: UUID(), certificateNumber: "J620423-01-2026-000001", partyA: AssistanceHarness.person(elder),
                partyB: AssistanceHarness.person(wife), office: "620423-01", region: AssistanceHarness.jingtai,
                registeredOn: try CivilDate(iso: "2026-01-20"))
            let eventID = UUID()
            try await AssistanceHarness.publish(marriage, id: eventID, from: .registry, on: context.kafka)
            try await AssistanceHarness.publish(marriage, id: eventID, from: .registry, on: context.kafka)
            #expect(try await AssistanceHarness.sentinelHandled(after: marriage, context) == 1)  // so both deliveries were handled
            #expect(try await scalar("SELECT count(*)::int FROM review_tasks WHERE kind = 're-verification'", context.database) == 1)
            let tasks = try #require(try await context.client.get("/review-tasks").json()["tasks"] as? [[String: Any]])
            #expect(tasks.map { $0["kind"] as? String } == ["re-verification"])
            #expect(tasks.first?["reason"] as? String == "marriage registered on 2026-01-20")
        }
    }
}
