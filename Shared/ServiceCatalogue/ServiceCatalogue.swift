import Contracts

/// One bureau service as the suite deploys it. Everything that must agree about a service
/// (Package.swift's product, the default port, the database, the topics, `compose/`, the local
/// stack the `civil` command runs) reads it from here; `CatalogueConsistencyTests` checks that
/// Package.swift and `compose/` say the same.
public struct CatalogueEntry: Sendable, Hashable {
    public let domain: Domain
    /// The SwiftPM executable product, the compose service and the container image name.
    public let executable: String
    /// The default HTTP port (local stack and compose).
    public let port: Int
    /// The service's own PostgreSQL database; services never share tables.
    public let database: String
    /// Producing domains whose events topic the service consumes.
    public let consumes: [Domain]
    public let summary: String

    /// The prefix of the service's settings: `REGISTRY_HTTP_PORT`, `ELDERCARE_DB_NAME`, …
    public var environmentPrefix: String { domain.rawValue.uppercased() }
    /// The topic the service's outbox relay publishes on.
    public var publishes: String { Topics.events(of: domain) }
    /// Topics the service's inbox consumer reads.
    public var consumedTopics: [String] { consumes.map { Topics.events(of: $0) } }
    /// Where the inbox dead-letters what it cannot apply.
    public var deadLetterTopic: String { Topics.deadLetter(group: Topics.consumerGroup(of: domain)) }
}

/// The suite's services. Adding a service is one entry here, one product and targets in
/// Package.swift and one block in `compose/docker-compose.yml`; the consistency test names
/// whatever still disagrees.
public enum ServiceCatalogue {
    public static let all: [CatalogueEntry] = [
        CatalogueEntry(domain: .registry, executable: "registry", port: 8081, database: "registry",
                       consumes: [.assistance],
                       summary: "Marriage, divorce, adoption, appointments, deaths and funerals (婚姻·收养·殡葬登记)"),
        CatalogueEntry(domain: .assistance, executable: "assistance", port: 8082, database: "assistance",
                       consumes: [.registry, .monitoring, .eldercare],
                       summary: "Minimum living allowance, extreme poverty support, temporary assistance (社会救助)"),
        CatalogueEntry(domain: .eldercare, executable: "elder-care", port: 8083, database: "eldercare",
                       consumes: [.registry, .assistance, .socialorg],
                       summary: "Elder care (养老服务): key-elder registry, visits, advanced-age allowance, assessment, institutions, waiting list"),
        CatalogueEntry(domain: .childprotection, executable: "child-protection", port: 8084, database: "childprotection",
                       consumes: [.registry],
                       summary: "Child protection (儿童福利); journals the Registry's life events for now"),
        CatalogueEntry(domain: .socialorg, executable: "social-org", port: 8085, database: "socialorg",
                       consumes: [],
                       summary: "Social organisations (社会组织); no routes yet"),
    ]

    /// The entry of `domain`'s service; nil for a domain without one (`monitoring`: partner gateways).
    public static func entry(for domain: Domain) -> CatalogueEntry? {
        all.first { $0.domain == domain }
    }

    public static func entry(named executable: String) -> CatalogueEntry? {
        all.first { $0.executable == executable }
    }
}
