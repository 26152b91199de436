import Contracts
import Testing
@testable import RegistryDomain
import TestKit

@Suite("Marriage eligibility (Civil Code arts. 1042, 1046–1049)", .tags(.unit))
struct MarriageEligibilityTests {
    typealias F = RegistryDomainFixture
    typealias Party = MarriageEligibility.Party

    static var groom: Party { get throws { try Party(id: F.man(born: "1995-03-10"), currentlyMarried: false) } }
    static var bride: Party { get throws { try Party(id: F.woman(born: "1997-07-01"), currentlyMarried: false) } }
    static var day: CivilDate { get throws { try F.day("2026-05-20") } }

    /// The codes refused; by default on the suite's day.
    func codes(_ a: Party, _ b: Party, _ kinship: Kinship? = .unrelated, on date: CivilDate? = nil) throws -> [String] {
        try MarriageEligibility.violations(partyA: a, partyB: b, declaredKinship: kinship, on: date ?? Self.day).map(\.code)
    }

    @Test func eligibleCoupleMayMarry() throws {
        #expect(try codes(Self.groom, Self.bride) == [])
        try MarriageEligibility.check(partyA: Self.groom, partyB: Self.bride, declaredKinship: .unrelated, on: Self.day)
        // Party order does not matter.
        try MarriageEligibility.check(partyA: Self.bride, partyB: Self.groom, declaredKinship: .unrelated, on: Self.day)
    }

    @Test func samePersonIsRefusedAlone() throws {
        let violations = try MarriageEligibility.violations(partyA: Self.groom, partyB: Self.groom, declaredKinship: nil, on: Self.day)
        #expect(violations.map(\.code) == ["marriage.same-person"])
        #expect(violations.first?.kind == .invalidInput)
    }

    @Test(arguments: [Sex.male, Sex.female])
    func twoPeopleOfTheSameSexAreRefused(sex: Sex) throws {
        let a = try Party(id: F.person(sex, born: "1990-01-01"), currentlyMarried: false)
        let b = try Party(id: sex == .male ? F.man(born: "1991-02-02", sequence: 3) : F.woman(born: "1991-02-02", sequence: 4),
                          currentlyMarried: false)
        #expect(try codes(a, b) == ["marriage.not-man-and-woman"])
    }

    /// (sex, birth date, registration day, may marry). Man 22, woman 20, counted in full years on the day.
    static let ageCases: [(Sex, String, String, Bool)] = [
        (.male, "2004-05-20", "2026-05-20", true),     // exactly 22 on the registration day
        (.male, "2004-05-20", "2026-05-19", false),    // one day short
        (.male, "2004-05-21", "2026-05-20", false),
        (.female, "2006-05-20", "2026-05-20", true),   // exactly 20
        (.female, "2006-05-20", "2026-05-19", false),  // one day short
        (.female, "2006-05-21", "2026-05-20", false),
        (.male, "2004-02-29", "2026-02-28", false),    // 29 Feb birthday, non-leap year: not yet 22
        (.male, "2004-02-29", "2026-03-01", true),     // … 22 on 1 March
        (.female, "2008-02-29", "2028-02-28", false),  // leap year: 20 on 29 Feb itself
        (.female, "2008-02-29", "2028-02-29", true),
        (.male, "2005-12-31", "2027-12-31", true),
        (.male, "2005-12-31", "2027-12-30", false),
        (.female, "2006-01-01", "2025-12-31", false),
        (.female, "2006-01-01", "2026-01-01", true),
    ]

    @Test(arguments: ageCases)
    func marriageableAge(sex: Sex, born: String, on: String, allowed: Bool) throws {
        let young = try Party(id: F.person(sex, born: born), currentlyMarried: false)
        let other = try sex == .male ? Self.bride : Self.groom
        #expect(try codes(young, other, on: F.day(on)) == (allowed ? [] : ["marriage.under-age"]))
    }

    @Test func ageThresholdDependsOnTheSexOfEachParty() throws {
        // A 21-year-old man may not marry even an older woman; a 20-year-old woman may.
        let man21 = try Party(id: F.man(born: "2005-01-01"), currentlyMarried: false)
        let woman20 = try Party(id: F.woman(born: "2006-01-01"), currentlyMarried: false)
        let day = try F.day("2026-06-01")
        #expect(try codes(man21, Self.bride, on: day) == ["marriage.under-age"])
        #expect(try codes(Self.groom, woman20, on: day) == [])
        #expect(try codes(man21, woman20, on: day) == ["marriage.under-age"])
    }

    @Test func bothUnderAgeGivesTwoRefusals() throws {
        let boy = try Party(id: F.man(born: "2010-01-01"), currentlyMarried: false)
        let girl = try Party(id: F.woman(born: "2010-01-01"), currentlyMarried: false)
        #expect(try codes(boy, girl) == ["marriage.under-age", "marriage.under-age"])
    }

