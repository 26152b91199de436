import Contracts
import Foundation
import Messaging
import Persistence
import PostgresNIO

/// What every service's benchmark (`bench-roster`) shares: a database it may empty, and the
/// timed publication of what it wrote to the outbox.
extension StandaloneTool {
    /// `run`, on a benchmark database only: its name has to contain `bench`, because a benchmark
    /// empties it. A failure prints PostgreSQL's own message (`command` names the tool): a
    /// benchmark database holds no personal data, and `PSQLError`'s description hides it.
    public static func runBenchmark<Result: Sendable>(
        _ domain: Domain, migrations: [Migration], label: String, command: String,
        _ body: @Sendable (ServiceDependencies, ServiceSettings) async throws -> Result
    ) async throws -> Result {
        let settings = try ServiceSettings(domain: domain)
        guard settings.database.database.contains("bench") else {
            throw RuleViolation.invalid("bench.database", """
                set \(domain.rawValue.uppercased())_DB_NAME to a benchmark database (its name must contain 'bench'): the run empties it
                """)
        }
        do {
            return try await run(domain, migrations: migrations, label: label) { dependencies in try await body(dependencies, settings) }
        } catch let error as PSQLError {
            print("\(command) failed: \(String(reflecting: error))")
            throw error
        }
    }

    /// Publishes every pending outbox row to the Kafka broker of `settings` through an outbox
    /// relay of `batch` rows, timed, and prints the benchmark's publication line.
    public static func timePublication(_ dependencies: ServiceDependencies, settings: ServiceSettings, relayName: String,
                                       batch: Int) async throws -> (published: Int, seconds: Double) {
        let logger = dependencies.logger
        var producerConfiguration = settings.kafkaProducer
        if settings.kafkaProducerProfile == .standard { producerConfiguration.lingerMs = 5 }
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger)
        try await KafkaTopicAdmin.ensureTopics([TopicSpec(name: Topics.events(of: dependencies.domain), partitions: settings.kafkaPartitions,
                                                               replicationFactor: settings.kafkaReplication)],
                                               client: settings.kafkaClient, logger: logger)
        var relayConfiguration = OutboxRelay.Configuration()
        relayConfiguration.batchSize = batch
        let relay = OutboxRelay(name: relayName, database: settings.database, client: dependencies.database, producer: producer,
                                configuration: relayConfiguration, logger: logger)
        let publishStart = ContinuousClock.now
        let result = try await relay.publishPending()
        guard result.failed == 0 else { throw RuleViolation("bench.delivery-failed", "\(result.failed) deliveries failed") }
        let published = result.published
        let publishSeconds = (ContinuousClock.now - publishStart).seconds
        await producer.shutdown()
        print(String(format: "  2. relay to Kafka (%@): %d events published (cursor moved past them) in %.2f s (%.0f events/s, batches of %d)",
                     settings.kafkaBootstrap, published, publishSeconds, Double(published) / publishSeconds, batch))
        return (published, publishSeconds)
    }
}
