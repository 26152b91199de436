import Contracts

/// One fact an agency reported about a person during economic verification (核对): a monthly
/// income or an asset, with the agency it came from.
public struct VerificationRecord: Sendable, Hashable, Codable {
    public enum Fact: Sendable, Hashable, Codable {
        case income(IncomeItem.Kind, monthly: Money)
        case asset(AssetItem.Kind, value: Money)
    }

    public let source: String
    public let person: PersonRef
    public let fact: Fact
    public let note: String

    public init(source: String, person: PersonRef, fact: Fact, note: String = "") {
        self.source = source
        self.person = person
        self.fact = fact
        self.note = note
    }
}
