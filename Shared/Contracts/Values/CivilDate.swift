import Foundation

/// A calendar date — year, month, day in the proleptic Gregorian calendar — with no time and
/// no time zone.
///
/// Why not `Date`: a birth date, a benefit start date or a payment month is a *calendar fact*,
/// not an instant. Storing it as an instant makes it shift by a day as soon as someone formats it
/// in another zone (a classic bug for UTC servers serving Asia/Shanghai users). Arithmetic here
/// uses Howard Hinnant's days-from-civil algorithm instead of `Calendar`, so it is exact,
/// allocation-free and independent of the process locale or zone database.
///
/// Valid range is 0001-01-01 … 9999-12-31, i.e. what `YYYY-MM-DD` can express.
/// Encodes to and decodes from the ISO 8601 string `"YYYY-MM-DD"`.
public struct CivilDate: Sendable, Hashable, Comparable, SingleValueCodable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, rejecting days that do not exist (e.g. 1949-02-30).
    public init(year: Int, month: Int, day: Int) throws(CivilDateError) {
        guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
        guard (1...12).contains(month) else { throw .invalidMonth(month) }
        guard day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { throw .invalidDay(day) }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Internal initialiser for values already known to be valid (derived from arithmetic).
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO 8601 extended form `YYYY-MM-DD` (exactly ten ASCII characters).
    ///
    /// Deliberately strict: no time part, no week dates, no surrounding spaces — lenient parsing
    /// is how "2024-1-5" and "2024-01-05T00:00:00Z" end up meaning different days in different services.
    public init(iso text: String) throws(CivilDateError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = CivilDate.decimal(bytes[0..<4]),
              let month = CivilDate.decimal(bytes[5..<7]),
              let day = CivilDate.decimal(bytes[8..<10])
        else { throw .malformed(text) }
        try self.init(year: year, month: month, day: day)
    }

    /// Parses the ISO 8601 basic form `YYYYMMDD`, as embedded in resident ID numbers.
    public init(basic text: String) throws(CivilDateError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 8,
              let year = CivilDate.decimal(bytes[0..<4]),
              let month = CivilDate.decimal(bytes[4..<6]),
              let day = CivilDate.decimal(bytes[6..<8])
        else { throw .malformed(text) }
        try self.init(year: year, month: month, day: day)
    }

    /// Creates the date that lies `days` days after 1970-01-01 (negative values go before it).
    public init(daysSinceEpoch days: Int) throws(CivilDateError) {
        guard let parts = CivilDate.civil(fromDays: days) else { throw .yearOutOfRange(Int.max) }
        try self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// The calendar date "now" in the given zone. Welfare rules (age thresholds, the month a
    /// benefit starts) are defined in Beijing time, hence the default of Asia/Shanghai.
    /// `now` is injectable so that tests and replays are deterministic.
    public static func today(in timeZone: TimeZone = CivilDate.shanghai, now: Date = Date()) -> CivilDate {
        let offset = timeZone.secondsFromGMT(for: now)
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + offset
        let days = CivilDate.floorDivide(seconds, 86_400)
        // Any `Date` that Foundation can represent lands well inside 0001...9999.
        let parts = CivilDate.civil(fromDays: days) ?? (year: 1970, month: 1, day: 1)
        return CivilDate(uncheckedYear: parts.year, month: parts.month, day: parts.day)
    }

    /// Asia/Shanghai (UTC+8, no daylight saving since 1991). Falls back to a fixed +8 offset if
    /// the zone database is missing, as it can be in slim containers.
    public static let shanghai: TimeZone =
        TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt

    // MARK: - Derived values

    /// `YYYY-MM-DD`.
    public var iso: String {
        CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2)
    }

    /// `YYYYMMDD`, the form used inside resident ID numbers.
    public var basic: String {
        CivilDate.pad(year, 4) + CivilDate.pad(month, 2) + CivilDate.pad(day, 2)
    }

    public var description: String { iso }

    /// Days since 1970-01-01 (may be negative).
    public var daysSinceEpoch: Int { CivilDate.days(fromCivil: year, month, day) }

    public var isLeapYear: Bool { CivilDate.isLeapYear(year) }

    public var daysInMonth: Int { CivilDate.daysInMonth(year: year, month: month) }

    public var yearMonth: YearMonth { YearMonth(uncheckedYear: year, month: month) }

    public var firstOfMonth: CivilDate { CivilDate(uncheckedYear: year, month: month, day: 1) }

    public var lastOfMonth: CivilDate { CivilDate(uncheckedYear: year, month: month, day: daysInMonth) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        CivilDate.floorModulo(daysSinceEpoch + 3, 7) + 1
    }

    // MARK: - Arithmetic

    /// The date `days` days later (earlier if negative).
    ///
    /// Leaving 0001…9999 is a programming error (like integer overflow) and traps.
    public func adding(days: Int) -> CivilDate {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        guard !overflow, let parts = CivilDate.civil(fromDays: sum), (1...9999).contains(parts.year) else {
            preconditionFailure("CivilDate.adding(days: \(days)) from \(iso) leaves 0001...9999")
        }
        return CivilDate(uncheckedYear: parts.year, month: parts.month, day: parts.day)
    }

    /// The same day `months` months later, clamped to the end of the target month
    /// (2024-01-31 + 1 month = 2024-02-29), which is how monthly benefit schedules are defined.
    ///
    /// Leaving 0001…9999 traps.
    public func adding(months: Int) -> CivilDate {
        let target = yearMonth.adding(months: months)
        return CivilDate(uncheckedYear: target.year, month: target.month, day: min(day, target.numberOfDays))
    }

    /// The date `years` years later; 29 February clamps to 28 February in non-leap years.
    public func adding(years: Int) -> CivilDate { adding(months: years * 12) }

    /// Whole days from `other` to `self` (positive if `self` is later).
    public func daysSince(_ other: CivilDate) -> Int { daysSinceEpoch - other.daysSinceEpoch }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: - SingleValueCodable

    public var singleValue: String { iso }

    public init(singleValue text: String) throws(CivilDateError) {
        try self.init(iso: text)
    }

    // MARK: - Calendar algorithms

    /// Gregorian leap-year rule.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in a month; 0 for a month outside 1…12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// Days from 1970-01-01 to y-m-d (Hinnant, "chrono-Compatible Low-Level Date Algorithms").
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                        // [0, 399]
        let shiftedMonth = month > 2 ? month - 3 : month + 9                 // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1               // [0, 365]
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Inverse of ``days(fromCivil:_:_:)``; nil only when the arithmetic would overflow.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int)? {
        // Far beyond 9999 either way; keeps the arithmetic below overflow-free.
        guard abs(days) < 1 << 40 else { return nil }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorModulo(_ a: Int, _ b: Int) -> Int { a - floorDivide(a, b) * b }

    /// Parses ASCII decimal digits only (no sign, no spaces).
    static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
