import Foundation
import TestKit
import Testing
import Contracts

@Suite("CivilDate and YearMonth", .tags(.unit))
struct CivilDateTests {
    @Test func parsesAndFormatsISO() throws {
        let date = try CivilDate(iso: "1949-10-01")
        #expect(date.year == 1949 && date.month == 10 && date.day == 1)
        #expect(date.iso == "1949-10-01")
        #expect(date.basic == "19491001")
        #expect(date.description == "1949-10-01")
        #expect(try CivilDate(basic: "19491001") == date)
    }

    @Test(arguments: ["1949-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-1-05", "2024-01-05T00:00:00Z",
                      " 2024-01-05", "0000-01-01", "abcd-ef-gh", ""])
    func rejectsInvalidText(_ text: String) {
        #expect(throws: CivilDateError.self) { try CivilDate(iso: text) }
    }

    @Test func rejectsImpossibleDayWithStableCode() {
        do {
            _ = try CivilDate(year: 1949, month: 2, day: 30)
            Issue.record("expected an error")
        } catch {
            #expect(error == .invalidDay(30))
            #expect(error.code == "civil-date.invalid-day")
        }
    }

    @Test func leapYears() throws {
        #expect(CivilDate.isLeapYear(2024))
        #expect(!CivilDate.isLeapYear(1900))
        #expect(CivilDate.isLeapYear(2000))
        #expect(!CivilDate.isLeapYear(2023))
        #expect(try CivilDate(iso: "2000-02-29").isLeapYear)
    }

    /// Expected values computed independently with Python's `datetime`.
    @Test func daysSinceEpochMatchesPython() throws {
        #expect(try CivilDate(iso: "1970-01-01").daysSinceEpoch == 0)
        #expect(try CivilDate(iso: "2025-03-01").daysSinceEpoch == 20148)
        #expect(try CivilDate(iso: "1949-10-01").daysSinceEpoch == -7397)
        #expect(try CivilDate(iso: "0001-01-01").daysSinceEpoch == -719162)
        #expect(try CivilDate(iso: "9999-12-31").daysSinceEpoch == 2932896)
        #expect(try CivilDate(iso: "2024-12-31").daysSince(CivilDate(iso: "2000-02-29")) == 9072)
        #expect(try CivilDate(daysSinceEpoch: -7397) == CivilDate(iso: "1949-10-01"))
        #expect(try CivilDate(iso: "1949-10-01").isoWeekday == 6)  // a Saturday
    }

    @Test func roundTripsEveryDayForFourHundredYears() throws {
        // One full Gregorian cycle exercises every leap-year rule.
        var date = try CivilDate(iso: "1900-01-01")
        var days = date.daysSinceEpoch
        for _ in 0..<146_097 {
            let next = date.adding(days: 1)
            days += 1
            #expect(next.daysSinceEpoch == days)
            #expect(next > date)
            date = next
        }
        #expect(date.iso == "2300-01-01")
    }

    @Test func addingDaysAndMonths() throws {
        let date = try CivilDate(iso: "2024-01-31")
        #expect(date.adding(days: 30).iso == "2024-03-01")
        #expect(date.adding(days: -31).iso == "2023-12-31")
        #expect(date.adding(months: 1).iso == "2024-02-29")
        #expect(date.adding(months: 13).iso == "2025-02-28")
        #expect(date.adding(months: -2).iso == "2023-11-30")
        #expect(try CivilDate(iso: "2024-02-29").adding(years: 1).iso == "2025-02-28")
        #expect(date.firstOfMonth.iso == "2024-01-01")
        #expect(try CivilDate(iso: "2024-02-10").lastOfMonth.iso == "2024-02-29")
        #expect(try CivilDate(iso: "2023-02-10").lastOfMonth.iso == "2023-02-28")
    }

    @Test func todayUsesShanghaiByDefault() throws {
        // 2024-12-31T16:30:00Z is already 2025-01-01 00:30 in Beijing.
        let instant = Date(timeIntervalSince1970: 1_735_662_600)
        #expect(CivilDate.today(now: instant).iso == "2025-01-01")
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(CivilDate.today(in: utc, now: instant).iso == "2024-12-31")
        #expect(CivilDate.today(in: utc, now: Date(timeIntervalSince1970: -1)).iso == "1969-12-31")
    }

    @Test func codableAsISOString() throws {
        let date = try CivilDate(iso: "2025-03-01")
        let data = try JSONEncoder().encode([date])
        #expect(String(decoding: data, as: UTF8.self) == #"["2025-03-01"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [date])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CivilDate].self, from: Data(#"["2025-02-30"]"#.utf8)) }
    }

    @Test func yearMonth() throws {
        let month = try YearMonth(iso: "2024-12")
        #expect(month.next.iso == "2025-01")
        #expect(month.previous.iso == "2024-11")
        #expect(try YearMonth(iso: "2025-01").previous == month)
        #expect(month.contains(try CivilDate(iso: "2024-12-31")))
        #expect(!month.contains(try CivilDate(iso: "2025-12-01")))
        #expect(month.firstDay.iso == "2024-12-01")
        #expect(try YearMonth(iso: "2024-02").lastDay.iso == "2024-02-29")
        #expect(month < month.next)
        #expect(month.next.monthsSince(month) == 1)
        #expect(try CivilDate(iso: "2024-12-15").yearMonth == month)
        #expect(throws: CivilDateError.self) { try YearMonth(iso: "2024-13") }
        let data = try JSONEncoder().encode([month])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-12"]"#)
        #expect(try JSONDecoder().decode([YearMonth].self, from: data) == [month])
    }

    @Test func comparable() throws {
        let dates = try ["2024-03-01", "1949-10-01", "2024-02-29"].map { try CivilDate(iso: $0) }
        #expect(dates.sorted().map(\.iso) == ["1949-10-01", "2024-02-29", "2024-03-01"])
    }
}
