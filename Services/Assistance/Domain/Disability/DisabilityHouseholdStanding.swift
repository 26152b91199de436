import Contracts

/// What Assistance's own records say about a disabled person's household, as the living subsidy
/// reads it: the facts only; ``status`` decides.
public struct DisabilityHouseholdStanding: Sendable, Hashable {
    /// The household's county (the region its subsidies are paid in).
    public let region: RegionCode
    /// An active 低保 case covers the household.
    public let hasActiveMinimumLivingCase: Bool
    /// 低保边缘 as the household's last verification found it (the flag low-income monitoring reads).
    public let nearLowIncome: Bool

    public init(region: RegionCode, hasActiveMinimumLivingCase: Bool, nearLowIncome: Bool) {
        self.region = region
        self.hasActiveMinimumLivingCase = hasActiveMinimumLivingCase
        self.nearLowIncome = nearLowIncome
    }

    /// An active 低保 case → minimum-living, whatever the flag says (the case is the stronger
    /// fact: a household in 低保 is not 低保边缘); otherwise the flag → near-low-income; otherwise none.
    public var status: DisabilityHouseholdStatus {
        Self.status(hasActiveMinimumLivingCase: hasActiveMinimumLivingCase, nearLowIncome: nearLowIncome)
    }

    /// The same decision from the two facts alone (a coverage count reads them per person, across
    /// the households that list the person).
    public static func status(hasActiveMinimumLivingCase: Bool, nearLowIncome: Bool) -> DisabilityHouseholdStatus {
        if hasActiveMinimumLivingCase { return .minimumLiving }
        return nearLowIncome ? .nearLowIncome : .none
    }
}
