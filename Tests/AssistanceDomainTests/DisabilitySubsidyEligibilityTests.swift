import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("Disability two subsidies: who qualifies (残疾人两项补贴)", .tags(.unit))
struct DisabilitySubsidyEligibilityTests {
    typealias F = AssistanceDomainFixture

    static func policy(nearLowIncome: Bool = true, elderlyParents: Bool = false, multiple: Bool = false,
                       extensionFrom: YearMonth? = DisabilitySubsidyPolicy.july2023) throws -> DisabilitySubsidyPolicy {
        try DisabilitySubsidyPolicy(nearLowIncomeIncluded: nearLowIncome, elderlyParentsSupportingIncluded: elderlyParents,
                                     multipleDisabledIncluded: multiple, nursingGrades3And4From: extensionFrom)
    }

    static let physical4 = DisabilityCertificate(type: .physical, grade: .four)

    @Test("living subsidy: a 低保 household qualifies; 低保边缘 by default (seed 003), not when the county excludes it; no status, no subsidy")
    func livingByHouseholdStatus() throws {
        let facts = { (status: DisabilityHouseholdStatus) in LivingSubsidyFacts(householdStatus: status) }
        #expect(DisabilitySubsidyEligibility.livingBasis(facts: facts(.minimumLiving), policy: .default) == .minimumLivingHousehold)
        #expect(DisabilitySubsidyEligibility.livingBasis(facts: facts(.nearLowIncome), policy: .default) == .nearLowIncomeHousehold)
        #expect(DisabilitySubsidyEligibility.livingBasis(facts: facts(.nearLowIncome), policy: try Self.policy(nearLowIncome: false)) == nil)
        #expect(DisabilitySubsidyEligibility.livingBasis(facts: facts(.none), policy: .default) == nil)
    }

    @Test("依老养残 and 一户多残 qualify only where the county includes them (seed 001 第28项)")
    func configuredGroups() throws {
        let elderly = LivingSubsidyFacts(householdStatus: .none, supportedByElderlyParents: true)
        let several = LivingSubsidyFacts(householdStatus: .none, disabledMembers: 2)
        let single = LivingSubsidyFacts(householdStatus: .none, disabledMembers: 1)
        #expect(DisabilitySubsidyEligibility.livingBasis(facts: elderly, policy: .default) == nil)
        #expect(DisabilitySubsidyEligibility.livingBasis(facts: several, policy: .default) == nil)
        #expect(DisabilitySubsidyEligibility.livingBasis(facts: elderly, policy: try Self.policy(elderlyParents: true)) == .elderlyParentsSupporting)
        #expect(DisabilitySubsidyEligibility.livingBasis(facts: several, policy: try Self.policy(multiple: true)) == .multipleDisabled)
        #expect(DisabilitySubsidyEligibility.livingBasis(facts: single, policy: try Self.policy(multiple: true)) == nil)
        // 低保 is recorded first when several bases apply.
        let both = LivingSubsidyFacts(householdStatus: .minimumLiving, supportedByElderlyParents: true, disabledMembers: 3)
        #expect(DisabilitySubsidyEligibility.livingBasis(facts: both, policy: try Self.policy(elderlyParents: true, multiple: true)) == .minimumLivingHousehold)
    }

    @Test("nursing subsidy: grades 1–2 of every type, in any month", arguments: DisabilityType.allCases)
    func severeGrades(_ type: DisabilityType) throws {
        for grade in [DisabilityGrade.one, .two] {
            let certificate = DisabilityCertificate(type: type, grade: grade)
            #expect(try DisabilitySubsidyEligibility.nursingBasis(certificate: certificate, in: F.month("2020-01"), policy: .default) == .severeDisability)
        }
    }

