/// Why a social-assistance benefit ended.
public enum BenefitTerminationReason: String, Codable, Sendable, CaseIterable {
    /// The recipient died (in reaction to the Registry's `DeathRecorded`).
    case death
    /// The household's income rose above the local standard.
    case incomeAboveStandard = "income-above-standard"
    /// A periodic or spot review (动态管理) ended it.
    case review
    /// The household moved out of the region.
    case moved
    case other
}
