import AssistanceDomain
import Contracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import PostgresNIO
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// The application workflow on the real service: intake, verification, review, notice, approval.
@Suite("Assistance applications", .tags(.postgres, .kafka, .slow), .serialized)
struct ApplicationFlowTests {
    let applicant: ResidentID
    let spouse: ResidentID
    let child: ResidentID

    init() throws {
        applicant = try AssistanceHarness.resident(born: "1982-04-11", sequence: 11)
        spouse = try AssistanceHarness.resident(born: "1984-09-02", sequence: 22)
        child = try AssistanceHarness.resident(born: "2015-06-30", sequence: 31)
    }

    func count(_ table: String, _ database: TestDatabase) async throws -> Int? {
        try await AssistanceHarness.scalar("SELECT count(*)::int FROM \(table)", database)
    }

    @Test func aHouseholdGoesFromIntakeToACaseWithTheRightAmount() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            // The social-insurance agency knows more wages than the applicant declared.
            let delivery = try await context.client.put("/verification-sources/social-insurance/records", json: #"""
                {"records":[{"residentId":"\#(applicant.rawValue)","kind":"income","category":"wages","amountFen":80000}]}
                """#)
            #expect(delivery.status == .ok, "\(delivery.text)")
            let application = try await worker.apply(worker.applicationJSON(key: "a-1", members: [
                .init(id: applicant, wagesFen: 60_000),
                .init(id: spouse, relation: "spouse", workCapacity: "none", disabilityGrade: 1),
                .init(id: child, relation: "child", workCapacity: "none"),
            ]))

            let verified = try await context.client.post("/applications/\(application)/verification", json: "")
            let summary = try #require(try verified.json()["verification"] as? [String: Any])
            #expect(try verified.json()["state"] as? String == "township-review")
            #expect(summary["meetsMeansTest"] as? Bool == true)
            #expect(summary["countableIncomeFen"] as? Int == 80_000)  // the verified wages, not the declared
            #expect(summary["sources"] as? [String] == ["social-insurance"])

            // No notice without a home visit; no approval before the 7-day notice is over.
            #expect(try await context.client.post("/applications/\(application)/public-notice", json: "").problemCode
                    == "application.home-visit-missing")
            #expect(try await context.client.post("/applications/\(application)/home-visit",
                                                  json: #"{"visitor":"王社工","notes":"住房简陋"}"#).status == .ok)
            #expect(try await context.client.post("/applications/\(application)/public-notice", json: "").status == .ok)
            let early = try await context.client.post("/applications/\(application)/approval", json: #"{"authority":"county"}"#)
            #expect(early.status == .unprocessableContent)
            #expect(early.problemCode == "application.notice-period-not-over")
            // An objection sends the case back to review; the notice starts again.
            let objected = try await context.client.post("/applications/\(application)/objections", json: #"{"reason":"邻居反映有经营收入"}"#)
            #expect(try objected.json()["state"] as? String == "township-review")
            #expect(try await context.client.post("/applications/\(application)/public-notice", json: "").status == .ok)
            let township = try await context.client.post("/applications/\(application)/approval", json: #"{"authority":"township"}"#)
            #expect(township.problemCode == "application.notice-period-not-over")
            context.clock.set(try CivilDate(iso: "2026-03-09"))
            #expect(try await context.client.post("/applications/\(application)/approval", json: #"{"authority":"township"}"#)
                .problemCode == "application.approver-not-authorised")
            let approved = try await context.client.post("/applications/\(application)/approval", json: #"{"authority":"county"}"#)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try approved.json()["state"] as? String == "granted")
            let caseID = try #require((try approved.json()["caseIds"] as? [String])?.first)

            // (577 × 3 − 800) = 931.00, plus the highest top-up per member: 20 % of 577 for the
            // severely disabled spouse (115.40), 10 % for the child (57.70).
            let view = try await worker.caseView(caseID)
            #expect(view["monthlyAmountFen"] as? Int == 93_100 + 11_540 + 5_770)
            #expect(view["firstMonth"] as? String == "2026-04")
            #expect((view["recipients"] as? [String])?.count == 3)

            let expected = [
                "civil.assistance.standard-published.v1": 2, "civil.assistance.application-submitted.v1": 1,
                "civil.assistance.verification-completed.v1": 1, "civil.assistance.application-approved.v1": 1,
                "civil.assistance.benefit-granted.v1": 1,
            ]
            #expect(try await AssistanceHarness.publishedCounts(expected, context) == expected)
        }
    }

    @Test func invalidApplicationsAreRefusedAndWriteNothing() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            let members = [Caseworker.MemberSpec(id: applicant)]
            let unsigned = try await context.client.post("/applications", json: worker.applicationJSON(key: "u", members: members, authorised: false))
            #expect(unsigned.status == .unprocessableContent)
            #expect(unsigned.problemCode == "application.authorisation-missing")
            #expect(unsigned.headers[.contentType] == "application/problem+json")

            var mistyped = applicant.rawValue
            mistyped.removeLast()
            mistyped += applicant.rawValue.hasSuffix("1") ? "2" : "1"
            let badID = try await context.client.post("/applications", json: worker.applicationJSON(key: "b", members: members)
                .replacingOccurrences(of: applicant.rawValue, with: mistyped))
            #expect(badID.status == .badRequest)
            #expect(badID.problemCode == "resident-id.bad-check-digit")

            let outsider = try await context.client.post("/applications", json: worker.applicationJSON(
                key: "o", members: members, applicant: spouse))
            #expect(outsider.problemCode == "application.applicant-not-member")

            let nowhere = try await context.client.post("/applications", json: worker.applicationJSON(key: "n", members: members, residence: "[]"))
            #expect(nowhere.problemCode == "application.no-residence-basis")

            let notJSON = try await context.client.post("/applications", json: "{")
            #expect(notJSON.status == .badRequest)
            #expect(notJSON.problemCode == "request.invalid-body")
            #expect(try await count("applications", context.database) == 0)
            #expect(try await count("households", context.database) == 0)

            // The same idempotency key twice is one application; a second key for the same person is refused.
            let first = try await worker.apply(worker.applicationJSON(key: "k", members: members))
            let again = try await context.client.post("/applications", json: worker.applicationJSON(key: "k", members: members))
            #expect(again.status == .ok)
            #expect(try again.json()["applicationId"] as? String == first)
            let second = try await context.client.post("/applications", json: worker.applicationJSON(key: "k2", members: members))
            #expect(second.status == .conflict)
            #expect(second.problemCode == "application.already-open")
            #expect(try await count("applications", context.database) == 1)
        }
    }

    @Test func anIneligibleHouseholdCannotBeApprovedAndIsRejectedWithAReason() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            let application = try await worker.apply(worker.applicationJSON(key: "rich", members: [.init(id: applicant, wagesFen: 500_000)]))
            let verified = try await context.client.post("/applications/\(application)/verification", json: "")
            #expect((try verified.json()["verification"] as? [String: Any])?["meetsMeansTest"] as? Bool == false)
            _ = try await context.client.post("/applications/\(application)/home-visit", json: #"{"visitor":"李","notes":"有稳定工作"}"#)
            _ = try await context.client.post("/applications/\(application)/public-notice", json: "")
            context.clock.set(try CivilDate(iso: "2026-03-10"))
            let refused = try await context.client.post("/applications/\(application)/approval", json: #"{"authority":"county"}"#)
            #expect(refused.problemCode == "application.not-eligible")
            #expect(try await context.client.get("/applications/\(application)").json()["state"] as? String == "public-notice")
            let rejected = try await context.client.post("/applications/\(application)/rejection",
                                                         json: #"{"reasonCode":"income-above-standard","reason":"月人均收入5000元高于标准"}"#)
            #expect(try rejected.json()["state"] as? String == "rejected")
            #expect(try await count("cases", context.database) == 0)
        }
    }

    @Test func anElderlyPersonWithoutSupportIsGrantedExtremePovertySupport() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            let elder = try AssistanceHarness.resident(born: "1950-02-01", sequence: 41)
            let json = worker.applicationJSON(key: "tk", program: "extreme-poverty", members: [.init(id: elder, workCapacity: "none")])
            let cases = try await worker.approveThroughWorkflow(try await worker.apply(json))
            let view = try await worker.caseView(try #require(cases.first))
            #expect(view["program"] as? String == "extreme-poverty")
            #expect(view["monthlyAmountFen"] as? Int == 75_100)  // 9,012 yuan a year
            #expect(view["firstMonth"] as? String == "2026-02")
        }
    }

    @Test func aMinorGrantedExtremePovertySupportIsReviewedOnTheEighteenthBirthday() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            let orphan = try AssistanceHarness.resident(born: "2012-07-15", sequence: 43)
            let json = worker.applicationJSON(key: "minor", program: "extreme-poverty", members: [.init(id: orphan, workCapacity: "none")])
            let cases = try await worker.approveThroughWorkflow(try await worker.apply(json))
            #expect(cases.count == 1)
            let tasks = try #require(try await context.client.get("/review-tasks").json()["tasks"] as? [[String: Any]])
            #expect(tasks.map { $0["kind"] as? String } == ["turning-adult"])
            #expect(tasks.first?["dueOn"] as? String == "2030-07-15")
            #expect(tasks.first?["reason"] as? String == "特困 minor turns 18 on 2030-07-15")
        }
    }

    @Test func standardsAreValidatedBeforeTheyArePublished() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            let low = try await context.client.post("/standards", json: #"""
                {"region":"620423","year":2026,"area":"urban","minimumLivingAllowanceFen":60000,"extremePovertyBasicFen":70000}
                """#)
            #expect(low.problemCode == "standard.extreme-poverty-below-1.3x")
            let overridden = try await context.client.post("/standards", json: #"""
                {"region":"620423","year":2026,"area":"urban","minimumLivingAllowanceFen":60000,"extremePovertyBasicFen":70000,
                 "overrideReason":"县财政困难，经市局同意暂按此标准"}
                """#)
            #expect(overridden.status == .created)
            // The county's first standard: its 特困 is held to this year's 低保 for want of last year's.
            #expect((try overridden.json()["warnings"] as? [String])
                    == ["standard.previous-year-baseline-missing", "standard.extreme-poverty-below-1.3x-overridden"])
            #expect(try await context.client.put("/city-minimum-standards/2027/urban", json: #"{"minimumLivingAllowanceFen":65000}"#)
                .status == .noContent)
            let belowCity = try await context.client.post("/standards", json: #"""
                {"region":"620423","year":2027,"area":"urban","minimumLivingAllowanceFen":64000,"extremePovertyBasicFen":90000}
                """#)
            #expect(belowCity.problemCode == "standard.below-city-minimum")
            // 600 → 660 and 700 → 900: both at least the default 10 % floors.
            let grew = try await context.client.post("/standards", json: #"""
                {"region":"620423","year":2027,"area":"urban","minimumLivingAllowanceFen":66000,"extremePovertyBasicFen":90000}
                """#)
            #expect(grew.status == .created)
            #expect((try grew.json()["warnings"] as? [String]) == [])
            // 660 → 640 is a fall and 900 → 900 no rise: published, but flagged against the growth floors.
            let fell = try await context.client.post("/standards", json: #"""
                {"region":"620423","year":2028,"area":"urban","minimumLivingAllowanceFen":64000,"extremePovertyBasicFen":90000}
                """#)
            #expect(fell.status == .created)
            #expect((try fell.json()["warnings"] as? [String]) == ["standard.growth-below-floor", "standard.extreme-poverty-growth-below-floor"])
            let listed = try await context.client.get("/standards?region=620423")
            #expect((try listed.json()["standards"] as? [Any])?.count == 3)
        }
    }
}

/// The input paths not exercised elsewhere refuse bad input with problem+json and write nothing.
@Suite("Assistance bad input", .tags(.postgres, .kafka, .slow), .serialized)
struct BadInputTests {
    @Test func badInputIsRefusedWithAStableCode() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let client = context.client
            let worker = Caseworker(context: context)
            try await worker.publishJingtai2020()
            func refused(_ response: TestResponse, _ code: String, _ status: HTTPResponse.Status = .badRequest) {
                #expect(response.status == status, "\(response.text)")
                #expect(response.problemCode == code, "\(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            refused(try await client.post("/rosters", json: #"{"region":"620423","month":"2026-13"}"#), "request.invalid-month")
            refused(try await client.post("/rosters", json: #"{"region":"62042","month":"2026-03"}"#), "region-code.wrong-length")
            refused(try await client.put("/city-minimum-standards/2026/suburban", json: #"{"minimumLivingAllowanceFen":50000}"#),
                    "request.invalid-area")
            refused(try await client.put("/verification-sources/housing-fund/records", json: #"""
                {"records":[{"personRef":"pr_\#(String(repeating: "b", count: 64))","kind":"income","category":"lottery","amountFen":1}]}
                """#), "verification.invalid-record")
            refused(try await client.get("/recovery-claims?caseId=not-a-uuid"), "request.invalid-id")
            let person = try AssistanceHarness.resident(born: "1970-01-01", sequence: 7)
            let application = try await worker.apply(worker.applicationJSON(key: "bad", members: [.init(id: person)]))
            refused(try await client.post("/applications/\(application)/verification", json: #"{"on":"2026-03-03"}"#),
                    "request.date-in-future")
            #expect(try await client.get("/applications/\(application)").json()["state"] as? String == "submitted")
            let caseID = try #require(try await worker.approveThroughWorkflow(application).first)
            refused(try await client.post("/cases/\(caseID)/change-reports", json: #"{"kind":"lottery","description":"x"}"#),
                    "request.invalid-kind")
            let written = try await AssistanceHarness.scalar(
                "SELECT (SELECT count(*) FROM verification_records)::int + (SELECT count(*) FROM review_tasks)::int + (SELECT count(*) FROM rosters)::int",
                context.database)
            #expect(written == 0)
        }
    }
}
