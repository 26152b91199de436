/// Centralised support (集中供养) of 特困 elderly: how many live in a support institution.
public enum CentralisedSupport {
    /// One 特困 older person as the statistic needs them.
    public struct Person: Sendable, Hashable {
        /// The latest capability level; nil when not assessed (counted as able to care for themselves,
        /// so an unassessed person does not enter the 60% denominator until assessed).
        public var capability: CapabilityLevel?
        /// Lives in a 特困 support institution or another institution at public expense.
        public var centralised: Bool
        /// Said they want centralised support (意愿).
        public var wantsCentralised: Bool

        public init(capability: CapabilityLevel?, centralised: Bool, wantsCentralised: Bool = false) {
            self.capability = capability
            self.centralised = centralised
            self.wantsCentralised = wantsCentralised
        }
    }

    /// "生活不能自理特困老年人集中供养率" (seed 002 L10, target ≥60%): of the 特困 elderly unable to care
    /// for themselves (``CapabilityLevel/isUnableToCareForSelf``), how many are supported centrally.
    public static func rateOfDependent(_ people: [Person]) -> Proportion {
        let dependent = people.filter { $0.capability?.isUnableToCareForSelf == true }
        return Proportion(count: dependent.filter(\.centralised).count, of: dependent.count)
    }

    /// "有意愿特困人员集中供养率" (seed 001 L26, target 100%): of those who want it, how many have it.
    public static func rateOfWilling(_ people: [Person]) -> Proportion {
        let willing = people.filter(\.wantsCentralised)
        return Proportion(count: willing.filter(\.centralised).count, of: willing.count)
    }
}
