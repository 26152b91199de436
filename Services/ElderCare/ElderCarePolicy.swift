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

    static func fromEnvironment(_ environment: [String: String]) throws -> ElderCarePolicy {
        var policy = ElderCarePolicy()
        try policy.readRegisterSettings(ElderCareSettings(environment: environment))
        policy.allowance = try AllowanceSettings.fromEnvironment(environment)
        return policy
    }
}
