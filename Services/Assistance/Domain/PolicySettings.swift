import Contracts

/// The `ASSISTANCE_*` settings as ``AssistancePolicy/fromEnvironment(_:)`` reads them: each value
/// is parsed here once, and a value that cannot be read is refused with `settings.invalid`, naming
/// the setting, so a county's misspelt figure stops the service instead of being ignored.
struct PolicySettings {
    let environment: [String: String]

    /// `ASSISTANCE_<name>` as a non-negative integer, or `fallback` when unset.
    func integer(_ name: String, _ fallback: Int64) throws(RuleViolation) -> Int64 {
        let key = "ASSISTANCE_\(name)"
        guard let text = environment[key] else { return fallback }
        guard let value = Int64(text), value >= 0 else {
            throw RuleViolation.invalid("settings.invalid", "\(key)=\(text) must be a non-negative integer")
        }
        return value
    }

    /// `ASSISTANCE_<name>` as one of `T`'s raw values, or `fallback` when unset.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ fallback: T) throws(RuleViolation) -> T where T.RawValue == String {
        let key = "ASSISTANCE_\(name)"
        guard let text = environment[key] else { return fallback }
        guard let value = T(rawValue: text) else {
            throw RuleViolation.invalid("settings.invalid",
                                        "\(key)=\(text) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }

    /// `ASSISTANCE_<name>` as a comma-separated list of areas (`urban`, `rural`), `none` for no
    /// area, or `fallback` when unset.
    func areas(_ name: String, _ fallback: Set<UrbanRural>) throws(RuleViolation) -> Set<UrbanRural> {
        let key = "ASSISTANCE_\(name)"
        guard let text = environment[key] else { return fallback }
        if text == "none" { return [] }
        var areas: Set<UrbanRural> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let area = UrbanRural(rawValue: part.trimmingWhitespace) else {
                throw RuleViolation.invalid("settings.invalid", "\(key)=\(text) must be urban, rural, urban,rural or none")
            }
            areas.insert(area)
        }
        return areas
    }

    /// `ASSISTANCE_<name>` as a region code, or nil when unset.
    func region(_ name: String) throws(RuleViolation) -> RegionCode? {
        let key = "ASSISTANCE_\(name)"
        guard let text = environment[key] else { return nil }
        do {
            return try RegionCode(text)
        } catch {
            throw RuleViolation.invalid("settings.invalid", "\(key)=\(text) is not a region code: \(error)")
        }
    }
}

private extension Substring {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