    @Test func underAgeDetailNamesTheFirstEligibleDay() throws {
        let leapling = try Party(id: F.man(born: "2004-02-29"), currentlyMarried: false)
        let refusal = try MarriageEligibility.violations(partyA: leapling, partyB: Self.bride, declaredKinship: .unrelated,
                                                         on: F.day("2026-02-28")).first
        #expect(refusal?.detail.contains("2026-03-01") == true)
        #expect(refusal?.kind == .ruleViolated)
    }

    @Test(arguments: [
        ("2004-02-29", 22, "2026-03-01"), ("2004-02-29", 24, "2028-02-29"), ("2004-05-20", 22, "2026-05-20"),
        ("2006-12-31", 20, "2026-12-31"),
    ])
    func firstDayAgedAgreesWithResidentIDAge(born: String, years: Int, expected: String) throws {
        let first = try MarriageEligibility.firstDay(aged: years, bornOn: F.day(born))
        #expect(try first == F.day(expected))
        let id = try F.man(born: born)
        #expect(id.age(on: first) == years)
        #expect(id.age(on: first.adding(days: -1)) == years - 1)
    }

    @Test(arguments: [(true, false), (false, true), (true, true)])
    func aMarriedPartyIsRefused(aMarried: Bool, bMarried: Bool) throws {
        let a = try Party(id: Self.groom.id, currentlyMarried: aMarried)
        let b = try Party(id: Self.bride.id, currentlyMarried: bMarried)
        let expected = Array(repeating: "marriage.party-already-married", count: (aMarried ? 1 : 0) + (bMarried ? 1 : 0))
        #expect(try codes(a, b) == expected)
    }

    /// Art. 1048: lineal relatives, and collateral relatives within three generations.
    static let kinshipCases: [(Kinship?, [String])] = [
        (.lineal, ["marriage.prohibited-kinship"]),
        (.collateral(generations: 2), ["marriage.prohibited-kinship"]),  // siblings
        (.collateral(generations: 3), ["marriage.prohibited-kinship"]),  // first cousins, uncle and niece
        (.collateral(generations: 4), []),                                // second cousins
        (.collateral(generations: 5), []),
        (.unrelated, []),
        (.collateral(generations: 1), ["marriage.invalid-kinship"]),
        (.collateral(generations: 0), ["marriage.invalid-kinship"]),
        (.collateral(generations: -3), ["marriage.invalid-kinship"]),
        (nil, ["marriage.kinship-declaration-missing"]),
    ]

    @Test(arguments: kinshipCases)
    func kinship(declared: Kinship?, expected: [String]) throws {
        #expect(try codes(Self.groom, Self.bride, declared) == expected)
    }

    @Test func malformedDeclarationsAreInvalidInput() throws {
        for kinship: Kinship? in [nil, .collateral(generations: 1)] {
            let refusal = try MarriageEligibility.violations(partyA: Self.groom, partyB: Self.bride, declaredKinship: kinship, on: Self.day).first
            #expect(refusal?.kind == .invalidInput)
        }
    }

    @Test func allRefusalsAreListedInAFixedOrderAndCheckThrowsTheFirst() throws {
        let boy = try Party(id: F.man(born: "2010-01-01"), currentlyMarried: true)
        let otherBoy = try Party(id: F.man(born: "1990-01-01", sequence: 3), currentlyMarried: false)
        #expect(try codes(boy, otherBoy, .lineal) ==
                ["marriage.not-man-and-woman", "marriage.under-age", "marriage.party-already-married", "marriage.prohibited-kinship"])
        let thrown = try F.refusal {
            try MarriageEligibility.check(partyA: boy, partyB: otherBoy, declaredKinship: .lineal, on: Self.day)
        }
        #expect(thrown?.code == "marriage.not-man-and-woman")
    }

    @Test func refusalDetailsDoNotLeakIDNumbers() throws {
        let boy = try Party(id: F.man(born: "2010-01-01"), currentlyMarried: true)
        let all = try MarriageEligibility.violations(partyA: boy, partyB: Self.bride, declaredKinship: nil, on: Self.day)
        #expect(all.map(\.code) == ["marriage.under-age", "marriage.party-already-married", "marriage.kinship-declaration-missing"])
        for violation in all {
            #expect(!violation.detail.contains(boy.id.rawValue))
            #expect(try !violation.detail.contains(Self.bride.id.rawValue))
        }
    }

    @Test func minimumAges() {
        #expect(MarriageEligibility.minimumAge(for: .male) == 22)
        #expect(MarriageEligibility.minimumAge(for: .female) == 20)
    }
}
