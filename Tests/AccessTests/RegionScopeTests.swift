import Access
import Contracts
import TestKit
import Testing

@Suite("Access: region scope", .tags(.unit))
struct RegionScopeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var token: String
        var record: String
        var permitted: Bool
        var why: String
        var testDescription: String { "token \(token) record \(record): \(permitted ? "within" : "outside") (\(why))" }
    }

    // 620400 白银市 (city) → 620423 景泰县, 620422 会宁县 (counties) → 620423100, 620423101 (townships).
    static let cases: [Case] = [
        // The same region.
        Case(token: "620400", record: "620400", permitted: true, why: "city sees its own city-level record"),
        Case(token: "620423", record: "620423", permitted: true, why: "county sees its own county"),
        Case(token: "620423100", record: "620423100", permitted: true, why: "township sees its own township"),
        // Finer records inside the token's region.
        Case(token: "620400", record: "620423", permitted: true, why: "city sees a county in it"),
        Case(token: "620400", record: "620423100", permitted: true, why: "city sees a township in it"),
        Case(token: "620400", record: "620423100001", permitted: true, why: "city sees a village in it"),
        Case(token: "620423", record: "620423100", permitted: true, why: "county sees a township in it"),
        Case(token: "620423", record: "620423100001", permitted: true, why: "county sees a village in it"),
        Case(token: "620423100", record: "620423100001", permitted: true, why: "township sees a village in it"),
        // Siblings.
        Case(token: "620423", record: "620422", permitted: false, why: "sibling county"),
        Case(token: "620423100", record: "620423101", permitted: false, why: "sibling township"),
        Case(token: "620423100", record: "620422100", permitted: false, why: "same township digits in another county"),
        Case(token: "620400", record: "620500", permitted: false, why: "sibling city"),
        Case(token: "620400", record: "620502", permitted: false, why: "county of a sibling city"),
        Case(token: "620400", record: "110101", permitted: false, why: "another province"),
        // Records coarser than the token.
        Case(token: "620423", record: "620400", permitted: false, why: "county token, city-level record"),
        Case(token: "620423100", record: "620423", permitted: false, why: "township token, county-level record"),
        Case(token: "620423100", record: "620400", permitted: false, why: "township token, city-level record"),
        // NBS padding is the same region.
        Case(token: "620423000000", record: "620423100", permitted: true, why: "padded county token"),
        Case(token: "620423", record: "620423100000", permitted: true, why: "padded township record"),
    ]

    @Test(arguments: cases)
    func scope(_ example: Case) throws {
        let token = try RegionCode(example.token)
        let record = try RegionCode(example.record)
        #expect(RegionScope.permits(token: token, record: record) == example.permitted)
    }

    @Test func aProvinceTokenSeesItsCities() throws {
        #expect(RegionScope.permits(token: try RegionCode("620000"), record: try RegionCode("620423100")) == true)
        #expect(RegionScope.permits(token: try RegionCode("620000"), record: try RegionCode("630102")) == false)
    }

    /// A household that moved from 景泰县 (620423) to 会宁县 (620422): its current region decides, so
    /// the old county's officer loses it and the new county's gains it.
    @Test func aMovedHouseholdFollowsItsCurrentRegion() throws {
        let before = try RegionCode("620423100")
        let now = try RegionCode("620422101")
        let oldCounty = Principal(subject: "old", roles: [.reviewer], region: try RegionCode("620423"))
        let newCounty = Principal(subject: "new", roles: [.reviewer], region: try RegionCode("620422"))
        let city = Principal(subject: "city", roles: [.reviewer], region: try RegionCode("620400"))

        #expect(RegionScope.permits(token: oldCounty.region, record: before) == true)
        #expect(throws: RuleViolation.self) { try RegionScope.check(oldCounty, record: now) }
        #expect(RegionScope.permits(token: oldCounty.region, record: now) == false)
        #expect(RegionScope.permits(token: newCounty.region, record: now) == true)
        try RegionScope.check(city, record: now)
    }

    @Test func outsideRegionIsAForbiddenRefusalWithAStableCode() throws {
        let principal = Principal(subject: "s", roles: [.intake], region: try RegionCode("620423100"))
        let sibling = try RegionCode("620423101")
        do {
            try RegionScope.check(principal, record: sibling)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == "auth.outside-region")
            #expect(error.kind == .forbidden)
        }
    }
}
