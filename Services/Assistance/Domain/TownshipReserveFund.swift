import Contracts

/// A township's 临时救助备用金 (reserve fund) from which urgent cases are advanced.
///
/// Source: "全面落实街道(镇)临时救助备用金制度,对急难对象实施24小时先行救助" (济民发〔2022〕3号《2022年全市民政工作要点》第43项).
public struct TownshipReserveFund: Sendable, Hashable, Codable {
    public let township: RegionCode
    public private(set) var balance: Money

    /// Refuses a code that is not a township (`reserve.region-not-township`) and a negative
    /// balance (`reserve.balance-negative`).
    public init(township: RegionCode, balance: Money) throws(RuleViolation) {
        guard township.level == .township else {
            throw RuleViolation.invalid("reserve.region-not-township", "\(township) is a \(township.level) code, not a township")
        }
        guard !balance.isNegative else {
            throw RuleViolation.invalid("reserve.balance-negative", "reserve balance is negative: \(balance)")
        }
        self.township = township
        self.balance = balance
    }

    /// Adds money to the fund. Refuses a non-positive amount (`reserve.amount-not-positive`).
    public mutating func topUp(_ amount: Money) throws(RuleViolation) {
        guard amount > .zero else {
            throw RuleViolation.invalid("reserve.amount-not-positive", "a top-up must be positive")
        }
        balance = try Exact.money { () throws(MoneyError) in try balance.adding(amount) }
    }

    /// Draws an advance. Refuses a non-positive amount and `reserve.insufficient`.
    public mutating func draw(_ amount: Money) throws(RuleViolation) {
        guard amount > .zero else {
            throw RuleViolation.invalid("reserve.amount-not-positive", "an advance must be positive")
        }
        guard amount <= balance else {
            throw RuleViolation("reserve.insufficient", "advance \(amount) exceeds the reserve balance \(balance)")
        }
        balance = balance - amount
    }
}
