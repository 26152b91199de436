import Contracts
import RegistryDomain
import Testing
import TestKit
@testable import Registry

/// `REGISTRY_PEAK_DAYS_EXTRA`: the days a city adds to 5·20 and 七夕 (seed 004 L20: "…“七夕”等").
@Suite("Peak day setting", .tags(.unit))
struct PeakDaySettingsTests {
    @Test func unsetMeans520AndQixiOnly() throws {
        #expect(try PeakDaySettings.peakDays(environment: [:]) == PeakDays())
    }

    @Test func theSettingListsDatesAndDaysOfEveryYear() throws {
        let days = try PeakDaySettings.peakDays(environment: [PeakDaySettings.variable: "02-14, 2027-10-10"])
        #expect(days.extraDays == [.everyYear(month: 2, day: 14), .date(try CivilDate(iso: "2027-10-10"))])
    }

    /// The service does not start on a setting it cannot read, and says which one.
    @Test func anUnreadableSettingIsRefused() {
        do {
            _ = try PeakDaySettings.peakDays(environment: [PeakDaySettings.variable: "14-02"])
            Issue.record("14-02 was accepted")
        } catch {
            #expect(error.code == "settings.invalid")
            #expect(error.detail.contains("REGISTRY_PEAK_DAYS_EXTRA=14-02"))
        }
    }
}
