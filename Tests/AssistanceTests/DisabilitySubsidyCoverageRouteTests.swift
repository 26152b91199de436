import AssistanceDomain
import Contracts
import Foundation
import HummingbirdTesting
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// `POST /disability-subsidy-coverage-counts`: the county's coverage of the two subsidies counted
/// from Assistance's own records, published for the statistics, with the uncovered named.
@Suite("Disability subsidy coverage counts", .tags(.postgres, .kafka, .slow), .serialized)
struct DisabilitySubsidyCoverageRouteTests {
    static func count(_ context: AssistanceHarness.Context, month: String) async throws -> TestResponse {
        try await context.client.post("/disability-subsidy-coverage-counts", json: #"{"region":"620423","month":"\#(month)"}"#)
    }

    static func figures(_ response: TestResponse) throws -> [String] {
        ((try response.json()["programs"] as? [[String: Any]]) ?? []).map {
            "\($0["program"] as? String ?? "?") \($0["covered"] as? Int ?? -1)/\($0["eligible"] as? Int ?? -1)"
        }
    }

    @Test func theCountNamesWhoQualifiesAndIsNotYetPaidAndIsPublished() async throws {
        try await AssistanceHarness.with(today: "2026-01-05") { context in
            // A 低保 couple: grade 1 (severe) and grade 3 (type not recorded).
            let household = try await DisabilitySubsidyGrantRouteTests.householdIn低保(context)
            let severe = try DisabilitySubsidyGrantRouteTests.severe
            for kind in ["living", "nursing"] {
                let granted = try await DisabilitySubsidyGrantRouteTests.grant(context, household: household, member: severe, kind: kind, grade: 1)
                #expect(granted.status == .created, "\(granted.text)")
            }
            // January is before the grants' first month: both qualify for living, nobody is paid.
            let january = try await Self.count(context, month: "2026-01")
            #expect(january.status == .created, "\(january.text)")
            #expect(try Self.figures(january) == ["disability-living-subsidy 0/2", "disability-nursing-subsidy 0/1"])

            let february = try await Self.count(context, month: "2026-02")
            #expect(try Self.figures(february) == ["disability-living-subsidy 1/2", "disability-nursing-subsidy 1/1"])
            let programs = (try february.json()["programs"] as? [[String: Any]]) ?? []
            #expect(programs.first?["coveragePermille"] as? Int == 500)
            #expect(try programs.first?["uncovered"] as? [String] == [AssistanceHarness.person(DisabilitySubsidyGrantRouteTests.moderate).rawValue])
            #expect(programs.last?["uncovered"] as? [String] == [])

            // Another county's officer may not count this one.
            let outside = try await context.client.acting(as: [.approver], region: "620421")
                .post("/disability-subsidy-coverage-counts", json: #"{"region":"620423","month":"2026-02"}"#)
            #expect(outside.status == .forbidden)

            let events = try await context.published.events(ofType: DisabilitySubsidyCoverageCounted.eventType.rawValue, count: 2,
                                                            settle: .seconds(1))
            let counts = try events.map { try $0.cloudEvent().decode(DisabilitySubsidyCoverageCounted.self) }
            #expect(counts.map { "\($0.region) \($0.month.iso) " + $0.programs.map { "\($0.covered)/\($0.eligible)" }.joined(separator: " ") }.sorted()
                    == ["620423 2026-01 0/2 0/1", "620423 2026-02 1/2 1/1"])
            #expect(events.map { String(decoding: $0.key ?? [], as: UTF8.self) }.sorted() == ["620423:2026-01", "620423:2026-02"])
        }
    }
}
