/// A figure of a published standard that grew less over the previous year's than its floor asks.
/// Publication goes ahead (the floors are policy targets); the shortfall says by how much.
public struct StandardGrowthShortfall: Codable, Sendable, Hashable {
    public var figure: StandardFigure
    /// The care tier, for `extreme-poverty-care`; nil for the other figures.
    public var tier: SelfCareTier?
    /// The figure in the standard in force the year before, per person per month.
    public var previous: Money
    /// The figure as published.
    public var published: Money
    /// The yearly growth asked for, in per mille (100 = 10 %).
    public var floorPermille: Int
    public var basis: GrowthFloorBasis
    /// The smallest compliant figure: previous × (1 + floor), rounded up to the fen.
    public var required: Money
    /// `required − published`.
    public var shortfall: Money

    public init(figure: StandardFigure, tier: SelfCareTier?, previous: Money, published: Money, floorPermille: Int,
                basis: GrowthFloorBasis, required: Money, shortfall: Money) {
        self.figure = figure
        self.tier = tier
        self.previous = previous
        self.published = published
        self.floorPermille = floorPermille
        self.basis = basis
        self.required = required
        self.shortfall = shortfall
    }
}
