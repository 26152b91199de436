import Contracts

/// A policy coefficient written as an exact fraction, e.g. 1.3 = 13/10, 1.5 = 3/2, 8 % = 8/100.
///
/// Why: policy texts state coefficients as decimals ("原则上不低于1.3倍", 《景泰县“十四五”民政事业发展规划》第三章（一）2);
/// comparing `Money` against them with floating point would misjudge the exact boundary
/// (577.00 × 1.3 = 750.10 must be *compliant*, 750.09 must not be). All comparisons here
/// cross-multiply in 128-bit integers, so no rounding happens before a decision is taken.
public struct PolicyRatio: Sendable, Hashable, Codable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    /// Refuses a zero or negative denominator and a negative numerator (`policy.ratio-invalid`).
    public init(_ numerator: Int64, _ denominator: Int64) throws(RuleViolation) {
        guard denominator > 0, numerator >= 0 else {
            throw RuleViolation.invalid("policy.ratio-invalid", "ratio \(numerator)/\(denominator) needs a positive denominator and a non-negative numerator")
        }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// For compile-time constants known to be valid.
    init(uncheckedNumerator numerator: Int64, denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// 1.3: 特困 basic living standard versus 低保 (《景泰县“十四五”民政事业发展规划》第三章（一）2; *市《2023年全市民政工作要点》（八）).
    public static let extremePovertyMultiplier = PolicyRatio(uncheckedNumerator: 13, denominator: 10)
    /// 1.5: the usual 低保边缘 (near-低保) income line as a multiple of the standard (local policy; no source sets it).
    public static let nearPovertyMultiplier = PolicyRatio(uncheckedNumerator: 3, denominator: 2)

    public var description: String { "\(numerator)/\(denominator)" }

    /// `amount × self`, rounded as asked (for explanations and minimum figures only).
    public func applied(to amount: Money, rounding: RoundingRule) throws(RuleViolation) -> Money {
        try Exact.money { () throws(MoneyError) in
            try amount.multiplied(byRatio: numerator, denominator: denominator, rounding: rounding)
        }
    }

    /// Exactly `lhs ≥ rhs × self` (no rounding).
    public func isMet(by lhs: Money, against rhs: Money) -> Bool {
        Int128(lhs.fen) * Int128(denominator) >= Int128(rhs.fen) * Int128(numerator)
    }

    /// Exactly `lhs < rhs × self` (no rounding).
    public func isBelow(_ lhs: Money, timesOf rhs: Money) -> Bool {
        !isMet(by: lhs, against: rhs)
    }
}

/// Maps `MoneyError` (overflow, division by zero) to a `RuleViolation` so that domain code
/// reports every failure in one error type with a stable code.
enum Exact {
    static func money<T>(_ body: () throws(MoneyError) -> T) throws(RuleViolation) -> T {
        do {
            return try body()
        } catch {
            throw RuleViolation.invalid(error.code, error.description)
        }
    }

    /// Sum that reports overflow as `money.overflow`.
    static func sum(_ amounts: some Sequence<Money>) throws(RuleViolation) -> Money {
        try money { () throws(MoneyError) in try Money.sum(amounts) }
    }

    /// `amount × count`, reporting overflow as `money.overflow`.
    static func times(_ amount: Money, _ count: Int) throws(RuleViolation) -> Money {
        try money { () throws(MoneyError) in try amount.multiplied(by: Int64(count)) }
    }
}
