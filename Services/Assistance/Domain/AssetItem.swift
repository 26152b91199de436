import Contracts

/// One asset of a member (家庭财产), as reported by economic verification.
///
/// Why kinds: the county asset limit (低保家庭财产限定标准, 《景泰县“十四五”民政事业发展规划》第三章（一）2) treats financial
/// assets by value and vehicles or extra property by their mere presence (configurable booleans
/// in ``MeansTestPolicy``).
public struct AssetItem: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Deposits, securities, insurance cash value, etc.: counted against the per-capita cap.
        case financial
        /// A motor vehicle (other than a disability vehicle or a tool of the trade, which verification omits).
        case vehicle
        /// Housing beyond the family's own residence, or commercial property.
        case additionalProperty = "additional-property"
        case other
    }

    public let kind: Kind
    public let value: Money
    public let note: String

    /// Refuses a negative value (`household.asset-negative`).
    public init(kind: Kind, value: Money, note: String = "") throws(RuleViolation) {
        guard !value.isNegative else {
            throw RuleViolation.invalid("household.asset-negative", "asset \(kind.rawValue) has a negative value: \(value)")
        }
        self.kind = kind
        self.value = value
        self.note = note
    }
}
