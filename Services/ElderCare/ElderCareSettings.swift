import Contracts
import ElderCareDomain

/// The `ELDERCARE_*` settings as ``ElderCarePolicy/fromEnvironment(_:)`` reads them: a value that
/// cannot be read is refused with `settings.invalid`, naming the setting, so a county's misspelt
/// figure stops the service instead of being ignored.
struct ElderCareSettings {
    let environment: [String: String]

    /// `ELDERCARE_<name>` as an integer within `range`, or `fallback` when unset.
    func integer(_ name: String, _ fallback: Int, in range: ClosedRange<Int>) throws(RuleViolation) -> Int {
        let key = "ELDERCARE_\(name)"
        guard let text = environment[key] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw RuleViolation.invalid("settings.invalid", "\(key)=\(text) must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// `ELDERCARE_<name>` as one of `T`'s raw values, or `fallback` when unset; `none` is nil when `allowsNone`.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ fallback: T?, allowsNone: Bool = false) throws(RuleViolation) -> T?
    where T.RawValue == String {
        let key = "ELDERCARE_\(name)"
        guard let text = environment[key] else { return fallback }
        if allowsNone, text == "none" { return nil }
        guard let value = T(rawValue: text) else {
            let accepted = T.allCases.map(\.rawValue) + (allowsNone ? ["none"] : [])
            throw RuleViolation.invalid("settings.invalid", "\(key)=\(text) must be one of \(accepted.joined(separator: ", "))")
        }
        return value
    }
}

extension ElderCarePolicy {
    /// The register's and the visits' settings.
    mutating func readRegisterSettings(_ settings: ElderCareSettings) throws(RuleViolation) {
        categories.advancedAge = try settings.integer("ADVANCED_AGE", categories.advancedAge, in: 60...120)
        if let text = settings.environment["ELDERCARE_DISABLED_FROM"] {
            guard let level = CapabilityLevel.allCases.first(where: { $0.name == text }), level != .intact else {
                throw RuleViolation.invalid("settings.invalid", "ELDERCARE_DISABLED_FROM=\(text) must be a capability level below intact")
            }
            categories.disabledFrom = level
        }
        for category in KeyCategory.allCases {
            let name = "VISIT_" + category.rawValue.uppercased().replacingOccurrences(of: "-", with: "_")
            visitSchedule.cadences[category] = try settings.choice(name, visitSchedule.cadences[category], allowsNone: true)
        }
    }
}
