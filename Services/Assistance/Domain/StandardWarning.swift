import Contracts

/// A finding that does not block publication but must be shown and recorded.
public enum StandardWarning: Sendable, Hashable {
    /// Year-on-year 低保 growth fell short of the floor. "城乡低保标准年度增速不低于居民上年度人均消费支出增速"
    /// (《景泰县“十四五”民政事业发展规划》第三章（一）2) is a policy target, so it is flagged rather than refused.
    /// `required` is the smallest compliant standard (previous × (1 + floor), rounded up to the fen).
    case growthBelowFloor(previous: Money, published: Money, floor: PolicyRatio, required: Money)
    /// The 特困 basic standard is below 1.3 × 低保 and was published under an override.
    case extremePovertyBelowMultiplierOverridden(basic: Money, required: Money, reason: String)

    /// A stable code for logs and API bodies.
    public var code: String {
        switch self {
        case .growthBelowFloor: "standard.growth-below-floor"
        case .extremePovertyBelowMultiplierOverridden: "standard.extreme-poverty-below-1.3x-overridden"
        }
    }
}
