import Contracts
import Hummingbird
import Logging
import Persistence
import ServiceCatalogue
import PostgresNIO

/// What a bureau service adds to the shared runtime: its schema, its routes and
/// the events it reacts to. Everything else (HTTP, health, metrics, outbox relay,
/// inbox consumer, shutdown) is the same for every service.
public struct ServiceDefinition: Sendable {
    public var domain: Domain
    public var migrations: [Migration]
    /// Domains whose events topic this service consumes: the catalogue's `consumes`.
    public var subscriptions: [Domain]
    public var handlers: @Sendable (ServiceDependencies) -> EventHandlers
    /// Registers the service's routes, each with its access policy (`SecuredRoutes`).
    public var routes: @Sendable (SecuredRoutes, ServiceDependencies) -> Void
    /// Timed work of the service; runs once start-up has finished.
    public var jobs: @Sendable (ServiceDependencies) -> [PeriodicJob]
    /// The service's HTTP contract. Every request to an operation it describes is checked against
    /// it before the route runs (`RequestValidationMiddleware`), and it is served at `GET /openapi.json`.
    /// Loaded when the application is built, so a missing or malformed document stops start-up.
    public var openAPI: (@Sendable () throws -> OpenAPIDocument)?

    public init(
        domain: Domain,
        migrations: [Migration],
        handlers: @escaping @Sendable (ServiceDependencies) -> EventHandlers = { _ in EventHandlers() },
        jobs: @escaping @Sendable (ServiceDependencies) -> [PeriodicJob] = { _ in [] },
        openAPI: (@Sendable () throws -> OpenAPIDocument)? = nil,
        routes: @escaping @Sendable (SecuredRoutes, ServiceDependencies) -> Void
    ) {
        self.domain = domain
        self.migrations = migrations
        self.subscriptions = ServiceCatalogue.entry(for: domain)?.consumes ?? []
        self.handlers = handlers
        self.jobs = jobs
        self.openAPI = openAPI
        self.routes = routes
    }
}

/// What routes and handlers get from the runtime.
public struct ServiceDependencies: Sendable {
    public let domain: Domain
    public let database: PostgresClient
    /// The secret behind `PersonRef`s, the same on every service.
    public let personRefKey: PersonRefKey
    public let logger: Logger

    public init(domain: Domain, database: PostgresClient, personRefKey: PersonRefKey, logger: Logger) {
        self.domain = domain
        self.database = database
        self.personRefKey = personRefKey
        self.logger = logger
    }

    /// The CloudEvents source of this service's events.
    public var source: String { domain.source }
}

/// Every service's request context: Hummingbird's core storage plus the verified `Principal`.
public typealias ServiceRequestContext = AccessRequestContext
