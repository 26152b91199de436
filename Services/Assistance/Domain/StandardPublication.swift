import Contracts

/// Which 低保 standard the 特困 basic standard is compared with.
///
/// Jingtai derives 特困 from "全县低保标准" of the same year (《景泰县“十四五”民政事业发展规划》第三章（一）2); the city plan
/// *市《2023年全市民政工作要点》（八） says "不低于当地**上年度**城乡低保标准的1.3倍". Both are configurable.
public enum ExtremePovertyBaseline: String, Sendable, Hashable, Codable {
    case sameYear = "same-year"
    case previousYear = "previous-year"
}

/// Validation of a standard before it is published (and its `standard-published` event emitted).
public enum StandardPublication {
    /// The result of a successful validation: the standard may be published, with these warnings.
    public struct Review: Sendable, Hashable {
        public let standard: AssistanceStandard
        public let warnings: [StandardWarning]
        /// The override actually relied on (nil when the 1.3× rule held without it).
        public let overrideApplied: StandardOverride?
    }

    /// Validates `new` against the publication rules.
    ///
    /// - Refuses `standard.extreme-poverty-below-1.3x` when 特困 basic < multiplier × 低保 of the
    ///   baseline year, unless `override` is given ("原则上不低于1.3倍", 《景泰县“十四五”民政事业发展规划》第三章（一）2; *市《2023年全市民政工作要点》（八）).
    ///   The comparison is exact: 751.00 against 1.3 × 577.00 = 750.10 passes, 750.09 fails.
    /// - Refuses `standard.below-city-minimum` when 低保 < the city minimum guidance standard
    ///   ("各地城乡低保保障标准不低于市定最低指导标准", *市《2023年全市民政工作要点》（八）). No override: the sentence has no "in principle".
    /// - Warns `standard.growth-below-floor` when (new − previous) / previous < `growthFloor`
    ///   ("城乡低保标准年度增速不低于居民上年度人均消费支出增速", 《景泰县“十四五”民政事业发展规划》第三章（一）2). `growthFloor` is the growth
    ///   *rate*, e.g. 8/100 for 8 %.
    /// - Refuses inputs that do not belong together: `standard.previous-year-mismatch`,
    ///   `standard.city-minimum-mismatch`, `standard.previous-year-missing` (baseline = previous year).
    public static func validate(
        new: AssistanceStandard,
        previousYear: AssistanceStandard?,
        cityMinimum: CityMinimumStandard?,
        growthFloor: PolicyRatio?,
        override: StandardOverride?,
        multiplier: PolicyRatio = .extremePovertyMultiplier,
        baseline: ExtremePovertyBaseline = .sameYear
    ) throws(RuleViolation) -> Review {
        if let previousYear {
            guard previousYear.region == new.region, previousYear.area == new.area, previousYear.year == new.year - 1 else {
                throw RuleViolation.invalid("standard.previous-year-mismatch",
                    "previous standard is \(previousYear.region)/\(previousYear.area)/\(previousYear.year), expected \(new.region)/\(new.area)/\(new.year - 1)")
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

        // 1. 特困 basic ≥ 1.3 × 低保.
        let base: Money
        switch baseline {
        case .sameYear:
            base = new.minimumLivingAllowance
        case .previousYear:
            guard let previousYear else {
                throw RuleViolation.invalid("standard.previous-year-missing",
                    "the 特困 baseline is the previous year's 低保, but no previous-year standard was given")
            }
            base = previousYear.minimumLivingAllowance
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

        // 3. Growth floor (flag only).
        if let previousYear, let growthFloor {
            let previous = previousYear.minimumLivingAllowance
            // (new − prev) × den ≥ prev × num  ⇔  growth ≥ floor, exactly.
            let growth = Int128(new.minimumLivingAllowance.fen) - Int128(previous.fen)
            if growth * Int128(growthFloor.denominator) < Int128(previous.fen) * Int128(growthFloor.numerator) {
                let onePlus = try PolicyRatio(growthFloor.denominator + growthFloor.numerator, growthFloor.denominator)
                let required = try onePlus.applied(to: previous, rounding: .up)
                warnings.append(.growthBelowFloor(previous: previous, published: new.minimumLivingAllowance,
                                                  floor: growthFloor, required: required))
            }
        }

        return Review(standard: new, warnings: warnings, overrideApplied: overrideApplied)
    }
}
