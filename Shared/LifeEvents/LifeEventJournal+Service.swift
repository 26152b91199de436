import Contracts
import ServiceKit

extension LifeEventJournal {
    /// A bureau service that so far only keeps the journal: it consumes the Registry's life events
    /// and serves `GET /life-events`. ElderCare and ChildProtection run as this until their domain
    /// reactions are built on it.
    public static func journalOnlyService(_ domain: Domain) -> ServiceDefinition {
        ServiceDefinition(
            domain: domain,
            migrations: migrations,
            handlers: handlers,
            routes: routes
        )
    }
}
