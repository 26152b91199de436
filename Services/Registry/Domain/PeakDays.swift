import Contracts
import Foundation

/// The peak registration days (登记高峰) on which only booked couples are served: 5·20 and 七夕 of
/// every year, and the days a city adds.
///
/// Source: 成都市民政局局长王宏斌2023年署名文章 (seed 004 L20): "在“5·20”“七夕”等登记高峰时段实行预约
/// 办理、分时分流错峰登记". The "等" (and others) is why extra days are configured: an office may
/// add 2·14, 10·10 or a date that reads well in a given year.
///
/// 七夕 is the 7th day of the 7th month of the Chinese lunisolar calendar (农历七月初七), computed
/// with Foundation's Chinese calendar (ICU's astronomical one, in Beijing time) for any year, never
/// from a table that runs out.
public struct PeakDays: Sendable, Hashable {
    /// A day the city adds: one date, or a month and day of every year.
    public enum ExtraDay: Sendable, Hashable {
        case date(CivilDate)
        /// E.g. 2·14 every year; 2·29 only in leap years.
        case everyYear(month: Int, day: Int)

        func matches(_ date: CivilDate) -> Bool {
            switch self {
            case .date(let day): day == date
            case .everyYear(let month, let day): date.month == month && date.day == day
            }
        }
    }

    public let extraDays: Set<ExtraDay>

    public init(extraDays: Set<ExtraDay> = []) {
        self.extraDays = extraDays
    }

    /// 5·20, 七夕 of the date's year, or an extra day.
    public func contains(_ date: CivilDate) -> Bool {
        (date.month == 5 && date.day == 20) || date == Self.qixi(in: date.year) || extraDays.contains { $0.matches(date) }
    }

    /// 七夕 (农历七月初七) of a Gregorian year; nil only if Foundation cannot convert the year.
    ///
    /// The Chinese year that holds the 7th month is the one running on 1 June: Chinese New Year
    /// falls between 21 January and 20 February, and the 7th month in July or August. A leap 7th
    /// month (闰七月) follows the ordinary one, so `isLeapMonth: false` picks the festival.
    public static func qixi(in year: Int) -> CivilDate? {
        guard let june = gregorian.date(from: DateComponents(year: year, month: 6, day: 1)) else { return nil }
        let chineseYear = chinese.dateComponents([.era, .year], from: june)
        var seventhOfSeventh = DateComponents(era: chineseYear.era, year: chineseYear.year, month: 7, day: 7)
        seventhOfSeventh.isLeapMonth = false
        guard let qixi = chinese.date(from: seventhOfSeventh) else { return nil }
        let day = gregorian.dateComponents([.year, .month, .day], from: qixi)
        guard let y = day.year, let m = day.month, let d = day.day else { return nil }
        return try? CivilDate(year: y, month: m, day: d)
    }

    /// Reads the setting: dates `YYYY-MM-DD` and yearly days `MM-DD`, separated by commas
    /// (spaces allowed), e.g. `02-14, 2027-10-10`; empty for none.
    public init(parsing setting: String) throws(RuleViolation) {
        var days = Set<ExtraDay>()
        for item in setting.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            days.insert(try Self.extraDay(item))
        }
        self.init(extraDays: days)
    }

    private static func extraDay(_ text: String) throws(RuleViolation) -> ExtraDay {
        if let date = try? CivilDate(iso: text) { return .date(date) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        // Checked against a leap year, so that 02-29 is accepted (it falls in leap years only).
        let twoDigits = { (part: Substring) in part.utf8.count == 2 && part.utf8.allSatisfy { (48...57).contains($0) } }
        guard parts.count == 2, parts.allSatisfy(twoDigits), let month = Int(parts[0]), let day = Int(parts[1]),
              (try? CivilDate(year: 2024, month: month, day: day)) != nil
        else {
            throw .invalid("peak-days.invalid-day", "\"\(text)\" is neither a date YYYY-MM-DD nor a day of the year MM-DD")
        }
        return .everyYear(month: month, day: day)
    }

    private static let chinese: Calendar = {
        var calendar = Calendar(identifier: .chinese)
        calendar.timeZone = CivilDate.shanghai
        return calendar
    }()
    private static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = CivilDate.shanghai
        return calendar
    }()
}
