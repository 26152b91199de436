import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import PostgresNIO
import ServiceKit
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// Region scope on Assistance's routes, with officers' tokens at township, county and city level:
/// a township officer acts in her township, a county officer in his county, the city in the city;
/// a sibling region is refused (403 `auth.outside-region`) and so is a role the route does not
/// admit (403 `auth.role-not-allowed`), a request without a token is 401, and a refusal writes
/// nothing. Records without a region of their own follow their owner: a case and a lead their
/// household's current county, also after the household moved.
@Suite("Assistance region scope", .tags(.postgres, .kafka, .slow), .serialized)
struct AssistanceRegionScopeTests {
    /// 白银市, 景泰县 and two of its townships, and 靖远县 (a sibling county) with a township.
    enum Region {
        static let city = "620400"
        static let county = "620423"
        static let township = AssistanceHarness.township  // 620423100
        static let siblingTownship = "620423101"
        static let siblingCounty = "620421"
        static let siblingCountyTownship = "620421100"
    }

    static let outside = "auth.outside-region"
    static let roleNotAllowed = "auth.role-not-allowed"

    let applicant: ResidentID
    let neighbour: ResidentID
    let mover: ResidentID

    init() throws {
        applicant = try AssistanceHarness.resident(born: "1971-04-04", sequence: 311)
        neighbour = try AssistanceHarness.resident(born: "1968-06-06", sequence: 323)
        mover = try AssistanceHarness.resident(born: "1974-09-09", sequence: 335)
    }

    // MARK: - Helpers

    func officer(_ context: AssistanceHarness.Context, _ roles: [Role], _ region: String) async throws -> AuthorizingTestClient {
        try await context.client.acting(as: roles, region: region, subject: "officer-\(region)")
    }

    func count(_ table: String, _ database: TestDatabase) async throws -> Int? {
        try await AssistanceHarness.scalar("SELECT count(*)::int FROM \(table)", database)
    }

    func text(_ sql: String, _ database: TestDatabase) async throws -> String? {
        try await AssistanceHarness.scalar(sql, as: String.self, database)
    }

