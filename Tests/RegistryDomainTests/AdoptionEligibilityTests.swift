import Contracts
import Testing
@testable import RegistryDomain
import TestKit

@Suite("Adoption eligibility (Civil Code arts. 1093–1105)", .tags(.unit))
struct AdoptionEligibilityTests {
    typealias F = RegistryDomainFixture
    typealias Adopter = AdoptionEligibility.Adopter
    typealias Child = AdoptionEligibility.Child

    static var today: CivilDate { get throws { try F.day("2026-06-01") } }
    static var father: Adopter { get throws { try Adopter(id: F.man(born: "1975-01-01"), existingChildren: 0, isMarried: false, spouseConsent: false) } }
    static var husband: Adopter { get throws { try Adopter(id: F.man(born: "1980-01-01", sequence: 3), existingChildren: 0, isMarried: true, spouseConsent: true) } }
    static var wife: Adopter { get throws { try Adopter(id: F.woman(born: "1982-01-01"), existingChildren: 0, isMarried: true, spouseConsent: true) } }
    /// A boy of four whose parents cannot be found, at home (not in an institution).
    static var boy: Child {
        get throws {
            try Child(id: F.man(born: "2022-03-01", sequence: 7), category: .parentsCannotBeFound,
                      isDisabled: false, inWelfareInstitution: false, consentGiven: false)
        }
    }

    /// The codes refused; by default the single father adopting the boy today.
    func codes(_ adopters: AdoptionEligibility.Adopters? = nil, child: Child? = nil, assessed: Bool = true,
               prior: Int = 0, today: CivilDate? = nil) throws -> [String] {
        try AdoptionEligibility.violations(adopters: adopters ?? .single(Self.father), child: child ?? Self.boy, assessmentRecorded: assessed,
                                           priorAdoptionsByAdopter: prior, today: today ?? Self.today).map(\.code)
    }

    func child(born: String, sex: Sex = .male, category: Child.Category = .parentsCannotBeFound, disabled: Bool = false,
               institution: Bool = false, consent: Bool = false) throws -> Child {
        let id = try sex == .male ? F.man(born: born, sequence: 7) : F.woman(born: born, sequence: 8)
        return Child(id: id, category: category, isDisabled: disabled, inWelfareInstitution: institution, consentGiven: consent)
    }

    func adopter(_ sex: Sex, born: String, children: Int = 0) throws -> Adopter {
        try Adopter(id: F.person(sex, born: born), existingChildren: children, isMarried: false, spouseConsent: false)
    }

    @Test func eligibleSingleAdopterAndCouple() throws {
        #expect(try codes() == [])
        #expect(try codes(.couple(Self.husband, Self.wife)) == [])
        try AdoptionEligibility.check(adopters: .single(Self.father), child: Self.boy, assessmentRecorded: true,
                                      priorAdoptionsByAdopter: 0, today: Self.today)
    }

    // MARK: art. 1093 — who may be adopted

    @Test(arguments: [(Child.Category.orphan, true), (.parentsCannotBeFound, true), (.parentsInSpecialHardship, true), (.other, false)])
    func onlyTheThreeCategoriesAreAdoptable(category: Child.Category, adoptable: Bool) throws {
        #expect(try codes(child: child(born: "2022-03-01", category: category)) == (adoptable ? [] : ["adoption.child-not-adoptable"]))
    }

    @Test(arguments: [("2008-06-01", false), ("2008-06-02", true), ("2026-05-31", true), ("2026-06-01", true)])
    func onlyMinorsAreAdoptable(born: String, adoptable: Bool) throws {
        // Consent given so that only minority is tested for the teenagers.
        let teen = try child(born: born, consent: true)
        #expect(try codes(child: teen) == (adoptable ? [] : ["adoption.child-not-adoptable"]))
    }

    // MARK: art. 1098(5) — adopter at least 30

