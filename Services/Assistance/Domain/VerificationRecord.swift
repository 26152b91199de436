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

extension VerificationRecord.Fact {
    /// A fact as agencies deliver it: `kind` `income` (a monthly amount) or `asset` (a value), and
    /// a category naming an income or asset kind; nil for anything else.
    public init?(kind: String, category: String, amount: Money) {
        switch kind {
        case "income":
            guard let income = IncomeItem.Kind(rawValue: category) else { return nil }
            self = .income(income, monthly: amount)
        case "asset":
            guard let asset = AssetItem.Kind(rawValue: category) else { return nil }
            self = .asset(asset, value: amount)
        default:
            return nil
        }
    }
}
