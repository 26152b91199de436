import Contracts

/// A figure of a new standard that grew less over the one in force the year before than its floor
/// asks (``StandardGrowth``): published anyway, flagged with how far short it fell.
public struct GrowthShortfall: Sendable, Hashable, Codable {
    public let figure: StandardFigure
    /// The care tier, for ``StandardFigure/extremePovertyCare``; nil otherwise.
    public let tier: SelfCareAbility?
    /// The figure in the standard in force the year before, per person per month.
    public let previous: Money
    public let published: Money
    /// The yearly growth asked for, in per mille.
    public let floorPermille: Int
    public let basis: GrowthFloorBasis
    /// The smallest compliant figure: previous × (1 + floor), rounded up to the fen.
    public let required: Money

    public init(figure: StandardFigure, tier: SelfCareAbility?, previous: Money, published: Money, floorPermille: Int,
                basis: GrowthFloorBasis, required: Money) {
        self.figure = figure
        self.tier = tier
        self.previous = previous
        self.published = published
        self.floorPermille = floorPermille
        self.basis = basis
        self.required = required
    }

    /// How much the published figure lacks: `required − published`.
    public var shortfall: Money { required - published }

    /// The shortfall as `standard-published` carries it.
    public var contract: StandardGrowthShortfall {
        StandardGrowthShortfall(figure: figure, tier: tier?.contract, previous: previous, published: published,
                                floorPermille: floorPermille, basis: basis, required: required, shortfall: shortfall)
    }
}
