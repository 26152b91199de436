import Contracts
import Foundation
import Testing
import TestKit
import Roster
@testable import RosterStore

/// The summary's wire format: the fields each service's `openapi.json` documents, with the count of
/// payments named after the service (`households` for 低保, `paid` elsewhere).
@Suite("RosterSummary", .tags(.unit))
struct RosterSummaryTests {
    static let rosterID = UUID(uuidString: "00000000-0000-0000-0000-000000000001")
    static let earlier = UUID(uuidString: "00000000-0000-0000-0000-000000000002")

    func run(recorded: Bool = true) throws -> RosterRun {
        RosterRun(rosterID: recorded ? Self.rosterID : nil, region: try RegionCode("620423"), month: try YearMonth(iso: "2026-05"),
                  payments: 3, total: Money(fen: 249_300),
                  programs: [PaymentRoster.ProgramTotal(program: "minimum-living-allowance", payments: 3, total: Money(fen: 249_300))],
                  skipped: 1, earlierRosters: [try #require(Self.earlier)])
    }

    func object(_ value: some Encodable) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any])
    }

    @Test("households: the 低保 roster's count, in the summary and per program")
    func households() throws {
        let json = try object(RosterSummary(try run(), paymentsField: .households))
        #expect(Set(json.keys) == ["rosterId", "region", "month", "households", "totalFen", "skipped", "programs", "earlierRosters"])
        #expect(json["rosterId"] as? String == "00000000-0000-0000-0000-000000000001")
        #expect(json["region"] as? String == "620423")
        #expect(json["month"] as? String == "2026-05")
        #expect(json["households"] as? Int == 3)
        #expect(json["totalFen"] as? Int == 249_300)
        #expect(json["skipped"] as? Int == 1)
        #expect(json["earlierRosters"] as? [String] == ["00000000-0000-0000-0000-000000000002"])
        let programs = try #require(json["programs"] as? [[String: Any]])
        #expect(programs.count == 1)
        #expect(Set(programs[0].keys) == ["program", "households", "totalFen"])
        #expect(programs[0]["program"] as? String == "minimum-living-allowance")
        #expect(programs[0]["households"] as? Int == 3)
        #expect(programs[0]["totalFen"] as? Int == 249_300)
    }

    @Test("paid: the other rosters' count, in the summary and per program")
    func paid() throws {
        let json = try object(RosterSummary(try run(), paymentsField: .paid))
        #expect(Set(json.keys) == ["rosterId", "region", "month", "paid", "totalFen", "skipped", "programs", "earlierRosters"])
        #expect(json["paid"] as? Int == 3)
        let programs = try #require(json["programs"] as? [[String: Any]])
        #expect(Set(programs[0].keys) == ["program", "paid", "totalFen"])
        #expect(programs[0]["paid"] as? Int == 3)
    }

    @Test("a re-run that recorded nothing has no rosterId; nil programs leave the field out")
    func absentFields() throws {
        var summary = RosterSummary(try run(recorded: false), paymentsField: .paid)
        summary.programs = nil
        let json = try object(summary)
        #expect(Set(json.keys) == ["region", "month", "paid", "totalFen", "skipped", "earlierRosters"])
    }
}
