/// One tier of the 特困 care standard (照料护理标准) and its amount per person per month.
public struct CareStandard: Codable, Sendable, Hashable {
    public var tier: SelfCareTier
    /// Per person per month; encodes as integer fen.
    public var amount: Money

    public init(tier: SelfCareTier, amount: Money) {
        self.tier = tier
        self.amount = amount
    }
}
