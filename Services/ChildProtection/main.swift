// The ChildProtection service: child protection.
//
// It runs on the shared platform (HTTP, health, metrics, outbox relay, inbox
// consumer) and records the Registry's life events it receives, exactly once.
import Contracts
import ServiceKit

let definition = ServiceDefinition(
    domain: .childprotection,
    migrations: LifeEventJournal.migrations,
    subscriptions: [.registry],
    handlers: LifeEventJournal.handlers,
    routes: LifeEventJournal.routes
)
try await ServiceRuntime.run(definition)
