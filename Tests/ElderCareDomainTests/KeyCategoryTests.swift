import Foundation
import Contracts
import Testing
import TestKit
@testable import ElderCareDomain

@Suite("Key categories (重点老年人类别)", .tags(.unit))
struct KeyCategoryTests {
    typealias F = ElderCareDomainFixture

    @Test("the seed's eight, in seed 002 L12's order, plus 失智 and 经济困难")
    func seedEight() {
        #expect(KeyCategory.seedEight.map(\.chineseName) == ["独居", "失能", "重残", "空巢", "留守", "高龄", "特困", "计划生育特殊家庭"])
        #expect(KeyCategory.allCases.count == 10)
        #expect(KeyCategory.dementia.isOneOfTheSeedEight == false)
        #expect(KeyCategory.economicHardship.isOneOfTheSeedEight == false)
        #expect(KeyCategory.allCases.sorted() == KeyCategory.allCases)
    }

    @Test("every category maps to the contract's ElderCategory and back, under the same name", arguments: KeyCategory.allCases)
    func contractRoundTrip(_ category: KeyCategory) {
        #expect(KeyCategory(category.contract) == category)
        #expect(KeyCategory(rawValue: category.rawValue) == category)
    }

    @Test("every ElderCategory an event carries is a register category", arguments: ElderCategory.allCases)
    func fromContract(_ category: ElderCategory) {
        #expect(KeyCategory(category).contract == category)
        #expect(KeyCategory(rawValue: category.rawValue) == KeyCategory(category))
    }

    @Test func encodesAndDecodesUnderTheContractsName() throws {
        let encoded = try JSONEncoder().encode([KeyCategory.livingAlone, .economicHardship])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["living-alone","economic-hardship"]"#)
        #expect(try JSONDecoder().decode([KeyCategory].self, from: Data(#"["special-family"]"#.utf8)) == [.specialFamily])
        #expect(KeyCategory(rawValue: "no-such-category") == nil)
    }

    @Test func bothSidesHaveTheSameCategories() {
        #expect(KeyCategory.allCases.map(\.contract) == ElderCategory.allCases)
    }

    @Test("高龄, 特困, 重残 and 失能 are derived; the others are recorded (经济困难 both)",
          arguments: [(KeyCategory.advancedAge, false), (.extremePoverty, false), (.severelyDisabled, false), (.disabled, false),
                      (.livingAlone, true), (.emptyNest, true), (.leftBehind, true), (.specialFamily, true), (.dementia, true),
                      (.economicHardship, true)])
    func recordable(_ category: KeyCategory, _ recordable: Bool) {
        #expect(category.isRecordable == recordable)
    }

    @Test("the source of each derived category")
    func origins() {
        #expect(KeyCategory.advancedAge.origin == .derived(.age))
        #expect(KeyCategory.extremePoverty.origin == .derived(.assistanceCoverage))
        #expect(KeyCategory.severelyDisabled.origin == .derived(.disabilityCertificate))
        #expect(KeyCategory.disabled.origin == .derived(.capabilityAssessment))
        #expect(KeyCategory.economicHardship.origin == .derivedOrRecorded(.assistanceCoverage))
        #expect(KeyCategory.livingAlone.origin == .recorded)
        #expect(KeyCategory.advancedAge.origin.description == "derived from the age")
        #expect(KeyCategory.economicHardship.origin.description == "derived from the assistance-coverage or recorded by a caseworker")
    }

    @Test("a derived category cannot be recorded by hand", arguments: [KeyCategory.advancedAge, .extremePoverty, .severelyDisabled, .disabled])
    func derivedNotRecordable(_ category: KeyCategory) throws {
        let evidence = try F.evidence()
        let day = try F.date("2025-03-01")
        let refusal = F.refusal { () throws(RuleViolation) in
            try RecordedCategory(category: category, effectiveFrom: day, evidence: evidence, recordedBy: "caseworker-7")
        }
        #expect(refusal?.code == "elder-category.not-recordable")
        #expect(refusal?.kind == .ruleViolated)
        #expect(refusal?.detail == "\(category.chineseName) is \(category.origin), not recorded by hand")
    }