    /// Expects a refusal with `status` and `code`.
    func expectRefused(_ response: TestResponse, _ status: HTTPResponse.Status, _ code: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.problemCode == code, sourceLocation: sourceLocation)
    }

    /// Publishes 2020 urban standards for 靖远县 (600 a month), beside Jingtai's.
    func publishSiblingCounty2020(_ context: AssistanceHarness.Context) async throws {
        let published = try await context.client.post("/standards", json: #"""
            {"region":"620421","year":2020,"area":"urban","minimumLivingAllowanceFen":60000,"extremePovertyBasicAnnualFen":936000}
            """#)
        #expect(published.status == .created, "\(published.text)")
    }

    /// A single urban adult's 低保 case, taken in at Jingtai's township and approved by the admin
    /// (approval a week after today, paid from the month after).
    func approvedCase(_ context: AssistanceHarness.Context, _ person: ResidentID, key: String,
                      registeredIn county: String = Region.county) async throws -> String {
        let caseworker = Caseworker(context: context)
        let application = try await caseworker.apply(caseworker.applicationJSON(
            key: key, members: [.init(id: person)], residence: #"[{"basis":"household-registration","region":"\#(county)"}]"#))
        return try #require(try await caseworker.approveThroughWorkflow(application).first)
    }

    // MARK: - Applications

    @Test func anApplicationIsItsIntakeTownshipsAndTheCountyDecidesIt() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let caseworker = Caseworker(context: context)
            try await caseworker.publishJingtai2020()
            let township = try await officer(context, [.intake], Region.township)
            let siblingTownship = try await officer(context, [.intake], Region.siblingTownship)
            let json = caseworker.applicationJSON(key: "scope-intake", members: [.init(id: applicant)])
            let outboxBefore = try await count("outbox", context.database)

            // A sibling township cannot take an application in on this township's behalf.
            expectRefused(try await siblingTownship.post("/applications", json: json), .forbidden, Self.outside)
            expectRefused(try await context.client.anonymous.post("/applications", json: json), .unauthorized, "auth.token-missing")
            expectRefused(try await officer(context, [.reviewer], Region.township).post("/applications", json: json), .forbidden,
                          Self.roleNotAllowed)
            #expect(try await count("applications", context.database) == 0)
            #expect(try await count("households", context.database) == 0)
            #expect(try await count("outbox", context.database) == outboxBefore)

            let submitted = try await township.post("/applications", json: json)
            #expect(submitted.status == .created, "\(submitted.text)")
            let id = try #require(try submitted.json()["applicationId"] as? String)
            #expect(try submitted.json()["intakeRegion"] as? String == Region.township)
            #expect(try submitted.json()["region"] as? String == Region.county)

            // The sibling township neither reads nor works on it.
            expectRefused(try await siblingTownship.get("/applications/\(id)"), .forbidden, Self.outside)
            expectRefused(try await siblingTownship.post("/applications/\(id)/verification", json: ""), .forbidden, Self.outside)
            #expect(try await text("SELECT state FROM applications WHERE id = '\(id)'", context.database) == "submitted")

            // The township does the steps.
            let verified = try await township.post("/applications/\(id)/verification", json: "")
            #expect(verified.status == .ok, "\(verified.text)")
            let visited = try await township.post("/applications/\(id)/home-visit", json: #"{"visitor":"王社工","notes":"入户核实"}"#)
            #expect(visited.status == .ok, "\(visited.text)")
            let noticed = try await township.post("/applications/\(id)/public-notice", json: "")
            #expect(noticed.status == .ok, "\(noticed.text)")
            #expect(try await text("SELECT state FROM applications WHERE id = '\(id)'", context.database) == "public-notice")
            context.clock.set(context.clock.today().adding(days: 7))

            // Approval is the county's (not devolved): not the township's approver, not another county's, not a reviewer's.
            let approval = "/applications/\(id)/approval"
            let outboxBeforeDecision = try await count("outbox", context.database)
            expectRefused(try await officer(context, [.approver], Region.township).post(approval, json: #"{"authority":"county"}"#),
                          .forbidden, Self.outside)
            expectRefused(try await officer(context, [.approver], Region.siblingCounty).post(approval, json: #"{"authority":"county"}"#),
                          .forbidden, Self.outside)
            expectRefused(try await officer(context, [.reviewer], Region.county).post(approval, json: #"{"authority":"county"}"#),
                          .forbidden, Self.roleNotAllowed)
            expectRefused(try await context.client.anonymous.post(approval, json: #"{"authority":"county"}"#), .unauthorized,
                          "auth.token-missing")
            #expect(try await count("cases", context.database) == 0)
            #expect(try await count("outbox", context.database) == outboxBeforeDecision)
            #expect(try await text("SELECT state FROM applications WHERE id = '\(id)'", context.database) == "public-notice")

            let approved = try await officer(context, [.approver], Region.county).post(approval, json: #"{"authority":"county"}"#)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try approved.json()["state"] as? String == "granted")
            #expect(try await count("cases", context.database) == 1)

            // The city's auditor reads it, and decides nothing.
            let cityAuditor = try await officer(context, [.auditor], Region.city)
            let read = try await cityAuditor.get("/applications/\(id)")
            #expect(read.status == .ok, "\(read.text)")
            #expect(try read.json()["applicationId"] as? String == id)
            expectRefused(try await cityAuditor.post("/applications/\(id)/rejection", json: #"{"reasonCode":"x","reason":"y"}"#),
                          .forbidden, Self.roleNotAllowed)
        }
    }

    /// 一门受理: Jingtai's township takes in an application of a household registered in 靖远县.
    /// The township works on it; 靖远县 decides it, and the case is 靖远县's.
    @Test func anApplicationTakenInForAnotherCountyIsDecidedThere() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let caseworker = Caseworker(context: context)
            try await publishSiblingCounty2020(context)
            let township = try await officer(context, [.intake], Region.township)
            let submitted = try await township.post("/applications", json: caseworker.applicationJSON(
                key: "scope-elsewhere", members: [.init(id: neighbour)],
                residence: #"[{"basis":"household-registration","region":"620421"}]"#))
            #expect(submitted.status == .created, "\(submitted.text)")
            let id = try #require(try submitted.json()["applicationId"] as? String)
            #expect(try submitted.json()["region"] as? String == Region.siblingCounty)

            #expect(try await township.post("/applications/\(id)/verification", json: "").status == .ok)
            #expect(try await township.post("/applications/\(id)/home-visit", json: #"{"visitor":"李社工","notes":"入户"}"#).status == .ok)
            #expect(try await township.post("/applications/\(id)/public-notice", json: "").status == .ok)
            // 靖远县's reviewer reads it too.
            #expect(try await officer(context, [.reviewer], Region.siblingCounty).get("/applications/\(id)").status == .ok)
            context.clock.set(context.clock.today().adding(days: 7))

            let approval = "/applications/\(id)/approval"
            expectRefused(try await officer(context, [.approver], Region.county).post(approval, json: #"{"authority":"county"}"#),
                          .forbidden, Self.outside)
            #expect(try await count("cases", context.database) == 0)
            let approved = try await officer(context, [.approver], Region.siblingCounty).post(approval, json: #"{"authority":"county"}"#)
            #expect(approved.status == .ok, "\(approved.text)")
            let caseID = try #require((try approved.json()["caseIds"] as? [String])?.first)

            expectRefused(try await officer(context, [.reviewer], Region.county).get("/cases/\(caseID)"), .forbidden, Self.outside)
            let read = try await officer(context, [.reviewer], Region.siblingCounty).get("/cases/\(caseID)")
            #expect(read.status == .ok, "\(read.text)")
            #expect(try read.json()["region"] as? String == Region.siblingCounty)
            #expect(try read.json()["monthlyAmountFen"] as? Int == 60_000)
        }
    }

    // MARK: - Cases

    @Test func aCaseIsItsHouseholdsCountys() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            try await Caseworker(context: context).publishJingtai2020()
            let caseID = try await approvedCase(context, applicant, key: "scope-case")
            let person = try AssistanceHarness.person(applicant).rawValue

            // Reads: the county and the city; not the township (a county's record), not the sibling county.
            for (roles, region) in [([Role.reviewer], Region.county), ([.finance], Region.county), ([.auditor], Region.city)] {
                let read = try await officer(context, roles, region).get("/cases/\(caseID)")
                #expect(read.status == .ok, "\(roles) in \(region): \(read.text)")
                #expect(try read.json()["caseId"] as? String == caseID)
            }
            expectRefused(try await officer(context, [.intake], Region.township).get("/cases/\(caseID)"), .forbidden, Self.outside)
            expectRefused(try await officer(context, [.reviewer], Region.siblingCounty).get("/cases/\(caseID)"), .forbidden, Self.outside)
            expectRefused(try await officer(context, [.registrar], Region.county).get("/cases/\(caseID)"), .forbidden, Self.roleNotAllowed)
            expectRefused(try await context.client.anonymous.get("/cases/\(caseID)"), .unauthorized, "auth.token-missing")

            // A person's cases: within the token's region only.
            let mine = try await officer(context, [.reviewer], Region.county).get("/cases?personRef=\(person)")
            #expect(mine.status == .ok, "\(mine.text)")
            #expect((try mine.json()["cases"] as? [[String: Any]])?.compactMap { $0["caseId"] as? String } == [caseID])
            let theirs = try await officer(context, [.reviewer], Region.siblingCounty).get("/cases?personRef=\(person)")
            #expect(theirs.status == .ok, "\(theirs.text)")
            #expect((try theirs.json()["cases"] as? [[String: Any]])?.count == 0)

            // A change report: the county's intake; the sibling county's is refused and opens no task.
            let report = #"{"kind":"income","description":"儿子外出务工"}"#
            expectRefused(try await officer(context, [.intake], Region.siblingCounty).post("/cases/\(caseID)/change-reports", json: report),
                          .forbidden, Self.outside)
            expectRefused(try await officer(context, [.finance], Region.county).post("/cases/\(caseID)/change-reports", json: report),
                          .forbidden, Self.roleNotAllowed)
            #expect(try await count("review_tasks", context.database) == 0)
            let reported = try await officer(context, [.intake], Region.county).post("/cases/\(caseID)/change-reports", json: report)
            #expect(reported.status == .created, "\(reported.text)")
            #expect(try await count("review_tasks", context.database) == 1)

            // Re-verification is the county reviewer's, not the intake's.
            expectRefused(try await officer(context, [.intake], Region.county).post("/cases/\(caseID)/reverification", json: ""),
                          .forbidden, Self.roleNotAllowed)
            expectRefused(try await officer(context, [.reviewer], Region.siblingCounty).post("/cases/\(caseID)/reverification", json: ""),
                          .forbidden, Self.outside)
            #expect(try await count("review_tasks WHERE status = 'open'", context.database) == 1)
            let reverified = try await officer(context, [.reviewer], Region.county).post("/cases/\(caseID)/reverification", json: "")
            #expect(reverified.status == .ok, "\(reverified.text)")
            #expect(try await count("review_tasks WHERE status = 'done'", context.database) == 1)
        }
    }

    /// A household that moves to 靖远县 (a residence change report with its new registration): the
    /// case follows it, so 景泰县 no longer sees it and 靖远县 does, reviews it under its own
    /// standard and pays it.
    @Test func aCaseWhoseHouseholdMovedIsTheNewCountys() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            try await Caseworker(context: context).publishJingtai2020()
            try await publishSiblingCounty2020(context)
            let caseID = try await approvedCase(context, mover, key: "scope-mover")  // approved 2026-03-09, paid from April
            let oldCounty = try await officer(context, [.intake, .reviewer], Region.county)
            let newCounty = try await officer(context, [.intake, .reviewer], Region.siblingCounty)
            let household = try #require(try await text("SELECT household_id::text FROM cases WHERE id = '\(caseID)'", context.database))

            // A residence bases on another kind of change is refused, and moves nothing.
            let misfiled = try await oldCounty.post("/cases/\(caseID)/change-reports", json: #"""
                {"kind":"income","description":"迁居","residence":[{"basis":"household-registration","region":"620421"}]}
                """#)
            expectRefused(misfiled, .badRequest, "change-report.residence-not-a-move")
            #expect(try await text("SELECT region FROM households WHERE id = '\(household)'", context.database) == Region.county)

            // The move is reported to the county the household leaves.
            let moved = try await oldCounty.post("/cases/\(caseID)/change-reports", json: #"""
                {"kind":"residence","description":"户籍迁至靖远县","residence":[{"basis":"household-registration","region":"620421"}]}
                """#)
            #expect(moved.status == .created, "\(moved.text)")
            #expect(try moved.json()["kind"] as? String == "re-verification")
            #expect(try await text("SELECT region FROM households WHERE id = '\(household)'", context.database) == Region.siblingCounty)
            #expect(try await text("SELECT region FROM cases WHERE id = '\(caseID)'", context.database) == Region.siblingCounty)

            // The old county is refused from now on; the new one reads it.
            expectRefused(try await oldCounty.get("/cases/\(caseID)"), .forbidden, Self.outside)
            expectRefused(try await oldCounty.post("/cases/\(caseID)/change-reports", json: #"{"kind":"income","description":"x"}"#),
                          .forbidden, Self.outside)
            expectRefused(try await oldCounty.post("/cases/\(caseID)/reverification", json: ""), .forbidden, Self.outside)
            #expect(try await count("review_tasks", context.database) == 1)
            let read = try await newCounty.get("/cases/\(caseID)")
            #expect(read.status == .ok, "\(read.text)")
            #expect(try read.json()["region"] as? String == Region.siblingCounty)

            // The re-verification task is the new county's.
            let oldTasks = try await oldCounty.get("/review-tasks").json()["tasks"] as? [[String: Any]]
            #expect(oldTasks?.count == 0)
            let newTasks = try await newCounty.get("/review-tasks").json()["tasks"] as? [[String: Any]]
            #expect(newTasks?.compactMap { $0["caseId"] as? String } == [caseID])
            #expect(newTasks?.first?["reason"] as? String == "residence change: 户籍迁至靖远县")

            // It re-verifies the case under its own standard (600 a month), and pays it; the old county no longer does.
            let reverified = try await newCounty.post("/cases/\(caseID)/reverification", json: "")
            #expect(reverified.status == .ok, "\(reverified.text)")
            #expect(try reverified.json()["monthlyAmountFen"] as? Int == 60_000)
            let worker = Caseworker(context: context)
            #expect(try await worker.roster("2026-04", region: Region.county)["households"] as? Int == 0)
            #expect(try await worker.roster("2026-04", region: Region.siblingCounty)["households"] as? Int == 1)
        }
    }

    // MARK: - Money

    @Test func rostersAndReserveTopUpsStayInTheFinanceOfficersRegion() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            try await Caseworker(context: context).publishJingtai2020()
            _ = try await approvedCase(context, applicant, key: "scope-roster")
            let countyFinance = try await officer(context, [.finance], Region.county)
            let cityFinance = try await officer(context, [.finance], Region.city)
            let roster = #"{"region":"620423","month":"2026-04"}"#

            expectRefused(try await officer(context, [.finance], Region.siblingCounty).post("/rosters", json: roster), .forbidden, Self.outside)
            expectRefused(try await countyFinance.post("/rosters", json: #"{"region":"620400","month":"2026-04"}"#), .forbidden, Self.outside)
            expectRefused(try await officer(context, [.approver], Region.county).post("/rosters", json: roster), .forbidden, Self.roleNotAllowed)
            expectRefused(try await context.client.anonymous.post("/rosters", json: roster), .unauthorized, "auth.token-missing")
            #expect(try await count("rosters", context.database) == 0)
            #expect(try await count("roster_payments", context.database) == 0)

            let paid = try await countyFinance.post("/rosters", json: roster)
            #expect(paid.status == .created, "\(paid.text)")
            #expect(try paid.json()["households"] as? Int == 1)
            let cityRun = try await cityFinance.post("/rosters", json: #"{"region":"620400","month":"2026-04"}"#)
            #expect(cityRun.status == .created, "\(cityRun.text)")
            #expect(try cityRun.json()["households"] as? Int == 0)  // paid once, by the county's roster

            // Listings keep to the token's region: the county sees its roster, not the city's; the city both.
            let countyList = try await countyFinance.get("/rosters").json()["rosters"] as? [[String: Any]]
            #expect(countyList?.compactMap { $0["region"] as? String } == [Region.county])
            let cityList = try await cityFinance.get("/rosters").json()["rosters"] as? [[String: Any]]
            #expect(Set(cityList?.compactMap { $0["region"] as? String } ?? []) == [Region.county, Region.city])
            expectRefused(try await countyFinance.get("/rosters?region=620421"), .forbidden, Self.outside)

            // A township's reserve: its county's finance tops it up; the sibling county's cannot.
            let topUp = #"{"amountFen":100000}"#
            expectRefused(try await officer(context, [.finance], Region.siblingCounty).post("/reserve-funds/\(Region.township)/top-ups", json: topUp),
                          .forbidden, Self.outside)
            expectRefused(try await officer(context, [.intake], Region.township).post("/reserve-funds/\(Region.township)/top-ups", json: topUp),
                          .forbidden, Self.roleNotAllowed)
            #expect(try await count("reserve_funds", context.database) == 0)
            let topped = try await countyFinance.post("/reserve-funds/\(Region.township)/top-ups", json: topUp)
            #expect(topped.status == .ok, "\(topped.text)")
            #expect(try topped.json()["balanceFen"] as? Int == 100_000)
        }
    }

    @Test func recoveryClaimsAreListedWhereTheCasesHouseholdLives() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            try await Caseworker(context: context).publishJingtai2020()
            let caseID = try #require(UUID(uuidString: try await approvedCase(context, applicant, key: "scope-claim")))
            let claimID = UUID()
            // A claim as a late death report opens it (RosterAndLifeEventTests drives that path end to end).
            try await context.database.client.query("""
                INSERT INTO roster_recovery_claims (id, beneficiary_id, program, person_ref, ended_on, months, amount_fen, opened_on)
                VALUES (\(claimID), \(caseID), 'minimum-living-allowance', \(AssistanceHarness.person(applicant).rawValue), '2026-04-10',
                        '{"2026-05": 57700}', 57700, '2026-05-20')
                """, logger: TestKafka.logger)
            func claims(_ roles: [Role], _ region: String) async throws -> [String] {
                let response = try await officer(context, roles, region).get("/recovery-claims")
                #expect(response.status == .ok, "\(response.text)")
                return ((try response.json()["claims"] as? [[String: Any]]) ?? []).compactMap { $0["claimId"] as? String }
            }
            #expect(try await claims([.finance], Region.county) == [claimID.uuidString])
            #expect(try await claims([.auditor], Region.city) == [claimID.uuidString])
            #expect(try await claims([.finance], Region.siblingCounty) == [])
            expectRefused(try await officer(context, [.intake], Region.county).get("/recovery-claims"), .forbidden, Self.roleNotAllowed)
        }
    }

    // MARK: - Temporary assistance

    @Test func temporaryAssistanceIsTheReportingTownships() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let now = Date()
            func at(_ hours: Double) -> String { RFC3339.format(now.addingTimeInterval(hours * 3_600)) }
            let township = try await officer(context, [.intake], Region.township)
            let siblingTownship = try await officer(context, [.intake], Region.siblingTownship)
            #expect(try await context.client.post("/reserve-funds/\(Region.township)/top-ups", json: #"{"amountFen":100000}"#).status == .ok)
            let report = #"""
                {"kind":"urgent","residentId":"\#(applicant.rawValue)","township":"\#(Region.township)",
                 "description":"房屋失火","reportedAt":"\#(at(-2))"}
                """#

            expectRefused(try await siblingTownship.post("/temporary-assistance", json: report), .forbidden, Self.outside)
            expectRefused(try await officer(context, [.intake], Region.siblingCounty).post("/temporary-assistance", json: report),
                          .forbidden, Self.outside)
            #expect(try await count("temporary_cases", context.database) == 0)
            let reported = try await township.post("/temporary-assistance", json: report)
            #expect(reported.status == .created, "\(reported.text)")
            let id = try #require(try reported.json()["caseId"] as? String)

            let advance = #"{"amountFen":50000,"advancedAt":"\#(at(-1))"}"#
            expectRefused(try await siblingTownship.get("/temporary-assistance/\(id)"), .forbidden, Self.outside)
            expectRefused(try await siblingTownship.post("/temporary-assistance/\(id)/advance", json: advance), .forbidden, Self.outside)
            #expect(try await AssistanceHarness.scalar("SELECT balance_fen FROM reserve_funds", as: Int64.self, context.database) == 100_000)
            let advanced = try await township.post("/temporary-assistance/\(id)/advance", json: advance)
            #expect(advanced.status == .ok, "\(advanced.text)")
            #expect(try await AssistanceHarness.scalar("SELECT balance_fen FROM reserve_funds", as: Int64.self, context.database) == 50_000)

            // The review: the county above (a reviewer), not the sibling county, not the intake.
            let review = #"{"grantedFen":80000}"#
            let outboxBefore = try await count("outbox", context.database)
            expectRefused(try await officer(context, [.reviewer], Region.siblingCounty).post("/temporary-assistance/\(id)/review", json: review),
                          .forbidden, Self.outside)
            expectRefused(try await township.post("/temporary-assistance/\(id)/review", json: review), .forbidden, Self.roleNotAllowed)
            #expect(try await count("outbox", context.database) == outboxBefore)
            let reviewed = try await officer(context, [.reviewer], Region.county).post("/temporary-assistance/\(id)/review", json: review)
            #expect(reviewed.status == .ok, "\(reviewed.text)")
            #expect(try reviewed.json()["status"] as? String == "reviewed")
            let cityRead = try await officer(context, [.auditor], Region.city).get("/temporary-assistance/\(id)")
            #expect(cityRead.status == .ok, "\(cityRead.text)")
        }
    }

    // MARK: - Monitoring

    @Test func leadsAreListedAndFollowedUpWhereTheHouseholdLives() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            try await Caseworker(context: context).publishJingtai2020()
            try await publishSiblingCounty2020(context)
            _ = try await approvedCase(context, applicant, key: "scope-lead-jingtai")
            _ = try await approvedCase(context, neighbour, key: "scope-lead-jingyuan", registeredIn: Region.siblingCounty)
            func signal(_ resident: ResidentID) -> String {
                #"""
                {"signalId":"\#(UUID().uuidString)","residentId":"\#(resident.rawValue)","kind":"unemployment",
                 "agency":"employment-services","reportedOn":"2026-03-08"}
                """#
            }
            func leads(_ client: AuthorizingTestClient) async throws -> [String] {
                let response = try await client.get("/leads")
                #expect(response.status == .ok, "\(response.text)")
                return ((try response.json()["leads"] as? [[String: Any]]) ?? []).compactMap { $0["personRef"] as? String }.sorted()
            }
            let jingtai = try await officer(context, [.intake], Region.county)
            let jingyuan = try await officer(context, [.intake], Region.siblingCounty)

            // Jingtai's officer reports a signal about Jingyuan's recipient: the lead is raised there,
            // and the answer does not show it to Jingtai.
            let reported = try await jingtai.post("/risk-signals", json: signal(neighbour))
            #expect(reported.status == .created, "\(reported.text)")
            #expect((try reported.json()["leads"] as? [[String: Any]])?.count == 0)
            #expect(try await count("leads", context.database) == 1)
            let own = try await jingtai.post("/risk-signals", json: signal(applicant))
            #expect((try own.json()["leads"] as? [[String: Any]])?.count == 1)

            let applicantRef = try AssistanceHarness.person(applicant).rawValue
            let neighbourRef = try AssistanceHarness.person(neighbour).rawValue
            #expect(try await leads(jingtai) == [applicantRef])
            #expect(try await leads(jingyuan) == [neighbourRef])
            #expect(try await leads(try await officer(context, [.auditor], Region.city)) == [applicantRef, neighbourRef].sorted())
            #expect(try await leads(try await officer(context, [.intake], Region.township)) == [])
            expectRefused(try await officer(context, [.finance], Region.county).get("/leads"), .forbidden, Self.roleNotAllowed)

            // Following up: the household's county only.
            let leadID = try #require(try await text("SELECT id::text FROM leads WHERE person_ref = '\(neighbourRef)'", context.database))
            expectRefused(try await jingtai.post("/leads/\(leadID)/follow-up", json: #"{"note":"电话联系"}"#), .forbidden, Self.outside)
            #expect(try await text("SELECT status FROM leads WHERE id = '\(leadID)'", context.database) == "open")
            let followed = try await jingyuan.post("/leads/\(leadID)/follow-up", json: #"{"note":"电话联系"}"#)
            #expect(followed.status == .ok, "\(followed.text)")
            #expect(try followed.json()["status"] as? String == "following-up")
        }
    }

    // MARK: - Standards and agency data

    @Test func theCityMinimumIsTheCitysAndPublishedStandardsAreReadByAll() async throws {
        try await AssistanceHarness.with(today: "2026-03-02") { context in
            let minimum = #"{"minimumLivingAllowanceFen":55000}"#
            expectRefused(try await officer(context, [.policy], Region.county).put("/city-minimum-standards/2026/urban", json: minimum),
                          .forbidden, Self.outside)
            expectRefused(try await officer(context, [.intake], Region.city).put("/city-minimum-standards/2026/urban", json: minimum),
                          .forbidden, Self.roleNotAllowed)
            #expect(try await count("city_minimum_standards", context.database) == 0)
            let set = try await officer(context, [.policy], Region.city).put("/city-minimum-standards/2026/urban", json: minimum)
            #expect(set.status == .noContent, "\(set.text)")
            #expect(try await count("city_minimum_standards", context.database) == 1)

            // A county's standards: its own policy officer, not the sibling county's.
            let standard = #"""
                {"region":"620423","year":2026,"area":"urban","minimumLivingAllowanceFen":60000,"extremePovertyBasicFen":78000}
                """#
            expectRefused(try await officer(context, [.policy], Region.siblingCounty).post("/standards", json: standard), .forbidden,
                          Self.outside)
            #expect(try await count("standards", context.database) == 0)
            let published = try await officer(context, [.policy], Region.county).post("/standards", json: standard)
            #expect(published.status == .created, "\(published.text)")

            // Published standards are public: a township's intake reads its county's.
            let read = try await officer(context, [.intake], Region.township).get("/standards?region=620423")
            #expect(read.status == .ok, "\(read.text)")
            #expect((try read.json()["standards"] as? [[String: Any]])?.count == 1)

            // Agency deliveries are bureau-wide: the policy role, any region; not the intake.
            let delivery = #"""
                {"records":[{"residentId":"\#(applicant.rawValue)","kind":"income","category":"wages","amountFen":120000}]}
                """#
            expectRefused(try await officer(context, [.intake], Region.county).put("/verification-sources/social-insurance/records",
                                                                                   json: delivery),
                          .forbidden, Self.roleNotAllowed)
            #expect(try await count("verification_records", context.database) == 0)
            let delivered = try await officer(context, [.policy], Region.county).put("/verification-sources/social-insurance/records",
                                                                                     json: delivery)
            #expect(delivered.status == .ok, "\(delivered.text)")
            #expect(try await count("verification_records", context.database) == 1)
        }
    }
}
