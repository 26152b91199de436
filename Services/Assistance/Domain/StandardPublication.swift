import Contracts

/// Validation of a standard before it is published (and its `standard-published` event emitted).
public enum StandardPublication {
    /// The result of a successful validation: the standard may be published, with these warnings.
    public struct Review: Sendable, Hashable {
        public let standard: AssistanceStandard
        public let warnings: [StandardWarning]
        /// The override actually relied on (nil when the 1.3× rule held without it).
        public let overrideApplied: StandardOverride?

        /// The warnings' codes, each once, in the order first found (several care tiers short of
        /// their floor are one code).
        public var warningCodes: [String] {
            var seen: Set<String> = []
            return warnings.map(\.code).filter { seen.insert($0).inserted }
        }

        /// The growth shortfalls among the warnings.
        public var growthShortfalls: [GrowthShortfall] {
            warnings.compactMap { if case .growthBelowFloor(let shortfall) = $0 { shortfall } else { nil } }
        }
    }

    /// Validates `new` against the publication rules. `previousYear` is the county's standard in
    /// force in the year before `new.year`: that year's, or its latest earlier one (a county that
    /// published nothing for a year kept paying the one before).
    ///
    /// - Refuses `standard.extreme-poverty-below-1.3x` when 特困 basic < multiplier × 低保 of the
    ///   `baseline` year, unless `override` is given ("原则上不低于1.3倍", 《景泰县“十四五”民政事业发展规划》第三章（一）2; *市《2023年全市民政工作要点》（八）).
    ///   The comparison is exact: 751.00 against 1.3 × 577.00 = 750.10 passes, 750.09 fails.
    ///   With the previous-year baseline and no earlier standard at all (the county's first
    ///   publication), the same year's 低保 is used and `standard.previous-year-baseline-missing` warns.
    /// - Refuses `standard.below-city-minimum` when 低保 < the city minimum guidance standard
    ///   ("各地城乡低保保障标准不低于市定最低指导标准", *市《2023年全市民政工作要点》（八）). No override: the sentence has no "in principle".
    /// - Warns, per figure that grew less than its floor over `previousYear` (``StandardGrowth``):
    ///   `standard.growth-below-floor` (低保, held to its floor or `consumptionGrowth`, the higher),
    ///   `standard.extreme-poverty-growth-below-floor`, `standard.care-growth-below-floor`.
    /// - Refuses inputs that do not belong together: `standard.previous-year-mismatch` (another
    ///   county or area, or not an earlier year), `standard.city-minimum-mismatch`.
    public static func validate(
        new: AssistanceStandard,
        previousYear: AssistanceStandard?,
        cityMinimum: CityMinimumStandard?,
        growthFloors: StandardGrowthFloors,
        consumptionGrowth: ConsumptionGrowth? = nil,
        override: StandardOverride?,
        baseline: ExtremePovertyBaseline,
        multiplier: PolicyRatio = .extremePovertyMultiplier
    ) throws(RuleViolation) -> Review {
        if let previousYear {
            guard previousYear.region == new.region, previousYear.area == new.area, previousYear.year < new.year else {
                throw RuleViolation.invalid("standard.previous-year-mismatch",
                    "previous standard is \(previousYear.region)/\(previousYear.area)/\(previousYear.year), expected \(new.region)/\(new.area) before \(new.year)")
            }
        }
        if let cityMinimum {
            guard cityMinimum.year == new.year, cityMinimum.area == new.area else {
                throw RuleViolation.invalid("standard.city-minimum-mismatch",
                    "city minimum is for \(cityMinimum.area)/\(cityMinimum.year), standard is \(new.area)/\(new.year)")
            }
        }

        var warnings: [StandardWarning] = []
        var overrideApplied: StandardOverride?

        // 1. 特困 basic ≥ 1.3 × 低保 of the baseline year.
        let base: Money
        switch baseline {
        case .sameYear:
            base = new.minimumLivingAllowance
        case .previousYear:
            if let previousYear {
                base = previousYear.minimumLivingAllowance
            } else {
                // Nothing to compare with: the county's first publication. Refusing would block it
                // for good; the same year's 低保 is what seed 003 itself names.
                base = new.minimumLivingAllowance
                warnings.append(.previousYearBaselineMissing(year: new.year - 1))
            }
        }
        if !multiplier.isMet(by: new.extremePovertyBasic, against: base) {
            let required = try multiplier.applied(to: base, rounding: .up)
            guard let override else {
                throw RuleViolation("standard.extreme-poverty-below-1.3x",
                    "特困 basic \(new.extremePovertyBasic) is below \(multiplier) × 低保 \(base) = \(required); publish it only with an override and a reason")
            }
            overrideApplied = override
            warnings.append(.extremePovertyBelowMultiplierOverridden(basic: new.extremePovertyBasic, required: required, reason: override.reason))
        }

        // 2. 低保 ≥ city minimum guidance.
        if let cityMinimum, new.minimumLivingAllowance < cityMinimum.minimumLivingAllowance {
            throw RuleViolation("standard.below-city-minimum",
                "低保 \(new.minimumLivingAllowance) is below the city minimum guidance \(cityMinimum.minimumLivingAllowance)")
        }

        // 3. Growth floors (flag only).
        if let previousYear {
            warnings += try StandardGrowth.shortfalls(new: new, previous: previousYear, floors: growthFloors,
                                                      consumptionGrowth: consumptionGrowth).map(StandardWarning.growthBelowFloor)
        }

        return Review(standard: new, warnings: warnings, overrideApplied: overrideApplied)
    }
}
