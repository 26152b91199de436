import Foundation

/// The environment a harness child starts with: the test's own, minus every service
/// setting (a developer's `CIVIL_DB_PORT` must not point a child at the shared server).
enum ChildEnvironment {
    static let servicePrefixes = ["CIVIL_", "REGISTRY_", "ASSISTANCE_", "ELDERCARE_", "CHILDPROTECTION_", "SOCIALORG_",
                                  "MONITORING_"]

    static func base() -> [String: String] {
        ProcessInfo.processInfo.environment.filter { key, _ in !servicePrefixes.contains { key.hasPrefix($0) } }
    }
}