    @Test(arguments: [("1996-06-01", "2026-06-01", true), ("1996-06-02", "2026-06-01", false),
                      ("1996-02-29", "2026-02-28", false), ("1996-02-29", "2026-03-01", true)])
    func adopterMustBe30(born: String, on: String, allowed: Bool) throws {
        let young = try Adopter(id: F.man(born: born), existingChildren: 0, isMarried: false, spouseConsent: false)
        // A boy, so no age-gap rule applies.
        #expect(try codes(.single(young), today: F.day(on)) == (allowed ? [] : ["adoption.adopter-under-30"]))
    }

    @Test func bothSpousesMustBe30() throws {
        var youngWife = try Self.wife
        try youngWife.id = F.woman(born: "1997-01-01")
        #expect(try codes(.couple(Self.husband, youngWife)) == ["adoption.adopter-under-30"])
    }

    // MARK: art. 1101 — spouses adopt jointly

    @Test func aMarriedPersonMayNotAdoptAlone() throws {
        for consent in [true, false] {
            var married = try Self.father
            married.isMarried = true
            married.spouseConsent = consent
            #expect(try codes(.single(married)) == ["adoption.spouses-must-adopt-jointly"])
        }
    }

    @Test(arguments: [(true, true, true), (true, false, false), (false, true, false), (false, false, false)])
    func aCoupleNeedsBothSpousesConsent(first: Bool, second: Bool, allowed: Bool) throws {
        var husband = try Self.husband
        var wife = try Self.wife
        husband.spouseConsent = first
        wife.spouseConsent = second
        #expect(try codes(.couple(husband, wife)) == (allowed ? [] : ["adoption.spouses-must-adopt-jointly"]))
    }

    // MARK: arts. 1098(1), 1100 — number of children

    /// (children other than by adoption, prior adoptions, allowed).
    @Test(arguments: [(0, 0, true), (0, 1, true), (0, 2, false), (1, 0, true), (1, 1, false), (2, 0, false), (3, 0, false), (0, 5, false)])
    func numberOfChildren(existing: Int, prior: Int, allowed: Bool) throws {
        let parent = try adopter(.male, born: "1975-01-01", children: existing)
        #expect(try codes(.single(parent), prior: prior) == (allowed ? [] : ["adoption.too-many-children"]))
    }

    @Test func aCoupleIsLimitedByTheSpouseWithMoreChildren() throws {
        var husband = try Self.husband
        husband.existingChildren = 1
        #expect(try codes(.couple(husband, Self.wife)) == [])
        #expect(try codes(.couple(husband, Self.wife), prior: 1) == ["adoption.too-many-children"])
        #expect(try codes(.couple(Self.husband, Self.wife), prior: 1) == [])
        #expect(try codes(.couple(Self.husband, Self.wife), prior: 2) == ["adoption.too-many-children"])
    }

    /// Art. 1100 para. 2: orphans, disabled minors, and children in a welfare institution whose parents
    /// cannot be found are exempt from the limit.
    @Test(arguments: [
        (Child.Category.orphan, false, false, true),
        (.orphan, false, true, true),
        (.parentsInSpecialHardship, true, false, true),
        (.parentsCannotBeFound, true, false, true),
        (.parentsCannotBeFound, false, true, true),
        (.parentsCannotBeFound, false, false, false),
        (.parentsInSpecialHardship, false, true, false),  // in an institution, but parents known
        (.parentsInSpecialHardship, false, false, false),
    ])
    func exemptionsFromTheChildLimit(category: Child.Category, disabled: Bool, institution: Bool, exempt: Bool) throws {
        let parent = try adopter(.male, born: "1975-01-01", children: 3)
        let c = try child(born: "2022-03-01", category: category, disabled: disabled, institution: institution)
        #expect(AdoptionEligibility.isExemptFromChildLimit(c) == exempt)
        #expect(try codes(.single(parent), child: c, prior: 2) == (exempt ? [] : ["adoption.too-many-children"]))
    }

    // MARK: art. 1102 — single adopter of a child of the other sex: 40 years older