    @Test("a recorded category needs evidence and a recorder")
    func evidenceAndRecorder() throws {
        #expect(F.refusal { () throws(RuleViolation) in try CategoryEvidence(kind: .homeVisit, reference: "  ") }?.code
            == "elder-category.evidence-missing")
        let evidence = try F.evidence()
        let day = try F.date("2025-03-01")
        #expect(F.refusal { () throws(RuleViolation) in
            try RecordedCategory(category: .livingAlone, effectiveFrom: day, evidence: evidence, recordedBy: " ")
        }?.code == "elder-category.recorder-missing")
        #expect(try CategoryEvidence(kind: .certificate, reference: " 特扶证 0042 ").reference == "特扶证 0042")
    }

    @Test("a recorded category holds from its first day through its last; it ends once, not before it starts")
    func recordedPeriod() throws {
        var record = try RecordedCategory(category: .livingAlone, effectiveFrom: try F.date("2025-03-01"), evidence: try F.evidence(),
                                          recordedBy: "caseworker-7")
        #expect(record.holds(on: try F.date("2025-02-28")) == false)
        #expect(record.holds(on: try F.date("2025-03-01")) == true)
        #expect(record.holds(on: try F.date("2030-01-01")) == true)
        let early = try F.date("2025-02-01")
        #expect(F.refusal { () throws(RuleViolation) in try record.end(on: early, reason: "moved in with daughter") }?.code
            == "elder-category.ends-before-start")
        try record.end(on: try F.date("2025-06-30"), reason: "moved in with daughter")
        #expect(record.holds(on: try F.date("2025-06-30")) == true)
        #expect(record.holds(on: try F.date("2025-07-01")) == false)
        #expect(record.endReason == "moved in with daughter")
        let later = try F.date("2025-08-01")
        let second = F.refusal { () throws(RuleViolation) in try record.end(on: later, reason: "again") }
        #expect(second?.code == "elder-category.already-ended")
        #expect(second?.kind == .conflict)
    }

    @Test("高龄 from the 80th birthday", arguments: [("2025-03-14", false), ("2025-03-15", true), ("2040-01-01", true)])
    func advancedAge(_ day: String, _ expected: Bool) throws {
        let facts = ElderFacts(id: try F.id(born: "1945-03-15"))
        #expect(facts.categories(on: try F.date(day)).contains(.advancedAge) == expected)
    }

    @Test("a 29 February birth turns 80 on 1 March in a common year")
    func leapDayBirth() throws {
        let facts = ElderFacts(id: try F.id(born: "1944-02-29"))
        #expect(facts.categories(on: try F.date("2024-02-28")).contains(.advancedAge) == false)
        #expect(facts.categories(on: try F.date("2024-02-29")).contains(.advancedAge) == true)
        let id = try F.id(born: "1964-02-29")
        #expect(OlderPerson.firstDay(of: id) == (try F.date("2024-02-29")))
        #expect(OlderPerson.firstDay(of: try F.id(born: "1963-03-01")) == (try F.date("2023-03-01")))
        #expect(Birthday.reaching(81, bornOn: try F.date("1944-02-29")) == (try F.date("2025-03-01")))
    }

    @Test("a county may set 高龄 from 70")
    func advancedAgePolicy() throws {
        let facts = ElderFacts(id: try F.id(born: "1950-06-01"))
        let day = try F.date("2025-06-01")
        #expect(facts.categories(on: day).contains(.advancedAge) == false)
        #expect(facts.categories(on: day, policy: CategoryPolicy(advancedAge: 70)).contains(.advancedAge) == true)
    }

    @Test("特困 and 经济困难 follow Assistance's coverage; 低保 gives 经济困难 only")
    func assistanceCoverage() throws {
        let extreme = try AssistanceCoverage(program: .extremePoverty, startsOn: try F.date("2025-01-01"), lastCoveredDay: try F.date("2025-06-30"))
        let lowIncome = try AssistanceCoverage(program: .minimumLivingAllowance, startsOn: try F.date("2025-07-01"))
        let temporary = try AssistanceCoverage(program: .temporaryAssistance, startsOn: try F.date("2025-01-01"))
        let facts = ElderFacts(id: try F.id(born: "1955-01-01"), assistance: [extreme, lowIncome, temporary])
        #expect(facts.categories(on: try F.date("2024-12-31")) == [])
        #expect(facts.categories(on: try F.date("2025-01-01")) == [.extremePoverty, .economicHardship])
        #expect(facts.categories(on: try F.date("2025-06-30")) == [.extremePoverty, .economicHardship])
        #expect(facts.categories(on: try F.date("2025-07-01")) == [.economicHardship])
        let start = try F.date("2025-02-01")
        let end = try F.date("2025-01-31")
        #expect(F.refusal { () throws(RuleViolation) in try AssistanceCoverage(program: .extremePoverty, startsOn: start, lastCoveredDay: end) }?.code
            == "elder.coverage-ends-before-start")
    }

    @Test("重残 with a certificate of grade 1 or 2", arguments: [(1, true), (2, true), (3, false), (4, false)])
    func severeDisability(_ grade: Int, _ severe: Bool) throws {
        let facts = ElderFacts(id: try F.id(born: "1955-01-01"), disabilityGrade: try DisabilityCertificateGrade(grade: grade))
        #expect(facts.categories(on: try F.date("2025-01-01")).contains(.severelyDisabled) == severe)
    }

    @Test("a disability grade outside 1...4 is malformed", arguments: [0, 5, -1])
    func disabilityGradeInvalid(_ grade: Int) {
        let refusal = F.refusal { () throws(RuleViolation) in try DisabilityCertificateGrade(grade: grade) }
        #expect(refusal?.code == "elder.disability-grade-invalid")
        #expect(refusal?.kind == .invalidInput)
    }

    @Test("失能 from the assessment: 轻度失能 and worse by default, 中度 and worse if the county says so",
          arguments: [(CapabilityLevel.intact, false, false), (.mild, true, false), (.moderate, true, true), (.severe, true, true), (.complete, true, true)])
    func disabledFromAssessment(_ level: CapabilityLevel, _ byDefault: Bool, _ fromModerate: Bool) throws {
        let facts = ElderFacts(id: try F.id(born: "1955-01-01"), capability: level)
        let day = try F.date("2025-01-01")
        #expect(facts.categories(on: day).contains(.disabled) == byDefault)
        #expect(facts.categories(on: day, policy: CategoryPolicy(disabledFrom: .moderate)).contains(.disabled) == fromModerate)
    }

    @Test("derived and recorded categories together; a person in none is no key elder")
    func together() throws {
        let alone = try RecordedCategory(category: .livingAlone, effectiveFrom: try F.date("2025-01-10"), evidence: try F.evidence(),
                                         recordedBy: "caseworker-7")
        let hardship = try RecordedCategory(category: .economicHardship, effectiveFrom: try F.date("2025-01-10"),
                                            evidence: try F.evidence("低保边缘认定 2025-3"), recordedBy: "caseworker-7")
        let facts = ElderFacts(id: try F.id(born: "1940-05-05"), disabilityGrade: .two, capability: .moderate, recorded: [alone, hardship])
        #expect(facts.categories(on: try F.date("2025-01-10")) == [.advancedAge, .severelyDisabled, .disabled, .livingAlone, .economicHardship])
        #expect(facts.isKeyElder(on: try F.date("2025-01-10")) == true)
        let young = ElderFacts(id: try F.id(born: "1960-05-05"))
        #expect(young.isKeyElder(on: try F.date("2025-01-10")) == false)
    }

    @Test("a marriage or divorce asks for 独居 and 空巢 to be looked at again")
    func maritalChange() {
        #expect(KeyCategory.reviewedOnMaritalChange == [.livingAlone, .emptyNest])
    }
}

@Suite("Elder registration", .tags(.unit))
struct ElderRegistrationTests {
    typealias F = ElderCareDomainFixture

    @Test("registration from the sixtieth birthday")
    func fromSixty() throws {
        let id = try F.id(born: "1965-04-02")
        let before = try F.date("2025-04-01")
        let refusal = F.refusal { () throws(RuleViolation) in try ElderRegistration.check(id, on: before) }
        #expect(refusal?.code == "elder.under-60")
        #expect(refusal?.kind == .ruleViolated)
        #expect(refusal?.detail.contains("2025-04-02") == true)
        #expect(refusal?.detail.contains(id.rawValue) == false)
        let birthday = try F.date("2025-04-02")
        #expect(F.refusal { () throws(RuleViolation) in try ElderRegistration.check(id, on: birthday) } == nil)
    }

    @Test("a birth date after the registration day is malformed")
    func futureBirth() throws {
        let id = try F.id(born: "2026-01-01")
        let day = try F.date("2025-12-31")
        let refusal = F.refusal { () throws(RuleViolation) in try ElderRegistration.check(id, on: day) }
        #expect(refusal?.code == "elder.birth-date-in-future")
        #expect(refusal?.kind == .invalidInput)
    }
}
