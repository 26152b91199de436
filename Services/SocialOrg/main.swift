// The SocialOrg service (社会组织): registration and supervision of social groups,
// social service organisations and foundations, identified by their unified social
// credit code (`CreditCode`). This build is the platform runtime only — HTTP, health,
// metrics, outbox relay — with no domain routes yet; its issue adds them.
import Contracts
import ServiceKit

let definition = ServiceDefinition(domain: .socialorg, migrations: [], routes: { _, _ in })
try await ServiceRuntime.run(definition)
