/// Where the disabled person's household stands with assistance, as the living subsidy reads it.
public enum DisabilityHouseholdStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// An active 低保 case covers the household.
    case minimumLiving = "minimum-living"
    /// 低保边缘: income below the near-低保 line, not in 低保.
    case nearLowIncome = "near-low-income"
    /// Neither.
    case none
}
