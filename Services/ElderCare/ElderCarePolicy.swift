import Contracts
import ElderCareDomain
import Foundation
import ServiceKit

/// ElderCare's configured policy: every figure a county may set (`ELDERCARE_*` settings), with the
/// seeds' values as defaults. Read once at start-up; a malformed value stops start-up with its name.
struct ElderCarePolicy: Sendable {
    /// The register's derived categories: 高龄 from `ELDERCARE_ADVANCED_AGE` (80), 失能 from
    /// `ELDERCARE_DISABLED_FROM` (`mild`).
    var categories: CategoryPolicy = .standard
    /// How often each key category is visited: `ELDERCARE_VISIT_<CATEGORY>` (e.g.
    /// `ELDERCARE_VISIT_LEFT_BEHIND=quarterly`; `none` takes the category off the schedule).
    var visitSchedule: VisitSchedule = .seedDefaults
    /// The advanced-age allowance's (`ELDERCARE_ALLOWANCE_*`, `ELDERCARE_PROOF_OF_LIFE_*`).
    var allowance = AllowanceSettings()

    /// Who may admit (``AdmissionGate``): enterprise operators only where the county allows them
    /// (`ELDERCARE_ALLOW_ENTERPRISE_OPERATORS`, default false).
    var admission = AdmissionGate()
    /// Whether a social-organisation operator must have been registered by SocialOrg
    /// (`civil.socialorg.organisation-registered.v1`) before its institution admits
    /// (`ELDERCARE_REQUIRE_SOCIALORG_REGISTRATION`, default false: SocialOrg publishes no
    /// registrations yet, so requiring them would close every such institution; see docs/rules.md).
    var requireSocialOrgRegistration = false
    /// Whether dementia-care beds count as nursing-type in the bed shares
    /// (`ELDERCARE_DEMENTIA_BEDS_AS_NURSING`, default true; ``BedInventory/nursingTypeBeds(countingDementia:)``).
    var dementiaBedsAsNursing = true

    static func fromEnvironment(_ environment: [String: String]) throws -> ElderCarePolicy {
        var policy = ElderCarePolicy()
        try policy.readRegisterSettings(ElderCareSettings(environment: environment))
        policy.admission = AdmissionGate(allowingEnterprises: try flag("ELDERCARE_ALLOW_ENTERPRISE_OPERATORS", false, environment))
        policy.requireSocialOrgRegistration = try flag("ELDERCARE_REQUIRE_SOCIALORG_REGISTRATION", false, environment)
        policy.dementiaBedsAsNursing = try flag("ELDERCARE_DEMENTIA_BEDS_AS_NURSING", true, environment)
        policy.allowance = try AllowanceSettings.fromEnvironment(environment)
        return policy
    }

    /// `true` or `false`; anything else stops start-up (`setting.invalid`).
    static func flag(_ name: String, _ fallback: Bool, _ environment: [String: String]) throws -> Bool {
        guard let text = environment[name] else { return fallback }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw RuleViolation.invalid("setting.invalid", "\(name) must be true or false, not \(text)")
        }
    }
}
