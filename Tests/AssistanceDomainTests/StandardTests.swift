import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("AssistanceStandard and StandardPublication", .tags(.unit))
struct StandardTests {
    typealias F = AssistanceDomainFixture

    func standard(year: Int = 2021, area: UrbanRural = .urban, dibao: String, basic: String,
                  care: [SelfCareAbility: Money] = [:]) -> AssistanceStandard {
        try! AssistanceStandard(region: F.jingtai, year: year, area: area, minimumLivingAllowance: F.yuan(dibao),
                                extremePovertyBasic: F.yuan(basic), extremePovertyCare: care)
    }

    @Test("Jingtai 2020 figures (《景泰县“十四五”民政事业发展规划》第一章（三）)")
    func jingtaiSeed() throws {
        #expect(JingtaiStandards.urban2020.minimumLivingAllowance == Money(yuan: 577))
        #expect(JingtaiStandards.rural2020.minimumLivingAllowance == Money(yuan: 369))
        #expect(JingtaiStandards.urban2020.extremePovertyBasic == Money(yuan: 751))
        #expect(JingtaiStandards.rural2020.extremePovertyBasic == Money(yuan: 530))
        #expect(try AssistanceStandard.monthly(fromAnnual: JingtaiStandards.ruralMinimumLivingAllowanceAnnual) == Money(yuan: 369))
        #expect(try AssistanceStandard.monthly(fromAnnual: JingtaiStandards.urbanExtremePovertyAnnual) == Money(yuan: 751))
        #expect(try AssistanceStandard.monthly(fromAnnual: JingtaiStandards.ruralExtremePovertyAnnual) == Money(yuan: 530))
        #expect(JingtaiStandards.region.rawValue == "620423")
        #expect(JingtaiStandards.all.allSatisfy { $0.year == 2020 && $0.region == F.jingtai })
    }

    @Test("Jingtai 2020 standards pass the 1.3× rule", arguments: JingtaiStandards.all)
    func jingtaiCompliant(_ standard: AssistanceStandard) throws {
        let review = try StandardPublication.validate(new: standard, previousYear: nil, cityMinimum: nil, growthFloor: nil, override: nil)
        #expect(review.warnings.isEmpty)
        #expect(review.overrideApplied == nil)
    }

    @Test("annual → monthly rounds half-up", arguments: [("1200", "100.00"), ("100", "8.33"), ("1", "0.08"), ("0.06", "0.01"), ("0.05", "0.00")])
    func annualToMonthly(_ annual: String, _ monthly: String) throws {
        #expect(try AssistanceStandard.monthly(fromAnnual: F.yuan(annual)) == F.yuan(monthly))
    }

    @Test("the 1.3× boundary is exact: 750.10 passes, 750.09 is refused")
    func multiplierBoundary() throws {
        _ = try StandardPublication.validate(new: standard(dibao: "577", basic: "750.10"), previousYear: nil, cityMinimum: nil, growthFloor: nil, override: nil)
        let refusal = F.refusal { () throws(RuleViolation) in
            try StandardPublication.validate(new: standard(dibao: "577", basic: "750.09"), previousYear: nil, cityMinimum: nil, growthFloor: nil, override: nil)
        }
        #expect(refusal?.code == "standard.extreme-poverty-below-1.3x")
        #expect(refusal?.kind == .ruleViolated)
        #expect(refusal?.detail.contains("750.10") == true)
    }

    @Test("an override with a reason lets a low 特困 standard through, flagged")
    func overrideAccepted() throws {
        let override = try StandardOverride(reason: "county council decision 2021-3")
        let review = try StandardPublication.validate(new: standard(dibao: "577", basic: "700"), previousYear: nil,
                                                      cityMinimum: nil, growthFloor: nil, override: override)
        #expect(review.overrideApplied == override)
        #expect(review.warnings == [.extremePovertyBelowMultiplierOverridden(basic: Money(yuan: 700), required: F.yuan("750.10"), reason: override.reason)])
        #expect(review.warnings.first?.code == "standard.extreme-poverty-below-1.3x-overridden")
    }

