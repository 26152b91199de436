import Contracts
import Foundation
import RegistryDomain

/// The city's peak registration days beyond 5·20 and 七夕, from the environment.
///
/// `REGISTRY_PEAK_DAYS_EXTRA`: dates `YYYY-MM-DD` and days of every year `MM-DD`, separated by
/// commas, e.g. `02-14,2027-10-10`; unset or empty for none. The policy lists 5·20 and 七夕 "等"
/// (and others), so a city names its own; 5·20 and 七夕 themselves are always peak days.
enum PeakDaySettings {
    static let variable = "REGISTRY_PEAK_DAYS_EXTRA"

    static func peakDays(environment: [String: String] = ProcessInfo.processInfo.environment) throws(RuleViolation) -> PeakDays {
        guard let text = environment[variable] else { return PeakDays() }
        do {
            return try PeakDays(parsing: text)
        } catch {
            throw RuleViolation.invalid("settings.invalid", "\(variable)=\(text): \(error.detail)")
        }
    }
}
