import ElderCareDomain
import Foundation
import ServiceKit

/// ElderCare's configured policy: every figure a county may set (`ELDERCARE_*` settings), with the
/// seeds' values as defaults. Read once at start-up; a malformed value stops start-up with its name.
struct ElderCarePolicy: Sendable {
    /// The advanced-age allowance's (`ELDERCARE_ALLOWANCE_*`, `ELDERCARE_PROOF_OF_LIFE_*`).
    var allowance = AllowanceSettings()

    static func fromEnvironment(_ environment: [String: String]) throws -> ElderCarePolicy {
        var policy = ElderCarePolicy()
        policy.allowance = try AllowanceSettings.fromEnvironment(environment)
        return policy
    }
}
