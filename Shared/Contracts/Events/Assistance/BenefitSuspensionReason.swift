/// Why payments of a social-assistance case stopped without the case ending.
public enum BenefitSuspensionReason: String, Codable, Sendable, CaseIterable {
    /// A recipient died (in reaction to the Registry's `DeathRecorded`); the death month is still paid.
    case death
    /// Pending a periodic or spot review (动态管理).
    case review
    /// Stopped by hand for another administrative reason (e.g. the household cannot be reached).
    case administrative
}
