import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
@testable import Assistance

/// Drives the Assistance API as a caseworker would, for the integration tests.
struct Caseworker {
    let context: AssistanceHarness.Context
    var client: any TestClientProtocol { context.client }

    /// Jingtai's 2020 standards: urban 低保 577/month, rural 4,428/year; urban 特困 9,012/year, rural 6,360/year.
    func publishJingtai2020() async throws {
        let urban = try await client.post("/standards", json: #"""
            {"region":"620423","year":2020,"area":"urban","minimumLivingAllowanceFen":57700,"extremePovertyBasicAnnualFen":901200}
            """#)
        #expect(urban.status == .created, "\(urban.text)")
        let rural = try await client.post("/standards", json: #"""
            {"region":"620423","year":2020,"area":"rural","minimumLivingAllowanceAnnualFen":442800,"extremePovertyBasicAnnualFen":636000}
            """#)
        #expect(rural.status == .created, "\(rural.text)")
    }

    struct MemberSpec {
        var id: ResidentID
        var relation = "applicant"
        var workCapacity = "full"
        var wagesFen: Int64 = 0
        var disabilityGrade: Int?
        var seriouslyIll = false
        var employmentCostsFen: Int64?
    }

    func applicationJSON(key: String, program: String = "minimum-living-allowance", area: String = "urban",
                         members: [MemberSpec], applicant: ResidentID? = nil, authorised: Bool = true,
                         residence: String = #"[{"basis":"household-registration","region":"620423"}]"#) -> String {
        let memberJSON = members.map { member in
            var fields = [
                #""residentId":"\#(member.id.rawValue)""#, #""relation":"\#(member.relation)""#,
                #""workCapacity":"\#(member.workCapacity)""#, #""seriouslyIll":\#(member.seriouslyIll)"#,
                #""declaredIncomes":[{"kind":"wages","monthlyFen":\#(member.wagesFen)}]"#,
            ]
            if let grade = member.disabilityGrade { fields.append(#""disabilityGrade":\#(grade)"#) }
            if let costs = member.employmentCostsFen { fields.append(#""employmentCostsFen":\#(costs)"#) }
            return "{" + fields.joined(separator: ",") + "}"
        }.joined(separator: ",")
        return #"""
            {"idempotencyKey":"\#(key)","program":"\#(program)","intakeRegion":"\#(AssistanceHarness.township)",
             "applicantResidentId":"\#((applicant ?? members[0].id).rawValue)","authorisationSigned":\#(authorised),
             "household":{"area":"\#(area)","residence":\#(residence),"members":[\#(memberJSON)]}}
            """#
    }

    /// Submits and returns the application id.
    func apply(_ json: String) async throws -> String {
        let response = try await client.post("/applications", json: json)
        #expect(response.status == .created, "\(response.text)")
        return try #require(try response.json()["applicationId"] as? String)
    }

    /// Verification, home visit, public notice, then approval once the notice is over. Returns the case ids.
    func approveThroughWorkflow(_ application: String) async throws -> [String] {
        let verified = try await client.post("/applications/\(application)/verification", json: "")
        #expect(verified.status == .ok, "\(verified.text)")
        let visit = try await client.post("/applications/\(application)/home-visit",
                                          json: #"{"visitor":"王社工","notes":"土坯房两间，无大件家电"}"#)
        #expect(visit.status == .ok, "\(visit.text)")
        #expect(try await client.post("/applications/\(application)/public-notice", json: "").status == .ok)
        context.clock.set(context.clock.today().adding(days: 7))
        let approved = try await client.post("/applications/\(application)/approval", json: #"{"authority":"county"}"#)
        #expect(approved.status == .ok, "\(approved.text)")
        return (try approved.json()["caseIds"] as? [String]) ?? []
    }

    func caseView(_ id: String) async throws -> [String: Any] {
        let response = try await client.get("/cases/\(id)")
        #expect(response.status == .ok, "\(response.text)")
        return try response.json()
    }

    func roster(_ month: String, region: String = "620423") async throws -> [String: Any] {
        let response = try await client.post("/rosters", json: #"{"region":"\#(region)","month":"\#(month)"}"#)
        #expect(response.status == .created || response.status == .ok, "\(response.text)")
        return try response.json()
    }
}
