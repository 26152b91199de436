import Contracts
import Testing
@testable import RegistryDomain
import TestKit

/// Peak registration days: "在“5·20”“七夕”等登记高峰时段实行预约办理" (成都2023文章, seed 004 L20).
@Suite("Peak registration days (5·20, 七夕, configured)", .tags(.unit))
struct PeakDaysTests {
    typealias F = RegistryDomainFixture

    /// 七夕 (农历七月初七) from Foundation's Chinese calendar against published dates: 2024–2026 as
    /// Wikipedia's "Qixi Festival" gives them, 2024–2033 as timeanddate.com's table; 2023 and 2024
    /// also in Chinese calendar pages (2023-08-22, 2024-08-10).
    @Test(arguments: [
        (2023, "2023-08-22"), (2024, "2024-08-10"), (2025, "2025-08-29"), (2026, "2026-08-19"), (2027, "2027-08-08"),
        (2028, "2028-08-26"), (2029, "2029-08-16"), (2030, "2030-08-05"), (2031, "2031-08-24"), (2032, "2032-08-12"),
        (2033, "2033-08-01"),
    ])
    func qixiIsTheSeventhDayOfTheSeventhLunarMonth(year: Int, expected: String) throws {
        #expect(try PeakDays.qixi(in: year) == F.day(expected))
    }

    /// Far from today, the calendar still answers: always in July or August, never a table's end.
    @Test(arguments: [1950, 2000, 2061, 2100, 2200])
    func qixiIsComputedForAnyYear(year: Int) throws {
        let qixi = try #require(PeakDays.qixi(in: year))
        #expect(qixi.year == year)
        #expect((7...8).contains(qixi.month))
    }

    @Test(arguments: [2024, 2026, 2030, 2045])
    func may20AndQixiArePeakDaysEveryYear(year: Int) throws {
        let days = PeakDays()
        let qixi = try #require(PeakDays.qixi(in: year))
        #expect(days.contains(try CivilDate(year: year, month: 5, day: 20)))
        #expect(days.contains(qixi))
        #expect(!days.contains(qixi.adding(days: 1)))
        #expect(!days.contains(qixi.adding(days: -1)))
        #expect(!days.contains(try CivilDate(year: year, month: 5, day: 21)))
        #expect(!days.contains(try CivilDate(year: year, month: 2, day: 14)))
    }

    @Test func theSettingAddsDatesAndDaysOfEveryYear() throws {
        let days = try PeakDays(parsing: " 02-14, 2027-10-10 ,,02-29")
        #expect(try days.extraDays == [.everyYear(month: 2, day: 14), .date(F.day("2027-10-10")), .everyYear(month: 2, day: 29)])
        #expect(try days.contains(F.day("2026-02-14")))
        #expect(try days.contains(F.day("2031-02-14")))
        #expect(try days.contains(F.day("2027-10-10")))
        #expect(try !days.contains(F.day("2028-10-10")))
        #expect(try days.contains(F.day("2028-02-29")))
        // The added days do not replace 5·20 and 七夕.
        #expect(try days.contains(F.day("2027-05-20")))
        #expect(try days.contains(F.day("2027-08-08")))
        #expect(try PeakDays(parsing: "") == PeakDays())
    }

    @Test(arguments: ["14-02", "02-30", "2-14", "2027-02-30", "+1-14", "02-14-01", "tomorrow", "0214"])
    func anUnreadableDayIsRefused(setting: String) throws {
        let refusal = try F.refusal { _ = try PeakDays(parsing: setting) }
        #expect(refusal?.code == "peak-days.invalid-day")
        #expect(refusal?.kind == .invalidInput)
    }
}
