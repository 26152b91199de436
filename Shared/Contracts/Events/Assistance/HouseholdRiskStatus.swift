/// Where a household flagged by low-income monitoring stands with Assistance.
public enum HouseholdRiskStatus: String, Codable, Sendable, CaseIterable {
    /// Already receives 低保 or 特困 support: the signal may call for a review or a top-up.
    case recipient
    /// Not a recipient but on the low-income register (低保边缘): the signal may call for an application.
    case nearLowIncome = "near-low-income"
}
