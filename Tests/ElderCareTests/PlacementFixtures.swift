import Contracts
import ElderCareDomain
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// Requests and look-ups the assessment, institution and waiting-list tests share.
enum PlacementFixtures {
    static let county = ElderCareHarness.county
    /// 靖远县, a neighbouring county of 白银.
    static let otherCounty = "620421"

    /// A public body's code (机构编制, 事业单位): a 公办 institution run by the state.
    static func publicBody(_ base: String = "43900512") throws -> CreditCode {
        try CreditCode.make(authority: "1", type: "2", region: try RegionCode(county), organisationCodeBase8: base)
    }

    /// A social organisation's code (民政, 民办非企业单位): 公建民营 or a 民办 home.
    static func socialOrganisation(_ base: String = "MJ0Y1234") throws -> CreditCode {
        try CreditCode.make(authority: "5", type: "2", region: try RegionCode(county), organisationCodeBase8: base)
    }

    /// An enterprise's code (市场监管).
    static func enterprise(_ base: String = "MA0000AB") throws -> CreditCode {
        try CreditCode.make(authority: "9", type: "1", region: try RegionCode(county), organisationCodeBase8: base)
    }

    /// Item scores: every item at its maximum (90, 能力完好) except those in `scores`.
    static func items(_ scores: [CapabilityItem: Int] = [:]) -> String {
        let pairs = CapabilityItem.allCases.map { #""\#($0.code)":\#(scores[$0] ?? $0.maximumScore)"# }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    /// 重度失能: self-care and mobility 0, the rest at the maximum (28 + 15 = 43).
    static var severe: [CapabilityItem: Int] {
        Dictionary(uniqueKeysWithValues: (CapabilityDomain.selfCare.items + CapabilityDomain.basicMobility.items).map { ($0, 0) })
    }

    static func assessmentJSON(_ resident: ResidentID, region: String = county, on day: String = "2026-03-01",
                               scores: [CapabilityItem: Int] = [:]) -> String {
        #"{"residentId":"\#(resident.rawValue)","region":"\#(region)","assessedOn":"\#(day)","items":\#(items(scores))}"#
    }

    static func assessor(_ context: ElderCareHarness.Context, region: String = county) async throws -> AuthorizingTestClient {
        try await context.client.acting(as: [.assessor], region: region, subject: "assessor-\(region)")
    }

    static func caseworker(_ context: ElderCareHarness.Context, region: String = county) async throws -> AuthorizingTestClient {
        try await context.client.acting(as: [.caseworker], region: region, subject: "caseworker-\(region)")
    }

    /// Records an assessment and expects it accepted.
    static func assess(_ resident: ResidentID, scores: [CapabilityItem: Int] = [:], _ context: ElderCareHarness.Context) async throws {
        let response = try await assessor(context).post("/assessments", json: assessmentJSON(resident, scores: scores))
        #expect(response.status == .created, "\(response.text)")
    }

    static func filingJSON(name: String = "景泰县社会福利院", code: CreditCode, ownership: String = "public", kind: String = "welfare-home",
                           region: String = county) -> String {
        #"{"name":"\#(name)","operatorCode":"\#(code.rawValue)","ownership":"\#(ownership)","kind":"\#(kind)","region":"\#(region)","filedOn":"2025-06-01"}"#
    }

    /// Files an institution with beds and returns its id.
    static func institution(_ context: ElderCareHarness.Context, name: String = "景泰县社会福利院", code: CreditCode,
                            ownership: String = "public", kind: String = "welfare-home", nursing: (Int, Int) = (0, 0),
                            general: (Int, Int) = (0, 0), dementia: (Int, Int) = (0, 0)) async throws -> String {
        let client = try await caseworker(context)
        let filed = try await client.post("/institutions", json: filingJSON(name: name, code: code, ownership: ownership, kind: kind))
        #expect(filed.status == .created, "\(filed.text)")
        let id = try #require(try filed.json()["institutionId"] as? String)
        let beds = try await client.put("/institutions/\(id)/beds", json: bedsJSON(nursing: nursing, general: general, dementia: dementia))
        #expect(beds.status == .ok, "\(beds.text)")
        return id
    }

    static func bedsJSON(nursing: (Int, Int), general: (Int, Int), dementia: (Int, Int) = (0, 0)) -> String {
        #"{"nursing":{"beds":\#(nursing.0),"occupied":\#(nursing.1)},"dementia":{"beds":\#(dementia.0),"occupied":\#(dementia.1)},"general":{"beds":\#(general.0),"occupied":\#(general.1)},"changedOn":"2026-01-05"}"#
    }

    static func applicationJSON(_ resident: ResidentID, region: String = county, categories: [String] = []) -> String {
        let list = categories.map { #""\#($0)""# }.joined(separator: ",")
        return #"{"residentId":"\#(resident.rawValue)","region":"\#(region)","circumstances":{"categories":[\#(list)]}}"#
    }

    /// Applies and returns the entry id.
    static func apply(_ resident: ResidentID, categories: [String] = [], _ context: ElderCareHarness.Context) async throws -> String {
        let response = try await caseworker(context).post("/waiting-list", json: applicationJSON(resident, categories: categories))
        #expect(response.status == .created, "\(response.text)")
        return try #require(try response.json()["entryId"] as? String)
    }

    static func offerJSON(_ institution: String, bed: String = "general") -> String {
        #"{"institutionId":"\#(institution)","bedType":"\#(bed)"}"#
    }

    /// The beds of `type` of an institution: (beds, occupied).
    static func beds(_ institution: String, _ type: String, _ context: ElderCareHarness.Context) async throws -> [Int] {
        let response = try await caseworker(context).get("/institutions/\(institution)")
        let beds = try #require(try response.json()["beds"] as? [[String: Any]])
        let row = try #require(beds.first { $0["type"] as? String == type })
        return [row["beds"] as? Int ?? -1, row["occupied"] as? Int ?? -1]
    }

    static func count(_ table: String, _ context: ElderCareHarness.Context) async throws -> Int? {
        try await ElderCareHarness.scalar("SELECT count(*)::int FROM \(table)", context.database)
    }
}
