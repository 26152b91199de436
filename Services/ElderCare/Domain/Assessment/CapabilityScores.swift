import Contracts

/// The 26 item scores of one assessment, each within its item's range, with the domain scores
/// and the total they add up to.
public struct CapabilityScores: Sendable, Hashable, Codable {
    /// 90: the sum of every item's maximum.
    public static let maximumTotal = CapabilityItem.allCases.reduce(0) { $0 + $1.maximumScore }

    public let items: [CapabilityItem: Int]

    /// Refuses a missing item (`capability.item-missing`, naming the first missing table number)
    /// and a score outside its item's range (`capability.score-out-of-range`).
    public init(_ items: [CapabilityItem: Int]) throws(RuleViolation) {
        if let missing = CapabilityItem.allCases.first(where: { items[$0] == nil }) {
            throw RuleViolation.invalid("capability.item-missing", "\(missing.code) \(missing.chineseName) has no score")
        }
        for item in CapabilityItem.allCases {
            let score = items[item] ?? 0
            guard (0...item.maximumScore).contains(score) else {
                throw RuleViolation.invalid("capability.score-out-of-range",
                                            "\(item.code) \(item.chineseName) scores 0...\(item.maximumScore), not \(score)")
            }
        }
        self.items = items
    }

    public func score(_ item: CapabilityItem) -> Int { items[item] ?? 0 }

    public func score(_ domain: CapabilityDomain) -> Int { domain.items.reduce(0) { $0 + score($1) } }

    public var total: Int { CapabilityItem.allCases.reduce(0) { $0 + score($1) } }
}