    @Test(arguments: [
        (Sex.male, "1980-03-01", "2020-03-01", true),    // exactly 40 years
        (.male, "1980-03-01", "2020-02-29", false),      // one day short
        (.female, "1980-03-01", "2020-03-01", true),
        (.female, "1980-03-01", "2020-02-29", false),
        (.male, "1984-02-29", "2024-02-29", true),       // both on 29 Feb
        (.male, "1984-02-29", "2024-02-28", false),
        (.male, "1983-02-28", "2023-02-28", true),
        (.male, "1986-01-01", "2025-12-31", false),
    ])
    func ageGapForASingleAdopterOfTheOtherSex(adopterSex: Sex, adopterBorn: String, childBorn: String, allowed: Bool) throws {
        let single = try adopter(adopterSex, born: adopterBorn)
        let c = try child(born: childBorn, sex: adopterSex == .male ? .female : .male)
        #expect(try codes(.single(single), child: c) == (allowed ? [] : ["adoption.age-gap-too-small"]))
    }

    @Test func noAgeGapRuleForTheSameSexOrForACouple() throws {
        let young = try adopter(.male, born: "1990-01-01")  // 36; gap to the boy 32
        #expect(try codes(.single(young)) == [])
        // A couple may adopt a girl although the husband is only 32 years older: art. 1102 binds single adopters.
        let girl = try child(born: "2022-03-01", sex: .female)
        var youngHusband = try Self.husband
        try youngHusband.id = F.man(born: "1990-01-01", sequence: 3)
        #expect(try codes(.couple(youngHusband, Self.wife), child: girl) == [])
    }

    // MARK: art. 1104 — consent of a child of 8 or more

    @Test(arguments: [("2018-06-01", false, false), ("2018-06-01", true, true), ("2018-06-02", false, true), ("2010-01-01", false, false)])
    func childConsentFromAgeEight(born: String, consent: Bool, allowed: Bool) throws {
        #expect(try codes(child: child(born: born, consent: consent)) == (allowed ? [] : ["adoption.child-consent-required"]))
    }

    // MARK: art. 1105 — assessment

    @Test func assessmentMustBeRecorded() throws {
        #expect(try codes(assessed: false) == ["adoption.assessment-missing"])
    }

    // MARK: malformed input and ordering

    @Test func malformedInputIsRefusedAlone() throws {
        var negative = try Self.father
        negative.existingChildren = -1
        var unmarried = try Self.wife
        unmarried.isMarried = false
        let selfAdoption = try Child(id: Self.father.id, category: .orphan, isDisabled: false, inWelfareInstitution: false, consentGiven: true)
        let unborn = try child(born: "2026-06-02")
        let cases: [[String]] = try [
            codes(.single(negative)),
            codes(prior: -1),
            codes(.couple(Self.husband, Self.husband)),
            codes(.couple(Self.husband, unmarried)),
            codes(child: selfAdoption),
            codes(child: unborn, assessed: false),
        ]
        for found in cases { #expect(found == ["adoption.invalid-input"]) }
    }

    @Test func allRefusalsInOrderAndCheckThrowsTheFirst() throws {
        let young = try Adopter(id: F.man(born: "2000-01-01"), existingChildren: 2, isMarried: true, spouseConsent: false)
        let girl = try child(born: "2010-01-01", sex: .female, category: .other)
        #expect(try codes(.single(young), child: girl, assessed: false, prior: 1) == [
            "adoption.child-not-adoptable", "adoption.adopter-under-30", "adoption.spouses-must-adopt-jointly",
            "adoption.too-many-children", "adoption.age-gap-too-small", "adoption.child-consent-required",
            "adoption.assessment-missing",
        ])
        let thrown = try F.refusal {
            try AdoptionEligibility.check(adopters: .single(young), child: girl, assessmentRecorded: false,
                                          priorAdoptionsByAdopter: 1, today: Self.today)
        }
        #expect(thrown?.code == "adoption.child-not-adoptable")
        #expect(thrown?.kind == .ruleViolated)
    }
}
