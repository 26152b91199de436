import Contracts

/// One source of a member's income, as a monthly amount.
///
/// Why monthly: the 低保 test is on "家庭月人均收入" (王宏斌（成都市民政局）署名文章“一是健全分层分类社会救助体系”); verification adapters convert
/// annual or irregular income before it reaches the domain.
public struct IncomeItem: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case wages, business, property, transfer, pension, other
    }

    public let kind: Kind
    public let monthlyAmount: Money
    public let note: String

    /// Refuses a negative amount (`household.income-negative`).
    public init(kind: Kind, monthlyAmount: Money, note: String = "") throws(RuleViolation) {
        guard !monthlyAmount.isNegative else {
            throw RuleViolation.invalid("household.income-negative", "income item \(kind.rawValue) is negative: \(monthlyAmount)")
        }
        self.kind = kind
        self.monthlyAmount = monthlyAmount
        self.note = note
    }
}
