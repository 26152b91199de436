import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import PostgresNIO
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// Low-income monitoring (动态监测), temporary assistance with the township reserve (先行救助),
/// the casework sweep (定期核查, the 24-hour advance target) and re-verification with 渐退, on the
/// real service with the embedded broker.
@Suite("Assistance monitoring, temporary assistance and reviews", .tags(.postgres, .kafka, .slow), .serialized)
struct MonitoringTemporaryAndReviewTests {
    let recipient: ResidentID
    let nearPoor: ResidentID
    let stranger: ResidentID
    let worker: ResidentID

    init() throws {
        recipient = try AssistanceHarness.resident(born: "1976-08-08", sequence: 81)
        nearPoor = try AssistanceHarness.resident(born: "1979-10-10", sequence: 93)
        stranger = try AssistanceHarness.resident(born: "1990-01-01", sequence: 105)
        worker = try AssistanceHarness.resident(born: "1985-12-12", sequence: 117)
    }

    // MARK: - Helpers

    /// The first column of the first row of `sql`, or nil when there is no row.
    func value<T: PostgresDecodable & Sendable>(_ sql: String, as _: T.Type = T.self, _ database: TestDatabase) async throws -> T? {
        try await AssistanceHarness.scalar(sql, as: T.self, database)
    }

    func count(_ sql: String, _ database: TestDatabase) async throws -> Int? {
        try await value("SELECT count(*)::int FROM \(sql)", as: Int.self, database)
    }

    func balance(_ township: String, _ database: TestDatabase) async throws -> Int64? {
        try await value("SELECT balance_fen FROM reserve_funds WHERE township = '\(township)'", as: Int64.self, database)
    }