    @Test("nursing subsidy: grades 3–4 intellectual and mental from July 2023 (seed 004), not before",
          arguments: [(DisabilityType.intellectual, DisabilityGrade.three), (.intellectual, .four), (.mental, .three), (.mental, .four)])
    func grades3And4FromJuly2023(_ type: DisabilityType, _ grade: DisabilityGrade) throws {
        let certificate = DisabilityCertificate(type: type, grade: grade)
        #expect(try DisabilitySubsidyEligibility.nursingBasis(certificate: certificate, in: F.month("2023-06"), policy: .default) == nil)
        #expect(try DisabilitySubsidyEligibility.nursingBasis(certificate: certificate, in: F.month("2023-07"), policy: .default) == .intellectualOrMentalGrade3Or4)
        #expect(try DisabilitySubsidyEligibility.nursingBasis(certificate: certificate, in: F.month("2024-01"), policy: .default) == .intellectualOrMentalGrade3Or4)
        #expect(try DisabilitySubsidyEligibility.firstNursingMonth(certificate: certificate, from: F.month("2023-02"), policy: .default) == F.month("2023-07"))
        #expect(try DisabilitySubsidyEligibility.firstNursingMonth(certificate: certificate, from: F.month("2024-03"), policy: .default) == F.month("2024-03"))
    }

    @Test("nursing subsidy: grades 3–4 of other types never; no extension configured, never",
          arguments: [DisabilityType.visual, .hearing, .speech, .physical, .multiple])
    func otherTypesNever(_ type: DisabilityType) throws {
        let certificate = DisabilityCertificate(type: type, grade: .three)
        #expect(try DisabilitySubsidyEligibility.nursingBasis(certificate: certificate, in: F.month("2025-01"), policy: .default) == nil)
        #expect(try DisabilitySubsidyEligibility.firstNursingMonth(certificate: certificate, from: F.month("2025-01"), policy: .default) == nil)
        let mental = DisabilityCertificate(type: .mental, grade: .four)
        #expect(try DisabilitySubsidyEligibility.nursingBasis(certificate: mental, in: F.month("2025-01"), policy: Self.policy(extensionFrom: nil)) == nil)
    }

    @Test("check names the refusal: living not eligible, nursing not eligible, nursing not yet eligible (with the first month)")
    func refusals() throws {
        let none = LivingSubsidyFacts(householdStatus: .none)
        let living = try F.refusal {
            try DisabilitySubsidyEligibility.check(.living, certificate: Self.physical4, facts: none, in: F.month("2024-01"), policy: .default)
        }
        #expect(living?.code == "disability-subsidy.living-not-eligible")
        let nursing = try F.refusal {
            try DisabilitySubsidyEligibility.check(.nursing, certificate: Self.physical4, facts: none, in: F.month("2024-01"), policy: .default)
        }
        #expect(nursing?.code == "disability-subsidy.nursing-not-eligible")
        let early = try F.refusal {
            try DisabilitySubsidyEligibility.check(.nursing, certificate: DisabilityCertificate(type: .mental, grade: .three), facts: none,
                                                   in: F.month("2023-06"), policy: .default)
        }
        #expect(early?.code == "disability-subsidy.nursing-not-yet-eligible")
        #expect(early?.detail.contains("2023-07") == true)
    }

    @Test("the nursing subsidy does not read the household: a grade-1 person outside 低保 qualifies")
    func nursingIgnoresHousehold() throws {
        let basis = try DisabilitySubsidyEligibility.check(.nursing, certificate: DisabilityCertificate(type: .physical, grade: .one),
                                                           facts: LivingSubsidyFacts(householdStatus: .none), in: F.month("2024-01"), policy: .default)
        #expect(basis == .severeDisability)
    }

    @Test("a negative exit length is refused")
    func negativeExit() throws {
        let refusal = try F.refusal { try DisabilitySubsidyPolicy(gradualExitMonths: -1) }
        #expect(refusal?.code == "disability-subsidy.exit-months-invalid")
        #expect(DisabilitySubsidyPolicy.default.gradualExitMonths == 6)
    }
}
