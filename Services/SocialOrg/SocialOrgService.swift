import ServiceKit

/// Everything SocialOrg adds to the shared runtime: nothing yet. It runs the platform only
/// (HTTP, health, metrics, outbox relay), with no schema and no routes.
enum SocialOrgService {
    static func definition() -> ServiceDefinition {
        ServiceDefinition(domain: .socialorg, migrations: [], routes: { _, _ in })
    }
}