    func signalJSON(_ id: UUID, resident: ResidentID, kind: String, agency: String, amountFen: Int64? = nil) -> String {
        let amount = amountFen.map { #","amountFen":\#($0)"# } ?? ""
        return #"""
            {"signalId":"\#(id.uuidString)","residentId":"\#(resident.rawValue)","kind":"\#(kind)","agency":"\#(agency)",
             "reportedOn":"2026-03-08"\#(amount),"detail":"住院自付部分较高"}
            """#
    }

    func leads(_ response: TestResponse) throws -> [[String: Any]] {
        (try response.json()["leads"] as? [[String: Any]]) ?? []
    }

    func reportJSON(kind: String = "urgent", resident: ResidentID, township: String = AssistanceHarness.township,
                    reportedAt: String, residence: String? = nil) -> String {
        let residenceField = residence.map { #","residence":\#($0)"# } ?? ""
        return #"""
            {"kind":"\#(kind)","residentId":"\#(resident.rawValue)","township":"\#(township)",
             "description":"房屋失火，家中财物尽毁","reportedAt":"\#(reportedAt)"\#(residenceField)}
            """#
    }

    func report(_ context: AssistanceHarness.Context, _ json: String) async throws -> [String: Any] {
        let response = try await context.client.post("/temporary-assistance", json: json)
        #expect(response.status == .created, "\(response.text)")
        return try response.json()
    }

    func advance(_ context: AssistanceHarness.Context, _ id: String, fen: Int64, at: String) async throws -> TestResponse {
        try await context.client.post("/temporary-assistance/\(id)/advance", json: #"{"amountFen":\#(fen),"advancedAt":"\#(at)"}"#)
    }

    /// A single urban adult's 低保 case, approved through the workflow (approval on 2026-03-09, paid from April).
    func approvedSingle(_ context: AssistanceHarness.Context, _ person: ResidentID, key: String, wagesFen: Int64 = 0) async throws -> String {
        let caseworker = Caseworker(context: context)
        let application = try await caseworker.apply(caseworker.applicationJSON(key: key, members: [.init(id: person, wagesFen: wagesFen)]))
        return try #require(try await caseworker.approveThroughWorkflow(application).first)
    }

    // MARK: - 1. Low-income monitoring through the API

    @Test func riskSignalsRaiseOneExplainedLeadPerRecipientOrNearLowIncomeHousehold() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let caseworker = Caseworker(context: context)
            try await caseworker.publishJingtai2020()
            let caseID = try await approvedSingle(context, recipient, key: "recipient")
            let recipientHousehold = try #require(try await caseworker.caseView(caseID)["householdId"] as? String)

            // 700 yuan against 577: not eligible, but below 1.5 × 577 = 865.50, so near-低保. It stays an application.
            let near = try await caseworker.apply(caseworker.applicationJSON(key: "near", members: [.init(id: nearPoor, wagesFen: 70_000)]))
            let verified = try await context.client.post("/applications/\(near)/verification", json: "")
            #expect(verified.status == .ok, "\(verified.text)")
            let summary = try #require(try verified.json()["verification"] as? [String: Any])
            #expect(summary["meetsMeansTest"] as? Bool == false)
            #expect(summary["nearLowIncome"] as? Bool == true)
            #expect(summary["countableIncomeFen"] as? Int == 70_000)
            #expect(try await count("cases", context.database) == 1)
            let nearHousehold = try #require(
                try await value("SELECT household_id::text FROM applications WHERE id = '\(near)'", as: String.self, context.database))

            // A medical bill for the recipient.
            let medicalID = UUID()
            let medical = try await context.client.post("/risk-signals", json: signalJSON(
                medicalID, resident: recipient, kind: "medical-expense", agency: "medical-insurance", amountFen: 3_500_000))
            #expect(medical.status == .created, "\(medical.text)")
            #expect(try medical.json()["signalId"] as? String == medicalID.uuidString)
            let medicalLeads = try leads(medical)
            #expect(medicalLeads.count == 1)
            let medicalLead = try #require(medicalLeads.first)
            #expect(medicalLead["householdStatus"] as? String == "recipient")
            #expect(medicalLead["householdId"] as? String == recipientHousehold)
            #expect(try medicalLead["personRef"] as? String == AssistanceHarness.person(recipient).rawValue)
            #expect(medicalLead["status"] as? String == "open")
            #expect(medicalLead["detectedOn"] as? String == "2026-03-09")
            let medicalExplanation = try #require(medicalLead["explanation"] as? String)
            #expect(medicalExplanation == "medical-insurance reported medical-expense of 35000.00 yuan on 2026-03-08 for a member of "
                    + "a household receiving assistance; the household may fall into hardship: visit and re-verify (主动发现). "
                    + "Detail: 住院自付部分较高")
            let leadID = try #require(medicalLead["leadId"] as? String)

            // A disability registration for the near-低保 applicant.
            let disability = try await context.client.post("/risk-signals", json: signalJSON(
                UUID(), resident: nearPoor, kind: "disability-registration", agency: "disabled-persons-federation"))
            #expect(disability.status == .created, "\(disability.text)")
            let disabilityLeads = try leads(disability)
            #expect(disabilityLeads.count == 1)
            #expect(disabilityLeads.first?["householdStatus"] as? String == "near-low-income")
            #expect((disabilityLeads.first?["householdId"] as? String).flatMap(UUID.init(uuidString:)) == UUID(uuidString: nearHousehold))
            let disabilityExplanation = try #require(disabilityLeads.first?["explanation"] as? String)
            #expect(disabilityExplanation.hasPrefix("disabled-persons-federation reported disability-registration on 2026-03-08 "
                                                    + "for a member of a near-低保 household"))

            // Nobody Assistance knows: no household lead, but one for outreach (OutreachLeadTests has more).
            let unknown = try await context.client.post("/risk-signals", json: signalJSON(
                UUID(), resident: stranger, kind: "unemployment", agency: "employment-services"))
            #expect(unknown.status == .created, "\(unknown.text)")
            #expect(try leads(unknown).map { $0["kind"] as? String } == ["outreach"])

            // The same signal again: the lead it raised, nothing new.
            let resent = try await context.client.post("/risk-signals", json: signalJSON(
                medicalID, resident: recipient, kind: "medical-expense", agency: "medical-insurance", amountFen: 3_500_000))
            #expect(resent.status.code < 300, "\(resent.text)")
            #expect(try leads(resent).map { $0["leadId"] as? String } == [leadID])
            #expect(try await count("leads", context.database) == 3)
            #expect(try await count("risk_signals", context.database) == 3)

            // Refused signals write nothing.
            let badKind = try await context.client.post("/risk-signals", json: signalJSON(
                UUID(), resident: recipient, kind: "flood", agency: "emergency-management"))
            #expect(badKind.status == .badRequest)
            #expect(badKind.headers[.contentType] == "application/problem+json")
            #expect(badKind.problemCode == "request.invalid-kind")
            let nobody = try await context.client.post("/risk-signals", json: #"""
                {"kind":"unemployment","agency":"employment-services","reportedOn":"2026-03-08"}
                """#)
            #expect(nobody.status == .badRequest)
            #expect(nobody.problemCode == "risk-signal.person-missing")
            #expect(try await count("risk_signals", context.database) == 3)

            // The lead's life: follow-up, closure, and no second closure.
            let open = try leads(try await context.client.get("/leads?status=open"))
            #expect(Set(open.compactMap { $0["householdStatus"] as? String }) == ["recipient", "near-low-income"])
            #expect(open.filter { $0["kind"] as? String == "household" }.map { $0["region"] as? String } == ["620423", "620423"])
            let followed = try await context.client.post("/leads/\(leadID)/follow-up", json: #"{"note":"已电话联系，约定入户走访"}"#)
            #expect(followed.status == .ok, "\(followed.text)")
            #expect(try followed.json()["status"] as? String == "following-up")
            #expect(try followed.json()["outcome"] as? String == "已电话联系，约定入户走访")
            let closed = try await context.client.post("/leads/\(leadID)/closure", json: #"{"note":"入户核实，已启动复核"}"#)
            #expect(closed.status == .ok, "\(closed.text)")
            #expect(try closed.json()["status"] as? String == "closed")
            #expect(try closed.json()["outcome"] as? String == "入户核实，已启动复核")
            let again = try await context.client.post("/leads/\(leadID)/closure", json: #"{"note":"再次关闭"}"#)
            #expect(again.status == .conflict)
            #expect(again.problemCode == "lead.not-open")
            #expect(try await context.client.post("/leads/\(leadID)/follow-up", json: #"{"note":"x"}"#).problemCode == "lead.not-open")
            #expect(try await value("SELECT outcome FROM leads WHERE id = '\(leadID)'", as: String.self, context.database)
                    == "入户核实，已启动复核")
            let stillOpen = try leads(try await context.client.get("/leads?status=open")).filter { $0["kind"] as? String == "household" }
            #expect(stillOpen.map { $0["householdStatus"] as? String } == ["near-low-income"])
            #expect(try leads(try await context.client.get("/leads?status=closed")).map { $0["leadId"] as? String } == [leadID])
            #expect(try leads(try await context.client.get("/leads")).count == 3)

            // The follow-up and the closure are published, keyed by the household, without the notes.
            let followedUp = try #require(try await context.published.events(ofType: LeadFollowedUp.eventType.rawValue, count: 1).first)
            let followedUpEvent = try followedUp.cloudEvent().decode(LeadFollowedUp.self)
            #expect(followedUpEvent.leadID.uuidString == leadID)
            #expect(followedUpEvent.householdID?.uuidString.lowercased() == recipientHousehold.lowercased())
            #expect(try followedUpEvent.region == AssistanceHarness.jingtai)
            #expect(followedUpEvent.followedUpOn == (try CivilDate(iso: "2026-03-09")))
            #expect(followedUp.keyString == recipientHousehold.lowercased())
            let closure = try #require(try await context.published.events(ofType: LeadClosed.eventType.rawValue, count: 1).first)
            let closedEvent = try closure.cloudEvent().decode(LeadClosed.self)
            #expect(closedEvent.leadID.uuidString == leadID)
            #expect(try closedEvent.person == AssistanceHarness.person(recipient))
            #expect(!String(decoding: closure.value ?? [], as: UTF8.self).contains("入户核实"))

            // One event per household lead, none for the stranger's outreach lead or the resent signal.
            let detected = try await context.published.events(ofType: "civil.assistance.low-income-risk-detected.v1", count: 2,
                                                              settle: .seconds(2))
            #expect(detected.count == 2)
            let events = try detected.map { try $0.cloudEvent().decode(LowIncomeRiskDetected.self) }
            #expect(Set(events.map(\.householdStatus)) == [.recipient, .nearLowIncome])
            let medicalEvent = try #require(events.first { $0.householdStatus == .recipient })
            #expect(medicalEvent.leadID.uuidString == leadID)
            #expect(medicalEvent.signal == .medicalExpense)
            #expect(try medicalEvent.person == AssistanceHarness.person(recipient))
            #expect(try medicalEvent.region == AssistanceHarness.jingtai)
            #expect(medicalEvent.causationEventID == nil)
            #expect(medicalEvent.explanation == medicalExplanation)
        }
    }

    // MARK: - 2. Low-income monitoring through the topic

    @Test func aRiskSignalOnTheMonitoringTopicRaisesOneLeadUnderDuplicateDelivery() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let caseworker = Caseworker(context: context)
            try await caseworker.publishJingtai2020()
            let caseID = try await approvedSingle(context, recipient, key: "recipient")
            let household = try #require(try await caseworker.caseView(caseID)["householdId"] as? String)

            let signal = try RiskSignalReported(
                signalID: UUID(), person: AssistanceHarness.person(recipient), kind: .unemployment,
                reportedOn: try CivilDate(iso: "2026-03-08"), agency: "employment-services", amount: nil, detail: "企业裁员")
            let eventID = UUID()
            try await AssistanceHarness.publish(signal, id: eventID, from: .monitoring, on: context.kafka)
            try await AssistanceHarness.publish(signal, id: eventID, from: .monitoring, on: context.kafka)
            // The gateway resends the signal under a new event id; same key, so it is consumed after the duplicate.
            let resendID = UUID()
            try await AssistanceHarness.publish(signal, id: resendID, from: .monitoring, on: context.kafka)

            let raised = try await eventually { try leads(try await context.client.get("/leads")).count } until: { $0 >= 1 }
            #expect(raised == 1)
            let resendHandled = try await eventually {
                try await count("inbox WHERE event_id = '\(resendID)'", context.database)
            } until: { $0 == 1 }
            #expect(resendHandled == 1)
            let found = try leads(try await context.client.get("/leads"))
            #expect(found.count == 1)
            let lead = try #require(found.first)
            #expect(lead["signalId"] as? String == signal.signalID.uuidString)
            #expect(lead["householdId"] as? String == household)
            #expect(lead["householdStatus"] as? String == "recipient")
            #expect(lead["status"] as? String == "open")
            let explanation = try #require(lead["explanation"] as? String)
            #expect(explanation.hasPrefix("employment-services reported unemployment on 2026-03-08"))
            #expect(explanation.hasSuffix("Detail: 企业裁员"))
            #expect(try await count("leads", context.database) == 1)
            #expect(try await count("risk_signals", context.database) == 1)
            #expect(try await count("inbox WHERE event_id = '\(eventID)'", context.database) == 1)

            let detected = try await context.published.events(ofType: "civil.assistance.low-income-risk-detected.v1", count: 1,
                                                              settle: .seconds(2))
            #expect(detected.count == 1)
            let event = try #require(try detected.first?.cloudEvent().decode(LowIncomeRiskDetected.self))
            #expect(event.causationEventID == eventID)
            #expect(event.signal == .unemployment)
            #expect(event.leadID.uuidString == lead["leadId"] as? String)
        }
    }

    // MARK: - 3. Temporary assistance and the township reserve

    @Test func urgentCasesAreAdvancedFromTheTownshipReserveWithinTheTarget() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let now = Date()
            func at(_ hours: Double) -> String { RFC3339.format(now.addingTimeInterval(hours * 3_600)) }
            let township = AssistanceHarness.township

            let first = try await context.client.post("/reserve-funds/\(township)/top-ups", json: #"{"amountFen":100000}"#)
            #expect(first.status == .ok, "\(first.text)")
            #expect(try first.json()["balanceFen"] as? Int == 100_000)
            let second = try await context.client.post("/reserve-funds/\(township)/top-ups", json: #"{"amountFen":50000}"#)
            #expect(try second.json()["balanceFen"] as? Int == 150_000)
            #expect(try await context.client.post("/reserve-funds/\(township)/top-ups", json: #"{"amountFen":0}"#).problemCode
                    == "reserve.amount-not-positive")
            #expect(try await context.client.post("/reserve-funds/620423/top-ups", json: #"{"amountFen":100}"#).problemCode
                    == "reserve.region-not-township")
            #expect(try await balance(township, context.database) == 150_000)

            // A: reported two hours ago, advanced an hour later.
            let caseA = try await report(context, reportJSON(resident: recipient, reportedAt: at(-2)))
            #expect(caseA["status"] as? String == "reported")
            #expect(caseA["region"] as? String == "620423")
            #expect(caseA["township"] as? String == township)
            #expect(caseA["kind"] as? String == "urgent")
            #expect(caseA["reportedAt"] as? String == at(-2))
            #expect(caseA["withinTarget"] == nil)
            let idA = try #require(caseA["caseId"] as? String)
            let advancedA = try await advance(context, idA, fen: 80_000, at: at(-1))
            #expect(advancedA.status == .ok, "\(advancedA.text)")
            #expect(try advancedA.json()["status"] as? String == "advanced")
            #expect(try advancedA.json()["withinTarget"] as? Bool == true)
            #expect(try advancedA.json()["advanceFen"] as? Int == 80_000)
            #expect(try advancedA.json()["advancedAt"] as? String == at(-1))
            #expect(try await balance(township, context.database) == 70_000)
            let twice = try await advance(context, idA, fen: 1_000, at: at(-0.5))
            #expect(twice.status == .conflict)
            #expect(twice.problemCode == "temporary-assistance.already-advanced")
            #expect(try await balance(township, context.database) == 70_000)

            // B: more than the reserve holds is refused and changes nothing.
            let idB = try #require(try await report(context, reportJSON(resident: nearPoor, reportedAt: at(-3)))["caseId"] as? String)
            let tooMuch = try await advance(context, idB, fen: 70_001, at: at(-2))
            #expect(tooMuch.status == .unprocessableContent)
            #expect(tooMuch.problemCode == "reserve.insufficient")
            let beforeReport = try await advance(context, idB, fen: 1_000, at: at(-4))
            #expect(beforeReport.status == .badRequest)
            #expect(beforeReport.problemCode == "temporary-assistance.advance-before-report")
            #expect(try await balance(township, context.database) == 70_000)
            let stillB = try await context.client.get("/temporary-assistance/\(idB)").json()
            #expect(stillB["status"] as? String == "reported")
            #expect(stillB["advancedAt"] == nil)
            #expect(stillB["advanceFen"] == nil)

            // C: advanced 30 hours after the report: paid, but the target was missed.
            let idC = try #require(try await report(context, reportJSON(resident: stranger, reportedAt: at(-31)))["caseId"] as? String)
            let late = try await advance(context, idC, fen: 50_000, at: at(-1))
            #expect(late.status == .ok, "\(late.text)")
            #expect(try late.json()["withinTarget"] as? Bool == false)
            #expect(try await balance(township, context.database) == 20_000)
            #expect(try await value("SELECT breach_reported FROM temporary_cases WHERE id = '\(idC)'", as: Bool.self, context.database) == true)
            #expect(try await value("SELECT breach_reported FROM temporary_cases WHERE id = '\(idA)'", as: Bool.self, context.database) == false)

            // D: expenditure-type assistance is reviewed, never advanced.
            let expenditure = try await report(context, reportJSON(
                kind: "expenditure", resident: worker, reportedAt: at(-5),
                residence: #"[{"basis":"household-registration","region":"620423"}]"#))
            #expect(expenditure["region"] as? String == "620423")
            let idD = try #require(expenditure["caseId"] as? String)
            let notUrgent = try await advance(context, idD, fen: 1_000, at: at(-1))
            #expect(notUrgent.status == .unprocessableContent)
            #expect(notUrgent.problemCode == "temporary-assistance.advance-not-urgent")
            #expect(try await balance(township, context.database) == 20_000)
            #expect(try await context.client.get("/temporary-assistance/\(idD)").json()["status"] as? String == "reported")
            let homeless = try await context.client.post("/temporary-assistance", json: reportJSON(
                kind: "expenditure", resident: worker, reportedAt: at(-5), residence: "[]"))
            #expect(homeless.problemCode == "temporary-assistance.no-residence-basis")
            let elsewhere = try await context.client.post("/temporary-assistance", json: reportJSON(
                kind: "expenditure", resident: worker, township: "620421100", reportedAt: at(-5),
                residence: #"[{"basis":"household-registration","region":"620423"}]"#))
            #expect(elsewhere.problemCode == "temporary-assistance.wrong-region")

            // E: an emergency in another county (靖远县) is that county's case, whatever the registration.
            let away = try await report(context, reportJSON(resident: recipient, township: "620421100", reportedAt: at(-1)))
            #expect(away["region"] as? String == "620421")
            #expect(away["township"] as? String == "620421100")
            let idE = try #require(away["caseId"] as? String)
            #expect(try await value("SELECT region FROM temporary_cases WHERE id = '\(idE)'", as: String.self, context.database) == "620421")
            // Its township has no reserve yet.
            #expect(try await advance(context, idE, fen: 1_000, at: at(-0.5)).problemCode == "reserve.not-set-up")
            #expect(try await context.client.post("/temporary-assistance", json: reportJSON(
                resident: recipient, township: "620421", reportedAt: at(-1))).problemCode == "temporary-assistance.not-township")
            #expect(try await count("temporary_cases", context.database) == 5)

            // A is reviewed and granted once.
            let reviewed = try await context.client.post("/temporary-assistance/\(idA)/review", json: #"{"grantedFen":120000}"#)
            #expect(reviewed.status == .ok, "\(reviewed.text)")
            #expect(try reviewed.json()["status"] as? String == "reviewed")
            #expect(try await context.client.post("/temporary-assistance/\(idA)/review", json: #"{"grantedFen":120000}"#).problemCode
                    == "temporary-assistance.not-reviewable")

            let messages = try await context.published.read(settle: .seconds(2)) { messages in
                messages.filter { $0.cloudEventType == "civil.assistance.temporary-assistance-advanced.v1" }.count >= 2
                    && messages.contains { $0.cloudEventType == "civil.assistance.benefit-granted.v1" }
            }
            let advances = try messages.filter { $0.cloudEventType == "civil.assistance.temporary-assistance-advanced.v1" }
                .map { try $0.cloudEvent().decode(TemporaryAssistanceAdvanced.self) }
            #expect(advances.count == 2)
            let eventA = try #require(advances.first { $0.caseID.uuidString == idA })
            #expect(eventA.withinTarget == true)
            #expect(eventA.amount == Money(fen: 80_000))
            #expect(try eventA.region == AssistanceHarness.jingtai)
            #expect(try eventA.person == AssistanceHarness.person(recipient))
            #expect(eventA.targetHours == 24)
            #expect(RFC3339.format(eventA.reportedAt) == at(-2))
            let eventC = try #require(advances.first { $0.caseID.uuidString == idC })
            #expect(eventC.withinTarget == false)
            #expect(eventC.amount == Money(fen: 50_000))
            #expect(abs(eventC.advancedAt.timeIntervalSince(eventC.reportedAt) - 30 * 3_600) < 0.01)
            let granted = try messages.filter { $0.cloudEventType == "civil.assistance.benefit-granted.v1" }
                .map { try $0.cloudEvent().decode(BenefitGranted.self) }
            #expect(granted.count == 1)
            #expect(granted.first?.program == .temporaryAssistance)
            #expect(granted.first?.monthlyAmount == Money(fen: 120_000))
            #expect(granted.first?.caseID.uuidString == idA)
        }
    }

    // MARK: - 4. The casework sweep

    @Test func theSweepOpensPeriodicReviewsAndFlagsUrgentCasesNotAdvancedInTime() async throws {
        try await AssistanceHarness.with(today: "2026-03-02", policy: ["ASSISTANCE_REVIEW_MONTHS_MINIMUM_LIVING_ALLOWANCE": "1"]) { context in
            try await Caseworker(context: context).publishJingtai2020()
            let now = Date()
            func at(_ hours: Double) -> String { RFC3339.format(now.addingTimeInterval(hours * 3_600)) }
            @Sendable func breach(_ id: String) async throws -> Bool? {
                try await value("SELECT breach_reported FROM temporary_cases WHERE id = '\(id)'", as: Bool.self, context.database)
            }
            @Sendable func periodicReviews() async throws -> [[String: Any]] {
                ((try await context.client.get("/review-tasks").json()["tasks"] as? [[String: Any]]) ?? [])
                    .filter { $0["kind"] as? String == "periodic-review" }
            }

            let caseID = try await approvedSingle(context, recipient, key: "reviewed")  // approved on 2026-03-09
            #expect(try await value("SELECT next_review_on::text FROM cases WHERE id = '\(caseID)'", as: String.self, context.database)
                    == "2026-04-09")

            // Urgent, reported 25 hours ago, never advanced: a breach. A recent one and an expenditure case are not.
            let late = try #require(try await report(context, reportJSON(resident: stranger, reportedAt: at(-25)))["caseId"] as? String)
            let recent = try #require(try await report(context, reportJSON(resident: nearPoor, reportedAt: at(-2)))["caseId"] as? String)
            let expenditure = try #require(try await report(context, reportJSON(
                kind: "expenditure", resident: worker, reportedAt: at(-25),
                residence: #"[{"basis":"household-registration","region":"620423"}]"#))["caseId"] as? String)
            let lateFlagged = try await eventually { try await breach(late) } until: { $0 == true }
            #expect(lateFlagged == true)
            // That sweep ran after the approval with the clock before the review date: no review yet.
            #expect(try await breach(recent) == false)
            #expect(try await breach(expenditure) == false)
            #expect(try await periodicReviews().count == 0)
            #expect(try await context.client.get("/temporary-assistance/\(late)").json()["status"] as? String == "reported")

            // A month after the approval, the review is due.
            context.clock.set(try CivilDate(iso: "2026-04-10"))
            let reviewsDue = try await eventually { try await periodicReviews().count } until: { $0 > 0 }
            #expect(reviewsDue == 1)
            // A later sweep (it flags a case reported after the review appeared) opens no second review.
            let sentinel = try #require(try await report(context, reportJSON(resident: nearPoor, reportedAt: at(-26)))["caseId"] as? String)
            let sentinelFlagged = try await eventually { try await breach(sentinel) } until: { $0 == true }
            #expect(sentinelFlagged == true)
            let reviews = try await periodicReviews()
            #expect(reviews.count == 1)
            let review = try #require(reviews.first)
            #expect(review["caseId"] as? String == caseID)
            #expect(review["dueOn"] as? String == "2026-04-10")
            #expect(review["status"] as? String == "open")
            #expect(review["reason"] as? String == "periodic review (定期核查) every 1 months")
            #expect(try await value("SELECT next_review_on::text FROM cases WHERE id = '\(caseID)'", as: String.self, context.database)
                    == "2026-05-09")
            #expect(try await count("review_tasks", context.database) == 1)
            #expect(try await breach(recent) == false)
            // Each overdue case is published once, however many sweeps ran (issue 11, item 9).
            let overdue = try await context.published.events(ofType: UrgentAdvanceOverdue.eventType.rawValue, count: 3,
                                                             settle: .seconds(1))
            let announced = try overdue.map { try $0.cloudEvent().decode(UrgentAdvanceOverdue.self) }
            #expect(announced.map { $0.caseID.uuidString.lowercased() }.sorted() == [late.lowercased(), sentinel.lowercased()].sorted())
            #expect(announced.map(\.targetHours) == [24, 24])
            #expect(announced.first?.township.rawValue == AssistanceHarness.township)
        }
    }

    // MARK: - 5. Re-verification and 渐退

    @Test func incomeAboveTheStandardStartsAGradualExitOnReverification() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let caseworker = Caseworker(context: context)
            try await caseworker.publishJingtai2020()
            let caseID = try await approvedSingle(context, worker, key: "exit")
            let before = try await caseworker.caseView(caseID)
            #expect(before["status"] as? String == "active")
            #expect(before["monthlyAmountFen"] as? Int == 57_700)
            #expect(before["lastMonth"] == nil)

            context.clock.set(try CivilDate(iso: "2026-05-04"))
            // The employment service reports a job paying 600 yuan, above the 577 line.
            let delivery = try await context.client.put("/verification-sources/employment/records", json: #"""
                {"records":[{"residentId":"\#(worker.rawValue)","kind":"income","category":"wages","amountFen":60000,"note":"新就业"}]}
                """#)
            #expect(delivery.status == .ok, "\(delivery.text)")
            #expect(try delivery.json()["records"] as? Int == 1)

            let badKind = try await context.client.post("/cases/\(caseID)/change-reports", json: #"{"kind":"lottery","description":"x"}"#)
            #expect(badKind.status == .badRequest)
            #expect(badKind.problemCode == "request.invalid-kind")
            let unknown = try await context.client.post("/cases/\(UUID())/change-reports", json: #"{"kind":"income","description":"x"}"#)
            #expect(unknown.status == .notFound)
            #expect(unknown.problemCode == "case.not-found")

            let reported = try await context.client.post("/cases/\(caseID)/change-reports", json: #"{"kind":"income","description":"申请人已就业"}"#)
            #expect(reported.status == .created, "\(reported.text)")
            let task = try reported.json()
            let taskID = try #require(task["taskId"] as? String)
            #expect(task["kind"] as? String == "re-verification")
            #expect(task["status"] as? String == "open")
            #expect(task["caseId"] as? String == caseID)
            #expect(task["dueOn"] as? String == "2026-05-04")
            #expect(task["reason"] as? String == "income change: 申请人已就业")
            let open = (try await context.client.get("/review-tasks").json()["tasks"] as? [[String: Any]]) ?? []
            #expect(open.map { $0["taskId"] as? String } == [taskID])

            let reverified = try await context.client.post("/cases/\(caseID)/reverification", json: "")
            #expect(reverified.status == .ok, "\(reverified.text)")
            let view = try reverified.json()
            #expect(view["status"] as? String == "exiting")
            #expect(view["lastMonth"] as? String == "2026-11")  // May + 6 months of 渐退
            #expect(view["monthlyAmountFen"] as? Int == 57_700)  // paid in full until then
            #expect(try await caseworker.caseView(caseID)["lastMonth"] as? String == "2026-11")

            #expect((try await context.client.get("/review-tasks").json()["tasks"] as? [Any])?.count == 0)
            let done = (try await context.client.get("/review-tasks?status=done").json()["tasks"] as? [[String: Any]]) ?? []
            #expect(done.map { $0["taskId"] as? String } == [taskID])
            let outcome = try await value("SELECT outcome FROM review_tasks WHERE id = '\(taskID)'", as: String.self, context.database)
            #expect(outcome == "gradual exit: income 600.00 is no longer below the line; paid until 2026-11")

            let second = try await context.client.post("/cases/\(caseID)/reverification", json: "")
            #expect(second.status == .conflict)
            #expect(second.problemCode == "case.not-active")

            // Paid through November, not after.
            #expect(try await caseworker.roster("2026-11")["totalFen"] as? Int == 57_700)
            #expect(try await caseworker.roster("2026-12")["households"] as? Int == 0)

            let terminated = try await context.published.events(ofType: "civil.assistance.benefit-terminated.v1", count: 1,
                                                                settle: .seconds(2))
            #expect(terminated.count == 1)
            let event = try #require(try terminated.first?.cloudEvent().decode(BenefitTerminated.self))
            #expect(event.caseID.uuidString == caseID)
            #expect(event.reason == .incomeAboveStandard)
            #expect(event.lastCoveredDay == (try CivilDate(iso: "2026-11-30")))
            #expect(event.program == .minimumLivingAllowance)
            #expect(try event.recipients == [AssistanceHarness.person(worker)])

            // After its last month the casework sweep terminates the case.
            context.clock.set(try CivilDate(iso: "2026-12-01"))
            let ended = try await eventually { try await caseworker.caseView(caseID)["status"] as? String } until: { $0 == "terminated" }
            #expect(ended == "terminated")
        }
    }

    @Test func aReverifiedLowerIncomeKeepsTheCaseActiveWithAHigherAmountFromNextMonth() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let caseworker = Caseworker(context: context)
            try await caseworker.publishJingtai2020()
            // Social insurance knows wages of 300 yuan: 577 − 300 = 277 a month.
            _ = try await context.client.put("/verification-sources/social-insurance/records", json: #"""
                {"records":[{"residentId":"\#(worker.rawValue)","kind":"income","category":"wages","amountFen":30000}]}
                """#)
            let caseID = try await approvedSingle(context, worker, key: "drop", wagesFen: 30_000)
            #expect(try await caseworker.caseView(caseID)["monthlyAmountFen"] as? Int == 27_700)
            #expect(try await caseworker.roster("2026-04")["totalFen"] as? Int == 27_700)

            // In May the job is cut to part-time: 100 yuan.
            context.clock.set(try CivilDate(iso: "2026-05-04"))
            let delivery = try await context.client.put("/verification-sources/social-insurance/records", json: #"""
                {"records":[{"residentId":"\#(worker.rawValue)","kind":"income","category":"wages","amountFen":10000}]}
                """#)
            #expect(delivery.status == .ok, "\(delivery.text)")
            // The worker reports the change, declaring the new wages (the old declaration said 300 yuan).
            let reported = try await context.client.post("/cases/\(caseID)/change-reports", json: #"""
                {"kind":"income","description":"改为兼职","declaredIncomes":[{"residentId":"\#(worker.rawValue)","incomes":[{"kind":"wages","monthlyFen":10000}]}]}
                """#)
            #expect(reported.status == .created)
            let reverified = try await context.client.post("/cases/\(caseID)/reverification", json: "")
            #expect(reverified.status == .ok, "\(reverified.text)")
            let view = try reverified.json()
            #expect(view["status"] as? String == "active")
            #expect(view["lastMonth"] == nil)
            #expect(try await count("review_tasks WHERE status = 'done'", context.database) == 1)

            let outcome = try await value("SELECT outcome FROM review_tasks WHERE status = 'done'", as: String.self, context.database)
            // May was due at the old amount whatever the review finds.
            #expect(try await caseworker.roster("2026-05")["totalFen"] as? Int == 27_700)

            // 577 − 100 = 477 from June.
            do {
                #expect(view["monthlyAmountFen"] as? Int == 47_700)
                #expect(outcome == "continued at 477.00 from 2026-06")
                #expect(try await value("SELECT to_char(amount_from, 'YYYY-MM') FROM cases WHERE id = '\(caseID)'",
                                        as: String.self, context.database) == "2026-06")
                #expect(try await caseworker.roster("2026-06")["totalFen"] as? Int == 47_700)
            }
        }
    }
}
