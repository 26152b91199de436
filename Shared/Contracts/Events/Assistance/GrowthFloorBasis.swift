/// Where the growth floor a standard fell short of comes from.
public enum GrowthFloorBasis: String, Codable, Sendable, CaseIterable {
    /// The county's configured yearly floor for that figure and area.
    case configured
    /// The previous year's growth of residents' per-capita consumption, given with the publication
    /// (低保 only: "城乡低保标准年度增速不低于居民上年度人均消费支出增速").
    case consumptionGrowth = "consumption-growth"
}
