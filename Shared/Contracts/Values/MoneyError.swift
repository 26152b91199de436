/// Why a money operation could not produce an exact result. ``code`` is stable.
public enum MoneyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Text is not a plain decimal amount with at most two decimals (e.g. `"577"`, `"577.5"`, `"-0.01"`).
    case malformed(String)
    /// More than two decimal places: sub-fen amounts cannot be paid, so they are refused rather than rounded.
    case tooManyDecimals(String)
    /// The result does not fit in `Int64` fen (about ±92 trillion yuan).
    case overflow
    /// Division or ratio with a zero denominator, or a split into zero or fewer parts.
    case divisionByZero
    /// Allocation ratios were empty, negative, or summed to zero.
    case invalidRatios

    public var code: String {
        switch self {
        case .malformed: "money.malformed"
        case .tooManyDecimals: "money.too-many-decimals"
        case .overflow: "money.overflow"
        case .divisionByZero: "money.division-by-zero"
        case .invalidRatios: "money.invalid-ratios"
        }
    }

    public var description: String {
        switch self {
        case .malformed(let text): "\"\(text)\" is not a decimal amount of yuan"
        case .tooManyDecimals(let text): "\"\(text)\" has more than two decimal places"
        case .overflow: "amount does not fit in Int64 fen"
        case .divisionByZero: "division by zero"
        case .invalidRatios: "allocation ratios must be non-negative and not all zero"
        }
    }
}
