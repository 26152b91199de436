/// One of the figures a county's standard publishes, as growth shortfalls name them.
public enum StandardFigure: String, Codable, Sendable, CaseIterable {
    /// 低保标准.
    case minimumLivingAllowance = "minimum-living-allowance"
    /// 特困人员基本生活标准 (供养标准).
    case extremePovertyBasic = "extreme-poverty-basic"
    /// 特困人员照料护理标准, per self-care tier.
    case extremePovertyCare = "extreme-poverty-care"
}
