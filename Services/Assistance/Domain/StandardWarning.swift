import Contracts

/// A finding that does not block publication but must be shown and recorded.
public enum StandardWarning: Sendable, Hashable {
    /// A figure grew less over the standard in force the year before than its floor asks
    /// (``StandardGrowth``). The floors are policy targets ("提高不低于10%", seed 001; "年度增速不低于居民上年度
    /// 人均消费支出增速", 《景泰县“十四五”民政事业发展规划》第三章（一）2), so this is flagged rather than refused.
    case growthBelowFloor(GrowthShortfall)
    /// The 特困 basic standard is below 1.3 × 低保 and was published under an override.
    case extremePovertyBelowMultiplierOverridden(basic: Money, required: Money, reason: String)
    /// The 1.3× rule compares with the previous year's 低保 (``ExtremePovertyBaseline/previousYear``),
    /// but the county has no standard of `year` or before: it was checked against the same year's.
    case previousYearBaselineMissing(year: Int)

    /// A stable code for logs and API bodies; one per figure for growth, whatever the tier.
    public var code: String {
        switch self {
        case .growthBelowFloor(let shortfall):
            switch shortfall.figure {
            case .minimumLivingAllowance: "standard.growth-below-floor"
            case .extremePovertyBasic: "standard.extreme-poverty-growth-below-floor"
            case .extremePovertyCare: "standard.care-growth-below-floor"
            }
        case .extremePovertyBelowMultiplierOverridden: "standard.extreme-poverty-below-1.3x-overridden"
        case .previousYearBaselineMissing: "standard.previous-year-baseline-missing"
        }
    }
}
