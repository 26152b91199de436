/// Why a string or a triple of numbers is not a usable ``CivilDate`` or ``YearMonth``.
///
/// Each case carries a stable ``code`` so that API error bodies and logs do not depend on
/// Swift's enum spelling, which may be renamed.
public enum CivilDateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not `YYYY-MM-DD` (or `YYYY-MM` / `YYYYMMDD` for the variants that accept those).
    case malformed(String)
    /// The year is outside 0001…9999, the range that four-digit ISO 8601 text can express.
    case yearOutOfRange(Int)
    /// The month is outside 1…12.
    case invalidMonth(Int)
    /// The day does not exist in that month of that year (e.g. 30 February, 29 February 2023).
    case invalidDay(Int)

    /// A stable, machine-readable identifier for this error.
    public var code: String {
        switch self {
        case .malformed: "civil-date.malformed"
        case .yearOutOfRange: "civil-date.year-out-of-range"
        case .invalidMonth: "civil-date.invalid-month"
        case .invalidDay: "civil-date.invalid-day"
        }
    }

    public var description: String {
        switch self {
        case .malformed(let text): "malformed date \"\(text)\""
        case .yearOutOfRange(let year): "year \(year) is outside 1...9999"
        case .invalidMonth(let month): "month \(month) is outside 1...12"
        case .invalidDay(let day): "day \(day) does not exist in that month"
        }
    }
}
