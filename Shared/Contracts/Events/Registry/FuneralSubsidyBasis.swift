/// Why a deceased person qualified for the free basic funeral services (惠民殡葬).
public enum FuneralSubsidyBasis: String, Codable, Sendable, CaseIterable {
    /// The person was covered by the minimum living allowance (低保) when they died.
    case minimumLivingAllowance = "minimum-living-allowance"
    /// The person was supported as extremely poor (特困供养) when they died.
    case extremePoverty = "extreme-poverty"
    /// The local policy covers every resident.
    case allResidents = "all-residents"
}
