import Contracts
import ServiceKit
import TestSupport

/// What a service's test harness hands each test: the client, the clock the test moves, the
/// broker, and the service's database (its own pool, to inspect tables).
public struct ServiceTestContext: Sendable {
    public let domain: Domain
    public let client: AuthorizingTestClient
    public let clock: ServiceClock
    public let kafka: TestKafka
    public let database: TestDatabase

    public init(domain: Domain, client: AuthorizingTestClient, clock: ServiceClock, kafka: TestKafka, database: TestDatabase) {
        self.domain = domain
        self.client = client
        self.clock = clock
        self.kafka = kafka
        self.database = database
    }

    /// Reads what the service published on its events topic.
    public var published: TopicReader { TopicReader(kafka: kafka, topics: [Topics.events(of: domain)]) }
}
