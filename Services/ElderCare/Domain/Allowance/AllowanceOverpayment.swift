import Contracts

/// A month paid at more than the person is owed now (after death, typically).
public struct AllowanceOverpayment: Sendable, Hashable, Codable {
    public let month: YearMonth
    public let paid: Money
    public let owed: Money

    /// What to recover: paid − owed (positive).
    public var excess: Money { paid - owed }
}
