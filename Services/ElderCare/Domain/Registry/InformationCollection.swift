/// What has been collected about one key elder, and whether it is complete for their categories.
public struct InformationCollection: Sendable, Hashable, Codable {
    public var collected: Set<InformationItem>

    public init(collected: Set<InformationItem> = []) {
        self.collected = collected
    }

    /// The items still missing for `categories` (all of them together).
    public func missing(for categories: Set<KeyCategory>) -> Set<InformationItem> {
        categories.reduce(into: Set<InformationItem>()) { $0.formUnion($1.requiredInformation) }.subtracting(collected)
    }

    public func isComplete(for category: KeyCategory) -> Bool {
        category.requiredInformation.isSubset(of: collected)
    }

    /// The information-collection rate of `category` (信息采集率, seed 002 L12, target 100%):
    /// of the people in the category, how many have everything the category requires. A person
    /// in several categories counts in each.
    public static func rate(of category: KeyCategory, among people: [(categories: Set<KeyCategory>, information: InformationCollection)]) -> Proportion {
        let members = people.filter { $0.categories.contains(category) }
        return Proportion(count: members.filter { $0.information.isComplete(for: category) }.count, of: members.count)
    }

    /// The rate over the seed's eight categories together: of the people in at least one of them,
    /// how many are complete for all of their categories among the eight.
    public static func rateOfTheSeedEight(among people: [(categories: Set<KeyCategory>, information: InformationCollection)]) -> Proportion {
        let eight = Set(KeyCategory.seedEight)
        let members = people.filter { !$0.categories.isDisjoint(with: eight) }
        let complete = members.filter { $0.information.missing(for: $0.categories.intersection(eight)).isEmpty }
        return Proportion(count: complete.count, of: members.count)
    }
}
