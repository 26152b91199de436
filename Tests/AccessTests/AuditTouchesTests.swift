import Contracts
import Foundation
import ServiceKit
import TestKit
import Testing

/// What an audit row says a request touched, found in its path, query and bodies.
@Suite("Audit: the people and records a request touched", .tags(.unit))
struct AuditTouchesTests {
    static let key: PersonRefKey = {
        do { return try PersonRefKey(hex: String(repeating: "ab", count: 32)) } catch { fatalError("a fixed valid key: \(error)") }
    }()
    static func resident(_ sequence: Int) throws -> ResidentID {
        ResidentID.make(region: try RegionCode("620423"), birth: try CivilDate(iso: "1948-05-17"), sequence: sequence)
    }

    @Test func aResidentIDIsRecordedAsItsPersonRefNeverAsItself() throws {
        let id = try Self.resident(31)
        var touches = AuditTouches(key: Self.key)
        touches.addJSON(Data(#"{"residentId":"\#(id.rawValue)","region":"620423"}"#.utf8))
        #expect(touches.personRefs == [PersonRef.derive(from: id, key: Self.key).rawValue])
        #expect(touches.recordIDs == [])
    }

    @Test func personRefsAndRecordIdsAreFoundAtAnyDepth() throws {
        let ref = PersonRef.derive(from: try Self.resident(33), key: Self.key).rawValue
        let caseID = UUID(), householdID = UUID(), claimID = UUID()
        let json = #"""
        {"caseId":"\#(caseID)","householdId":"\#(householdID)","recipients":["\#(ref)"],
         "recoveryClaims":[{"id":"\#(claimID)","months":["2026-01"]}],"program":"minimum-living-allowance",
         "note":"\#(UUID())"}
        """#
        var touches = AuditTouches(key: Self.key)
        touches.addJSON(Data(json.utf8))
        #expect(touches.personRefs == [ref])
        // `note` holds a UUID but does not name a record: not taken.
        #expect(touches.recordIDs == Set([caseID, householdID, claimID].map { $0.uuidString.lowercased() }))
    }

    @Test func pathValuesAreRecordsUnlessTheyArePeopleAndQueryValuesOnlyWhenIds() throws {
        let id = UUID()
        let resident = try Self.resident(35)
        var touches = AuditTouches(key: Self.key)
        touches.addPathValue(id.uuidString)
        touches.addPathValue("J620423-2025-000123")
        touches.addQueryValue(resident.rawValue)
        touches.addQueryValue("620423")
        touches.addQueryValue("open")
        #expect(touches.personRefs == [PersonRef.derive(from: resident, key: Self.key).rawValue])
        #expect(touches.recordIDs == [id.uuidString.lowercased(), "J620423-2025-000123"])
    }

    @Test func somethingThatIsNotJSONIsSkipped() {
        var touches = AuditTouches(key: Self.key)
        touches.addJSON(Data("not json".utf8))
        touches.addJSON(Data())
        #expect(touches.personRefs.isEmpty)
        #expect(touches.recordIDs.isEmpty)
    }
}
