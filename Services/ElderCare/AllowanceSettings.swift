import Contracts
import ElderCareDomain

/// The advanced-age allowance's settings, with the seeds' values as defaults:
///
/// - `ELDERCARE_ALLOWANCE_ENTITLEMENT_AGE` (80: seed 002 L12 "为80岁及以上老年人发放高龄津贴");
/// - `ELDERCARE_ALLOWANCE_FIRST_MONTH`: `month-after-birthday` (default) or `birthday-month`
///   (``AllowanceSchedule/FirstMonthRule``; the seeds are silent, "次月起发放" is the usual wording);
/// - `ELDERCARE_PROOF_OF_LIFE_REQUIRED` (`false`: seed 004 L16 offers 高龄津贴验证 online, it does
///   not make it a condition), `ELDERCARE_PROOF_OF_LIFE_VALIDITY_MONTHS` (12: annual) and
///   `ELDERCARE_PROOF_OF_LIFE_BACK_PAY` (`true`: a late proof pays the suspended months, because it
///   establishes the person was alive; ``ProofOfLifePolicy``).
///
/// The tiers and amounts are not settings: each county's policy section sets them by route
/// (`PUT /allowance-standards/{region}`), because the seeds give no amount to default to.
struct AllowanceSettings: Sendable {
    var entitlementAge = AllowanceSchedule.defaultEntitlementAge
    var firstMonthRule = AllowanceSchedule.FirstMonthRule.monthAfterBirthday
    var proofOfLife = ProofOfLifePolicy.notRequired

    static func fromEnvironment(_ environment: [String: String]) throws(RuleViolation) -> AllowanceSettings {
        var settings = AllowanceSettings()
        settings.entitlementAge = try integer("ELDERCARE_ALLOWANCE_ENTITLEMENT_AGE", environment, default: settings.entitlementAge,
                                              range: OlderPerson.minimumAge...150)
        if let text = environment["ELDERCARE_ALLOWANCE_FIRST_MONTH"] {
            guard let rule = AllowanceSchedule.FirstMonthRule(rawValue: text) else {
                throw RuleViolation.invalid("settings.invalid",
                                            "ELDERCARE_ALLOWANCE_FIRST_MONTH=\(text) must be month-after-birthday or birthday-month")
            }
            settings.firstMonthRule = rule
        }
        settings.proofOfLife = ProofOfLifePolicy(
            required: try flag("ELDERCARE_PROOF_OF_LIFE_REQUIRED", environment, default: false),
            validityMonths: try integer("ELDERCARE_PROOF_OF_LIFE_VALIDITY_MONTHS", environment, default: 12, range: 1...120),
            backPaysAfterLateProof: try flag("ELDERCARE_PROOF_OF_LIFE_BACK_PAY", environment, default: true))
        return settings
    }

    /// The county's schedule of `standards` under these settings (refusals as ``AllowanceSchedule``'s).
    func schedule(_ standards: [AllowanceStandard]) throws(RuleViolation) -> AllowanceSchedule {
        try AllowanceSchedule(entitlementAge: entitlementAge, firstMonthRule: firstMonthRule, standards: standards)
    }

    private static func integer(_ key: String, _ environment: [String: String], default fallback: Int,
                                range: ClosedRange<Int>) throws(RuleViolation) -> Int {
        guard let text = environment[key] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw RuleViolation.invalid("settings.invalid", "\(key)=\(text) must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private static func flag(_ key: String, _ environment: [String: String], default fallback: Bool) throws(RuleViolation) -> Bool {
        guard let text = environment[key] else { return fallback }
        switch text {
        case "true": return true
        case "false": return false
        default: throw RuleViolation.invalid("settings.invalid", "\(key)=\(text) must be true or false")
        }
    }
}
