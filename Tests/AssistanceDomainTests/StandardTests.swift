import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("AssistanceStandard and StandardPublication", .tags(.unit))
struct StandardTests {
    typealias F = AssistanceDomainFixture

    func standard(year: Int = 2021, area: UrbanRural = .urban, dibao: String, basic: String,
                  care: [SelfCareAbility: Money] = [:]) throws -> AssistanceStandard {
        try AssistanceStandard(region: F.jingtai, year: year, area: area, minimumLivingAllowance: F.yuan(dibao),
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
        let review = try StandardPublication.validate(new: standard, previousYear: nil, cityMinimum: nil, growthFloors: .none, override: nil, baseline: .sameYear)
        #expect(review.warnings.isEmpty)
        #expect(review.overrideApplied == nil)
    }

    @Test("annual → monthly rounds half-up", arguments: [("1200", "100.00"), ("100", "8.33"), ("1", "0.08"), ("0.06", "0.01"), ("0.05", "0.00")])
    func annualToMonthly(_ annual: String, _ monthly: String) throws {
        #expect(try AssistanceStandard.monthly(fromAnnual: F.yuan(annual)) == F.yuan(monthly))
    }

    @Test("the 1.3× boundary is exact: 750.10 passes, 750.09 is refused")
    func multiplierBoundary() throws {
        _ = try StandardPublication.validate(new: standard(dibao: "577", basic: "750.10"), previousYear: nil, cityMinimum: nil, growthFloors: .none, override: nil, baseline: .sameYear)
        let candidate = try standard(dibao: "577", basic: "750.09")
        let refusal = try F.refusal {
            try StandardPublication.validate(new: candidate, previousYear: nil, cityMinimum: nil, growthFloors: .none, override: nil, baseline: .sameYear)
        }
        #expect(refusal?.code == "standard.extreme-poverty-below-1.3x")
        #expect(refusal?.kind == .ruleViolated)
        #expect(refusal?.detail.contains("750.10") == true)
    }

    @Test("an override with a reason lets a low 特困 standard through, flagged")
    func overrideAccepted() throws {
        let override = try StandardOverride(reason: "county council decision 2021-3")
        let review = try StandardPublication.validate(new: standard(dibao: "577", basic: "700"), previousYear: nil,
                                                      cityMinimum: nil, growthFloors: .none, override: override, baseline: .sameYear)
        #expect(review.overrideApplied == override)
        #expect(try review.warnings == [.extremePovertyBelowMultiplierOverridden(basic: Money(yuan: 700), required: F.yuan("750.10"), reason: override.reason)])
        #expect(review.warnings.first?.code == "standard.extreme-poverty-below-1.3x-overridden")
    }

    @Test("an unneeded override is not recorded as applied")
    func overrideUnneeded() throws {
        let review = try StandardPublication.validate(new: standard(dibao: "577", basic: "751"), previousYear: nil,
                                                      cityMinimum: nil, growthFloors: .none, override: try StandardOverride(reason: "x"), baseline: .sameYear)
        #expect(review.overrideApplied == nil)
        #expect(review.warnings.isEmpty)
    }

    @Test("an override needs a reason", arguments: ["", " ", "\n\t"])
    func overrideReasonRequired(_ reason: String) throws {
        #expect(try F.refusal { try StandardOverride(reason: reason) }?.code == "standard.override-reason-missing")
    }

    /// Seed 002 lines 8–9: "不低于当地上年度城乡低保标准的1.3倍"; seed 003 line 13: "原则上不低于1.3倍" (no year).
    @Test("the 1.3× rule compares with the previous year's 低保 or the same year's, as configured")
    func previousYearBaseline() throws {
        let previous = try standard(year: 2020, dibao: "577", basic: "751")
        // 低保 rose from 577 to 620: 1.3 × 577 = 750.10 (last year), 1.3 × 620 = 806 (this year).
        let new = try standard(year: 2021, dibao: "620", basic: "750.10")
        let review = try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil, growthFloors: .none, override: nil,
                                                      baseline: .previousYear)
        #expect(review.warnings.isEmpty)
        #expect(review.overrideApplied == nil)
        let sameYear = try F.refusal {
            try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil, growthFloors: .none, override: nil, baseline: .sameYear)
        }
        #expect(sameYear?.code == "standard.extreme-poverty-below-1.3x")
        #expect(sameYear?.detail.contains("806.00") == true)
        // One fen below 1.3 × last year's is refused under the previous-year reading too.
        let candidate = try standard(year: 2021, dibao: "620", basic: "750.09")
        let short = try F.refusal {
            try StandardPublication.validate(new: candidate, previousYear: previous, cityMinimum: nil,
                                             growthFloors: .none, override: nil, baseline: .previousYear)
        }
        #expect(short?.code == "standard.extreme-poverty-below-1.3x")
        #expect(short?.detail.contains("750.10") == true)
    }

    @Test("when 低保 fell, the previous-year reading asks more than the same-year one")
    func previousYearBaselineAfterAFall() throws {
        let previous = try standard(year: 2020, dibao: "577", basic: "751")
        let new = try standard(year: 2021, dibao: "500", basic: "650")
        _ = try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil, growthFloors: .none, override: nil, baseline: .sameYear)
        let refusal = try F.refusal {
            try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil, growthFloors: .none, override: nil, baseline: .previousYear)
        }
        #expect(refusal?.code == "standard.extreme-poverty-below-1.3x")
    }

    @Test("a county's first standard, with no earlier one, is checked against the same year and flagged")
    func previousYearBaselineMissing() throws {
        let review = try StandardPublication.validate(new: standard(year: 2021, dibao: "577", basic: "751"), previousYear: nil, cityMinimum: nil,
                                                      growthFloors: .none, override: nil, baseline: .previousYear)
        #expect(review.warnings == [.previousYearBaselineMissing(year: 2020)])
        #expect(review.warnings.map(\.code) == ["standard.previous-year-baseline-missing"])
        let candidate = try standard(year: 2021, dibao: "577", basic: "750.09")
        let refusal = try F.refusal {
            try StandardPublication.validate(new: candidate, previousYear: nil, cityMinimum: nil,
                                             growthFloors: .none, override: nil, baseline: .previousYear)
        }
        #expect(refusal?.code == "standard.extreme-poverty-below-1.3x")
        let sameYear = try StandardPublication.validate(new: standard(year: 2021, dibao: "577", basic: "751"), previousYear: nil, cityMinimum: nil,
                                                        growthFloors: .none, override: nil, baseline: .sameYear)
        #expect(sameYear.warnings.isEmpty)
    }

    @Test("the standard in force the year before may be older than last year's")
    func previousYearInForce() throws {
        // Nothing was published for 2020: 2019's 577 was paid in 2020, and is the baseline for 2021.
        let older = try standard(year: 2019, dibao: "577", basic: "751")
        let review = try StandardPublication.validate(new: standard(year: 2021, dibao: "620", basic: "750.10"), previousYear: older,
                                                      cityMinimum: nil, growthFloors: .none, override: nil, baseline: .previousYear)
        #expect(review.warnings.isEmpty)
    }

    @Test("local 低保 must reach the city minimum; equal is fine", arguments: [("576.99", false), ("577", false), ("600", true)])
    func cityMinimum(_ minimum: String, _ refused: Bool) throws {
        let city = try CityMinimumStandard(year: 2021, area: .urban, minimumLivingAllowance: F.yuan(minimum))
        let new = try standard(dibao: "577", basic: "751")
        let refusal = try F.refusal {
            try StandardPublication.validate(new: new, previousYear: nil, cityMinimum: city, growthFloors: .none, override: nil, baseline: .sameYear)
        }
        if refused { #expect(refusal?.code == "standard.below-city-minimum") } else { #expect(refusal == nil) }
    }

    @Test("city minimum of another year or area is refused as mismatched")
    func cityMinimumMismatch() throws {
        let city = try CityMinimumStandard(year: 2021, area: .rural, minimumLivingAllowance: F.yuan("300"))
        let candidate = try standard(dibao: "577", basic: "751")
        let refusal = try F.refusal {
            try StandardPublication.validate(new: candidate, previousYear: nil, cityMinimum: city, growthFloors: .none, override: nil, baseline: .sameYear)
        }
        #expect(refusal?.code == "standard.city-minimum-mismatch")
        #expect(refusal?.kind == .invalidInput)
    }

    func floors(_ permille: [StandardFigure: [UrbanRural: Int]]) throws -> StandardGrowthFloors {
        try StandardGrowthFloors(permille: permille)
    }

    @Test("growth below the floor is flagged, not refused; exactly at the floor is fine",
          arguments: [("623.16", false), ("623.15", true), ("577", true), ("700", false)])
    func growthFloor(_ newDibao: String, _ flagged: Bool) throws {
        // 577 × 1.08 = 623.16 exactly.
        let previous = try standard(year: 2020, dibao: "577", basic: "751")
        let new = try standard(year: 2021, dibao: newDibao, basic: "1000")
        let review = try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil,
                                                      growthFloors: floors([.minimumLivingAllowance: [.urban: 80]]), override: nil, baseline: .sameYear)
        if flagged {
            let shortfall = try GrowthShortfall(figure: .minimumLivingAllowance, tier: nil, previous: Money(yuan: 577), published: F.yuan(newDibao),
                                                floorPermille: 80, basis: .configured, required: F.yuan("623.16"))
            #expect(review.warnings == [.growthBelowFloor(shortfall)])
            #expect(review.warningCodes == ["standard.growth-below-floor"])
            #expect(try review.growthShortfalls.map(\.shortfall) == [F.yuan("623.16") - F.yuan(newDibao)])
        } else {
            #expect(review.warnings.isEmpty)
        }
    }

    @Test("growth floor's required figure rounds up to the fen")
    func growthRequiredRoundsUp() throws {
        let previous = try standard(year: 2020, area: .rural, dibao: "369", basic: "530")
        let new = try standard(year: 2021, area: .rural, dibao: "369", basic: "530")
        // 369 × 1.061 = 391.509 → 391.51
        let review = try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil,
                                                      growthFloors: floors([.minimumLivingAllowance: [.rural: 61]]), override: nil, baseline: .sameYear)
        #expect(try review.growthShortfalls.map(\.required) == [F.yuan("391.51")])
        #expect(try review.growthShortfalls.map(\.shortfall) == [F.yuan("22.51")])
    }

    /// Seed 001 lines 20 and 84: "城乡低保、城市特困人员供养标准提高不低于10%,农村特困人员供养标准提高不低于15%、照料护理标准提高不低于10%".
    @Test("seed 001's floors: 10 % for 低保, urban 特困 and care; 15 % for rural 特困")
    func seed001Floors() {
        let seed = StandardGrowthFloors.seed001
        #expect(seed.floor(of: .minimumLivingAllowance, in: .urban) == 100)
        #expect(seed.floor(of: .minimumLivingAllowance, in: .rural) == 100)
        #expect(seed.floor(of: .extremePovertyBasic, in: .urban) == 100)
        #expect(seed.floor(of: .extremePovertyBasic, in: .rural) == 150)
        #expect(seed.floor(of: .extremePovertyCare, in: .urban) == 100)
        #expect(seed.floor(of: .extremePovertyCare, in: .rural) == 100)
        #expect(StandardGrowthFloors.none.floor(of: .minimumLivingAllowance, in: .urban) == nil)
    }

    @Test("every figure is held to its own floor: rural 特困 to 15 %, each care tier to 10 %")
    func floorsPerFigure() throws {
        let care: [SelfCareAbility: Money] = try [.fullyDependent: F.yuan("400"), .partiallyDependent: F.yuan("200")]
        let previous = try standard(year: 2020, area: .rural, dibao: "400", basic: "600", care: care)
        // 低保 +10 % (met), 特困 +14 % (short of 15 %: 690 asked), full care +10 % (met), partial care +5 % (short: 220 asked).
        let new = try standard(year: 2021, area: .rural, dibao: "440", basic: "684",
                           care: [.fullyDependent: F.yuan("440"), .partiallyDependent: F.yuan("210"), .fullySelfCaring: F.yuan("100")])
        let review = try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil, growthFloors: .seed001,
                                                      override: nil, baseline: .previousYear)
        #expect(try review.growthShortfalls == [
            GrowthShortfall(figure: .extremePovertyBasic, tier: nil, previous: F.yuan("600"), published: F.yuan("684"), floorPermille: 150,
                                basis: .configured, required: F.yuan("690")),
            GrowthShortfall(figure: .extremePovertyCare, tier: .partiallyDependent, previous: F.yuan("200"), published: F.yuan("210"),
                                floorPermille: 100, basis: .configured, required: F.yuan("220")),
        ])
        #expect(try review.growthShortfalls.map(\.shortfall) == [F.yuan("6"), F.yuan("10")])
        #expect(review.warningCodes == ["standard.extreme-poverty-growth-below-floor", "standard.care-growth-below-floor"])
        // The same figures in the urban area: 特困's floor is 10 %, which 14 % meets.
        let urban = try StandardPublication.validate(
            new: standard(year: 2021, dibao: "440", basic: "684", care: care), previousYear: standard(year: 2020, dibao: "400", basic: "600", care: care),
            cityMinimum: nil, growthFloors: .seed001, override: nil, baseline: .previousYear)
        #expect(urban.warningCodes == ["standard.care-growth-below-floor"])
        #expect(urban.growthShortfalls.map(\.tier) == [.partiallyDependent, .fullyDependent])
    }

    /// Seed 003 line 13: "城乡低保标准年度增速不低于居民上年度人均消费支出增速".
    @Test("低保 growth is held to the consumption growth when it is above the configured floor",
          arguments: [(Optional<Int>.none, "440", Optional<GrowthFloorBasis>.none), (120, "440", .consumptionGrowth), (120, "448", nil),
                      (90, "439.99", .configured), (-30, "440", nil), (100, "439.99", .configured)])
    func consumptionGrowth(_ permille: Int?, _ dibao: String, _ basis: GrowthFloorBasis?) throws {
        let previous = try standard(year: 2020, dibao: "400", basic: "600")
        let new = try standard(year: 2021, dibao: dibao, basic: "700")
        let growth = try permille.map { value throws(RuleViolation) in try ConsumptionGrowth(permille: value) }
        let review = try StandardPublication.validate(new: new, previousYear: previous, cityMinimum: nil, growthFloors: .seed001,
                                                      consumptionGrowth: growth, override: nil, baseline: .previousYear)
        #expect(review.growthShortfalls.map(\.basis) == (basis.map { [$0] } ?? []))
        if basis == .consumptionGrowth {
            // 400 × 1.12 = 448.
            #expect(try review.growthShortfalls.map(\.required) == [F.yuan("448")])
            #expect(review.growthShortfalls.map(\.floorPermille) == [120])
            #expect(try review.growthShortfalls.map(\.shortfall) == [F.yuan("8")])
        }
    }

    @Test("a consumption growth outside −100 %…1000 % is refused", arguments: [-1_001, 10_001])
    func consumptionGrowthInvalid(_ permille: Int) throws {
        #expect(try F.refusal { try ConsumptionGrowth(permille: permille) }?.code == "standard.consumption-growth-invalid")
    }

    @Test("without a standard the year before, growth is not checked")
    func growthWithoutPrevious() throws {
        let review = try StandardPublication.validate(new: standard(dibao: "400", basic: "600"), previousYear: nil, cityMinimum: nil,
                                                      growthFloors: .seed001, consumptionGrowth: try ConsumptionGrowth(permille: 200),
                                                      override: nil, baseline: .sameYear)
        #expect(review.warnings.isEmpty)
    }

    @Test("a negative floor is refused")
    func negativeFloor() throws {
        let refusal = try F.refusal { try StandardGrowthFloors(permille: [.extremePovertyCare: [.urban: -1]]) }
        #expect(refusal?.code == "policy.ratio-invalid")
    }

    @Test("the previous standard must be of the same region and area, and of an earlier year",
          arguments: [(2022, UrbanRural.urban), (2021, .urban), (2020, .rural)])
    func previousMismatch(_ year: Int, _ area: UrbanRural) throws {
        let previous = try standard(year: year, area: area, dibao: "500", basic: "700")
        let candidate = try standard(year: 2021, dibao: "577", basic: "751")
        let refusal = try F.refusal {
            try StandardPublication.validate(new: candidate, previousYear: previous, cityMinimum: nil, growthFloors: .none, override: nil, baseline: .sameYear)
        }
        #expect(refusal?.code == "standard.previous-year-mismatch")
    }

    @Test("previous year of another county is refused")
    func previousOtherCounty() throws {
        let previous = try AssistanceStandard(region: F.region("620421"), year: 2020, area: .urban,
                                              minimumLivingAllowance: F.yuan("500"), extremePovertyBasic: F.yuan("700"))
        let candidate = try standard(dibao: "577", basic: "751")
        let refusal = try F.refusal {
            try StandardPublication.validate(new: candidate, previousYear: previous, cityMinimum: nil, growthFloors: .none, override: nil, baseline: .sameYear)
        }
        #expect(refusal?.code == "standard.previous-year-mismatch")
    }

    @Test("a standard is set per county", arguments: ["620000", "620400", "620423100", "620423100001"])
    func notCounty(_ code: String) throws {
        let refusal = try F.refusal {
            try AssistanceStandard(region: F.region(code), year: 2020, area: .urban, minimumLivingAllowance: F.yuan("1"), extremePovertyBasic: F.yuan("2"))
        }
        #expect(refusal?.code == "standard.region-not-county")
    }

    @Test("amounts must be positive", arguments: [("0", "751", "1"), ("577", "0", "1"), ("577", "751", "0"), ("-1", "751", "1")])
    func positive(_ dibao: String, _ basic: String, _ care: String) throws {
        let refusal = try F.refusal {
            try AssistanceStandard(region: F.jingtai, year: 2020, area: .urban, minimumLivingAllowance: F.yuan(dibao),
                                   extremePovertyBasic: F.yuan(basic), extremePovertyCare: [.fullyDependent: F.yuan(care)])
        }
        #expect(refusal?.code == "standard.amount-not-positive")
        #expect(try F.refusal { try CityMinimumStandard(year: 2020, area: .urban, minimumLivingAllowance: .zero) }?.code == "standard.amount-not-positive")
    }

    @Test("year must be 1...9999", arguments: [0, 10000])
    func yearInvalid(_ year: Int) throws {
        #expect(try F.refusal {
            try AssistanceStandard(region: F.jingtai, year: year, area: .urban, minimumLivingAllowance: F.yuan("1"), extremePovertyBasic: F.yuan("2"))
        }?.code == "standard.year-invalid")
    }

    @Test("care tiers are looked up by self-care ability")
    func careTiers() throws {
        let s = try standard(dibao: "577", basic: "751", care: [.fullyDependent: F.yuan("300"), .partiallyDependent: F.yuan("150")])
        #expect(try s.careStandard(for: .fullyDependent) == F.yuan("300"))
        #expect(try s.careStandard(for: .partiallyDependent) == F.yuan("150"))
        #expect(s.careStandard(for: .fullySelfCaring) == nil)
    }

    @Test("policy ratios refuse bad denominators", arguments: [(Int64(1), Int64(0)), (1, -2), (-1, 2)])
    func ratioInvalid(_ n: Int64, _ d: Int64) throws {
        #expect(try F.refusal { try PolicyRatio(n, d) }?.code == "policy.ratio-invalid")
    }
}
