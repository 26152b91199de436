/// A calendar month such as `2025-03`, with no day.
///
/// Why a separate type: benefits (低保, 特困供养, 高龄津贴) are granted and paid *per month*;
/// using a `CivilDate` pinned to the 1st invites bugs where some code uses the 1st and other code
/// the last day. Encodes to and decodes from `"YYYY-MM"`.
public struct YearMonth: Sendable, Hashable, Comparable, SingleValueCodable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) throws(CivilDateError) {
        guard (1...9999).contains(year) else { throw .yearOutOfRange(year) }
        guard (1...12).contains(month) else { throw .invalidMonth(month) }
        self.year = year
        self.month = month
    }

    init(uncheckedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    public init(iso text: String) throws(CivilDateError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              let year = CivilDate.decimal(bytes[0..<4]),
              let month = CivilDate.decimal(bytes[5..<7])
        else { throw .malformed(text) }
        try self.init(year: year, month: month)
    }

    /// The month containing `date`.
    public init(_ date: CivilDate) {
        self.init(uncheckedYear: date.year, month: date.month)
    }

    public var iso: String { CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2) }

    public var description: String { iso }

    /// Number of days in this month (28…31).
    public var numberOfDays: Int { CivilDate.daysInMonth(year: year, month: month) }

    public var firstDay: CivilDate { CivilDate(uncheckedYear: year, month: month, day: 1) }

    public var lastDay: CivilDate { CivilDate(uncheckedYear: year, month: month, day: numberOfDays) }

    public var next: YearMonth { adding(months: 1) }

    public var previous: YearMonth { adding(months: -1) }

    /// Whether `date` falls in this month.
    public func contains(_ date: CivilDate) -> Bool { date.year == year && date.month == month }

    /// The month `months` months later (earlier if negative). Leaving 0001…9999 traps.
    public func adding(months: Int) -> YearMonth {
        let index = year * 12 + (month - 1)
        let (target, overflow) = index.addingReportingOverflow(months)
        let newYear = CivilDate.floorDivide(target, 12)
        guard !overflow, (1...9999).contains(newYear) else {
            preconditionFailure("YearMonth.adding(months: \(months)) from \(iso) leaves 0001...9999")
        }
        return YearMonth(uncheckedYear: newYear, month: CivilDate.floorModulo(target, 12) + 1)
    }

    /// Whole months from `other` to `self` (positive if `self` is later).
    public func monthsSince(_ other: YearMonth) -> Int {
        (year * 12 + month) - (other.year * 12 + other.month)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    // MARK: - SingleValueCodable

    public var singleValue: String { iso }

    public init(singleValue text: String) throws(CivilDateError) {
        try self.init(iso: text)
    }
}
