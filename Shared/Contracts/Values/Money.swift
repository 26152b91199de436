/// An amount of Renminbi as an exact whole number of fen (分, 0.01 yuan) in `Int64`.
///
/// Why integers: benefit standards (e.g. 低保 577.00 元/月) are multiplied by ratios and split
/// across months and recipients; binary floating point cannot represent 0.10 exactly and produces
/// off-by-one-fen totals that auditors reject. Every operation here is exact integer arithmetic,
/// and every rounding is explicit (``RoundingRule``).
///
/// Overflow: the operators `+ - *` trap on overflow, like `Int64` itself (a silent wrap-around in
/// money is worse than a crash); the `…Checked`/throwing methods report ``MoneyError/overflow``
/// instead and are what code handling external input should use.
///
/// Encodes as a JSON integer number of fen (`57700`), never as a decimal string or float.
/// ``description`` is yuan with two decimals (`"577.00"`).
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, AdditiveArithmetic {
    /// The amount in fen.
    public let fen: Int64

    public static let zero = Money(fen: 0)

    public init(fen: Int64) {
        self.fen = fen
    }

    /// Whole yuan. Traps if `yuan × 100` overflows (beyond ±92 trillion yuan); use
    /// ``init(parsing:)`` or ``init(checkedYuan:)`` for untrusted input.
    public init(yuan: Int64) {
        let (fen, overflow) = yuan.multipliedReportingOverflow(by: 100)
        precondition(!overflow, "Money(yuan: \(yuan)) overflows Int64 fen")
        self.fen = fen
    }

    /// Whole yuan, throwing ``MoneyError/overflow`` instead of trapping.
    public init(checkedYuan yuan: Int64) throws(MoneyError) {
        let (fen, overflow) = yuan.multipliedReportingOverflow(by: 100)
        guard !overflow else { throw .overflow }
        self.fen = fen
    }

    /// Parses a plain decimal yuan amount exactly: optional `-`, one or more digits, optionally
    /// `.` and one or two digits (`"577"`, `"577.5"`, `"577.00"`, `"-0.01"`). No `+`, grouping
    /// separators, spaces, currency symbols or exponents: amounts in our contracts are machine text,
    /// and accepting `"1,234.5"` in one service but not another causes silent divergence.
    public init(parsing text: String) throws(MoneyError) {
        var bytes = Substring(text).utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let integerPart = bytes.prefix { $0 != UInt8(ascii: ".") }
        let rest = bytes.dropFirst(integerPart.count)
        var fractionPart = rest.dropFirst()  // skip "."
        guard !integerPart.isEmpty, integerPart.allSatisfy(Money.isDigit) else { throw .malformed(text) }
        if !rest.isEmpty {
            guard !fractionPart.isEmpty, fractionPart.allSatisfy(Money.isDigit) else { throw .malformed(text) }
            guard fractionPart.count <= 2 else { throw .tooManyDecimals(text) }
        } else {
            fractionPart = rest
        }
        var fen: Int64 = 0
        for byte in integerPart {
            let (times10, o1) = fen.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { throw .overflow }
            fen = sum
        }
        var cents: Int64 = 0
        for byte in fractionPart { cents = cents * 10 + Int64(byte - UInt8(ascii: "0")) }
        if fractionPart.count == 1 { cents *= 10 }
        let (scaled, o3) = fen.multipliedReportingOverflow(by: 100)
        let (total, o4) = scaled.addingReportingOverflow(cents)
        guard !o3, !o4 else { throw .overflow }
        self.fen = negative ? -total : total
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    // MARK: - Inspection

    public var isZero: Bool { fen == 0 }
    public var isNegative: Bool { fen < 0 }

    /// `"577.00"`, `"-0.05"`: yuan with exactly two decimals, no grouping.
    public var description: String {
        let magnitude = fen.magnitude
        let yuan = magnitude / 100
        let cents = magnitude % 100
        return (fen < 0 ? "-" : "") + String(yuan) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    // MARK: - Trapping operators (programming errors)

    public static func + (lhs: Money, rhs: Money) -> Money {
        let (sum, overflow) = lhs.fen.addingReportingOverflow(rhs.fen)
        precondition(!overflow, "Money addition overflow: \(lhs) + \(rhs)")
        return Money(fen: sum)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        let (difference, overflow) = lhs.fen.subtractingReportingOverflow(rhs.fen)
        precondition(!overflow, "Money subtraction overflow: \(lhs) - \(rhs)")
        return Money(fen: difference)
    }

    public static func * (lhs: Money, rhs: Int) -> Money {
        let (product, overflow) = lhs.fen.multipliedReportingOverflow(by: Int64(rhs))
        precondition(!overflow, "Money multiplication overflow: \(lhs) × \(rhs)")
        return Money(fen: product)
    }

    public static func * (lhs: Int, rhs: Money) -> Money { rhs * lhs }

    public static prefix func - (operand: Money) -> Money { Money.zero - operand }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    // MARK: - Checked arithmetic (external input)

    public func adding(_ other: Money) throws(MoneyError) -> Money {
        let (sum, overflow) = fen.addingReportingOverflow(other.fen)
        guard !overflow else { throw .overflow }
        return Money(fen: sum)
    }

    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        let (difference, overflow) = fen.subtractingReportingOverflow(other.fen)
        guard !overflow else { throw .overflow }
        return Money(fen: difference)
    }

    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (product, overflow) = fen.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw .overflow }
        return Money(fen: product)
    }

    /// Sum of many amounts, throwing on overflow.
    public static func sum(_ amounts: some Sequence<Money>) throws(MoneyError) -> Money {
        var total = Money.zero
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// `self × numerator / denominator`, computed exactly in 128-bit and rounded once.
    ///
    /// Use this for percentages and coefficients written as decimals in policy documents:
    /// 1.3 × 577.00 is `multiplied(byRatio: 13, denominator: 10, rounding: .halfUp)` = 750.10.
    public func multiplied(byRatio numerator: Int64, denominator: Int64, rounding: RoundingRule) throws(MoneyError) -> Money {
        guard denominator != 0 else { throw .divisionByZero }
        let product = Int128(fen) * Int128(numerator)
        let quotient = Money.divide(product, by: Int128(denominator), rounding: rounding)
        guard let result = Int64(exactly: quotient) else { throw .overflow }
        return Money(fen: result)
    }

    /// `self / divisor` rounded as asked. For splitting a total so that parts add back up, use
    /// ``dividedEvenly(into:)`` instead.
    public func divided(by divisor: Int64, rounding: RoundingRule) throws(MoneyError) -> Money {
        try multiplied(byRatio: 1, denominator: divisor, rounding: rounding)
    }

    /// Splits into `parts` amounts that differ by at most one fen and sum exactly to `self`;
    /// the larger parts come first. E.g. an annual 4428.00 into 12 months → 12 × 369.00, and
    /// 100.00 into 3 → 33.34, 33.33, 33.33.
    public func dividedEvenly(into parts: Int) throws(MoneyError) -> [Money] {
        guard parts > 0 else { throw .divisionByZero }
        let count = Int64(parts)
        let base = fen / count
        let remainder = fen % count           // same sign as fen
        let step: Int64 = remainder < 0 ? -1 : 1
        let extra = Int(remainder.magnitude)
        return (0..<parts).map { index in Money(fen: base + (index < extra ? step : 0)) }
    }

    /// Splits in proportion to `ratios` so that the parts sum exactly to `self` (largest-remainder
    /// method: each part is rounded toward zero, then the leftover fen go one each to the parts
    /// with the largest discarded fractions, earlier parts winning ties).
    public func allocated(byRatios ratios: [Int64]) throws(MoneyError) -> [Money] {
        guard !ratios.isEmpty, ratios.allSatisfy({ $0 >= 0 }) else { throw .invalidRatios }
        let totalRatio = ratios.reduce(Int128(0)) { $0 + Int128($1) }
        guard totalRatio > 0 else { throw .invalidRatios }
        let magnitude = Int128(fen.magnitude)
        var shares: [Int128] = []
        var remainders: [(index: Int, remainder: Int128)] = []
        for (index, ratio) in ratios.enumerated() {
            let product = magnitude * Int128(ratio)
            shares.append(product / totalRatio)
            remainders.append((index, product % totalRatio))
        }
        var leftover = magnitude - shares.reduce(0, +)
        remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
        var position = 0
        while leftover > 0 {
            shares[remainders[position].index] += 1
            leftover -= 1
            position += 1
        }
        let sign: Int128 = fen < 0 ? -1 : 1
        return shares.map { Money(fen: Int64(truncatingIfNeeded: $0 * sign)) }
    }

    /// Exact integer division with the requested rounding (symmetric around zero).
    static func divide(_ dividend: Int128, by divisor: Int128, rounding: RoundingRule) -> Int128 {
        let negative = (dividend < 0) != (divisor < 0)
        let n = dividend.magnitude
        let d = divisor.magnitude
        var q = n / d
        let r = n % d
        if r != 0 {
            switch rounding {
            case .down: break
            case .up: q += 1
            case .halfUp: if r * 2 >= d { q += 1 }
            case .halfEven: if r * 2 > d || (r * 2 == d && q % 2 == 1) { q += 1 }
            }
        }
        // q ≤ |Int64.min × Int64.min|, far inside Int128.
        let signed = Int128(q)
        return negative ? -signed : signed
    }

    // MARK: - Codable

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.fen = try container.decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fen)
    }
}