    @Test("an unneeded override is not recorded as applied")
    func overrideUnneeded() throws {
        let review = try StandardPublication.validate(new: standard(dibao: "577", basic: "751"), previousYear: nil,
                                                      cityMinimum: nil, growthFloor: nil, override: try StandardOverride(reason: "x"))
        #expect(review.overrideApplied == nil)
        #expect(review.warnings.isEmpty)
    }

    @Test("an override needs a reason", arguments: ["", " ", "\n\t"])
    func overrideReasonRequired(_ reason: String) {
        #expect(F.refusal { () throws(RuleViolation) in try StandardOverride(reason: reason) }?.code == "standard.override-reason-missing")
    }

    @Test("previous-year baseline (*市《2023年全市民政工作要点》（八）) compares with last year’s 低保")
    func previousYearBaseline() throws {
        let previous = standard(year: 2020, dibao: "577", basic: "751")
        // 650 ≥ 1.3 × 500 (this year) but < 1.3 × 577 (last year).
        let new = standard(year: 2021, dibao: "500", basic: "650")
        _ = try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil, growthFloor: nil, override: nil)
        let refusal = F.refusal { () throws(RuleViolation) in
            try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil, growthFloor: nil, override: nil, baseline: .previousYear)
        }
        #expect(refusal?.code == "standard.extreme-poverty-below-1.3x")
        let missing = F.refusal { () throws(RuleViolation) in
            try StandardPublication.validate(new: new, previousYear: nil, cityMinimum: nil, growthFloor: nil, override: nil, baseline: .previousYear)
        }
        #expect(missing?.code == "standard.previous-year-missing")
    }

    @Test("local 低保 must reach the city minimum; equal is fine", arguments: [("576.99", false), ("577", false), ("600", true)])
    func cityMinimum(_ minimum: String, _ refused: Bool) throws {
        let city = try CityMinimumStandard(year: 2021, area: .urban, minimumLivingAllowance: F.yuan(minimum))
        let new = standard(dibao: "577", basic: "751")
        let refusal = F.refusal { () throws(RuleViolation) in
            try StandardPublication.validate(new: new, previousYear: nil, cityMinimum: city, growthFloor: nil, override: nil)
        }
        if refused { #expect(refusal?.code == "standard.below-city-minimum") } else { #expect(refusal == nil) }
    }

    @Test("city minimum of another year or area is refused as mismatched")
    func cityMinimumMismatch() throws {
        let city = try CityMinimumStandard(year: 2021, area: .rural, minimumLivingAllowance: F.yuan("300"))
        let refusal = F.refusal { () throws(RuleViolation) in
            try StandardPublication.validate(new: standard(dibao: "577", basic: "751"), previousYear: nil, cityMinimum: city, growthFloor: nil, override: nil)
        }
        #expect(refusal?.code == "standard.city-minimum-mismatch")
        #expect(refusal?.kind == .invalidInput)
    }

    @Test("growth below the floor is flagged, not refused; exactly at the floor is fine",
          arguments: [("623.16", false), ("623.15", true), ("577", true), ("700", false)])
    func growthFloor(_ newDibao: String, _ flagged: Bool) throws {
        // 577 × 1.08 = 623.16 exactly.
        let previous = standard(year: 2020, dibao: "577", basic: "751")
        let new = standard(year: 2021, dibao: newDibao, basic: "1000")
        let review = try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil, growthFloor: F.ratio(8, 100), override: nil)
        if flagged {
            #expect(review.warnings == [.growthBelowFloor(previous: Money(yuan: 577), published: F.yuan(newDibao), floor: F.ratio(8, 100), required: F.yuan("623.16"))])
            #expect(review.warnings.first?.code == "standard.growth-below-floor")
        } else {
            #expect(review.warnings.isEmpty)
        }
    }

    @Test("growth floor's required figure rounds up to the fen")
    func growthRequiredRoundsUp() throws {
        let previous = standard(year: 2020, dibao: "369", basic: "530")
        let new = standard(year: 2021, dibao: "369", basic: "530")
        // 369 × 1.061 = 391.509 → 391.51
        let review = try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil, growthFloor: F.ratio(61, 1000), override: nil)
        guard case .growthBelowFloor(_, _, _, let required) = review.warnings.first else { Issue.record("no warning"); return }
        #expect(required == F.yuan("391.51"))
    }

    @Test("previous year must be the same region, area and year − 1",
          arguments: [(2019, UrbanRural.urban), (2021, .urban), (2020, .rural)])
    func previousMismatch(_ year: Int, _ area: UrbanRural) {
        let previous = standard(year: year, area: area, dibao: "500", basic: "700")
        let refusal = F.refusal { () throws(RuleViolation) in
            try StandardPublication.validate(new: standard(year: 2021, dibao: "577", basic: "751"), previousYear: previous, cityMinimum: nil, growthFloor: nil, override: nil)
        }
        #expect(refusal?.code == "standard.previous-year-mismatch")
    }

    @Test("previous year of another county is refused")
    func previousOtherCounty() throws {
        let previous = try AssistanceStandard(region: F.region("620421"), year: 2020, area: .urban,
                                              minimumLivingAllowance: F.yuan("500"), extremePovertyBasic: F.yuan("700"))
        let refusal = F.refusal { () throws(RuleViolation) in
            try StandardPublication.validate(new: standard(dibao: "577", basic: "751"), previousYear: previous, cityMinimum: nil, growthFloor: nil, override: nil)
        }
        #expect(refusal?.code == "standard.previous-year-mismatch")
    }

    @Test("a standard is set per county", arguments: ["620000", "620400", "620423100", "620423100001"])
    func notCounty(_ code: String) {
        let refusal = F.refusal { () throws(RuleViolation) in
            try AssistanceStandard(region: F.region(code), year: 2020, area: .urban, minimumLivingAllowance: F.yuan("1"), extremePovertyBasic: F.yuan("2"))
        }
        #expect(refusal?.code == "standard.region-not-county")
    }

    @Test("amounts must be positive", arguments: [("0", "751", "1"), ("577", "0", "1"), ("577", "751", "0"), ("-1", "751", "1")])
    func positive(_ dibao: String, _ basic: String, _ care: String) {
        let refusal = F.refusal { () throws(RuleViolation) in
            try AssistanceStandard(region: F.jingtai, year: 2020, area: .urban, minimumLivingAllowance: F.yuan(dibao),
                                   extremePovertyBasic: F.yuan(basic), extremePovertyCare: [.fullyDependent: F.yuan(care)])
        }
        #expect(refusal?.code == "standard.amount-not-positive")
        #expect(F.refusal { () throws(RuleViolation) in try CityMinimumStandard(year: 2020, area: .urban, minimumLivingAllowance: .zero) }?.code == "standard.amount-not-positive")
    }

    @Test("year must be 1...9999", arguments: [0, 10000])
    func yearInvalid(_ year: Int) {
        #expect(F.refusal { () throws(RuleViolation) in
            try AssistanceStandard(region: F.jingtai, year: year, area: .urban, minimumLivingAllowance: F.yuan("1"), extremePovertyBasic: F.yuan("2"))
        }?.code == "standard.year-invalid")
    }

    @Test("care tiers are looked up by self-care ability")
    func careTiers() {
        let s = standard(dibao: "577", basic: "751", care: [.fullyDependent: F.yuan("300"), .partiallyDependent: F.yuan("150")])
        #expect(s.careStandard(for: .fullyDependent) == F.yuan("300"))
        #expect(s.careStandard(for: .partiallyDependent) == F.yuan("150"))
        #expect(s.careStandard(for: .fullySelfCaring) == nil)
    }

    @Test("policy ratios refuse bad denominators", arguments: [(Int64(1), Int64(0)), (1, -2), (-1, 2)])
    func ratioInvalid(_ n: Int64, _ d: Int64) {
        #expect(F.refusal { () throws(RuleViolation) in try PolicyRatio(n, d) }?.code == "policy.ratio-invalid")
    }
}
