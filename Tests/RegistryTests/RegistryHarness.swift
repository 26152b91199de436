import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import NIOCore
import ServiceKit
import TestSupport
@testable import Registry

/// Runs the real Registry (HTTP, PostgreSQL, embedded Kafka) with a clock the test moves.
enum RegistryHarness {
    static func settings(_ database: TestDatabase, kafka: TestKafka) throws -> ServiceSettings {
        try ServiceSettings(domain: .registry, environment: [
            "REGISTRY_HTTP_PORT": "0",
            "REGISTRY_DB_HOST": database.configuration.host,
            "REGISTRY_DB_PORT": String(database.configuration.port),
            "REGISTRY_DB_USER": database.configuration.username,
            "REGISTRY_DB_PASSWORD": database.configuration.password,
            "REGISTRY_DB_NAME": database.configuration.database,
            "REGISTRY_KAFKA_BOOTSTRAP": kafka.cluster.bootstrapServers,
            "REGISTRY_KAFKA_REPLICATION": "1",
            "REGISTRY_LOG_LEVEL": "warning",
            "REGISTRY_DB_MAX_CONNECTIONS": "6",  // many suites run in parallel against one server
        ])
    }

    static func with(
        today: CivilDate, _ body: @Sendable (any TestClientProtocol, ServiceClock) async throws -> Void
    ) async throws {
        try await with(today: today) { client, clock, _ in try await body(client, clock) }
    }

    /// The same, with the embedded broker, to play another bureau's events.
    static func with(
        today: CivilDate, _ body: @Sendable (any TestClientProtocol, ServiceClock, TestKafka) async throws -> Void
    ) async throws {
        let kafka = try TestKafka()
        let database = try await TestDatabase.create("registry")
        let clock = ServiceClock(fixed: today)
        let app = try await ServiceRuntime.buildApplication(RegistryService.definition(
            clock: clock, policy: try FuneralSettings.policy(environment: [:]), sweepInterval: .milliseconds(300)),
                                                            settings: settings(database, kafka: kafka))
        do {
            try await app.test(.live) { client in try await body(client, clock, kafka) }
        } catch {
            try? await database.drop()
            throw HarnessError(underlying: String(reflecting: error))  // PSQLError hides its details otherwise
        }
        try await database.drop()
    }

    /// The events of `type` the Registry published, read from its topic for `seconds`
    /// (the first consumer-group join alone takes about 3 s on the embedded broker).
    static func published(_ type: String, kafka: TestKafka, seconds: Int = 8) async throws -> [KafkaMessage] {
        let consumer = try KafkaConsumer(
            configuration: kafka.consumerConfiguration(group: "reader-\(UUID())", topics: [Topics.events(of: .registry)]),
            logger: TestKafka.logger)
        let found = try await withThrowingTaskGroup(of: [KafkaMessage].self) { group in
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                consumer.stop()
                return []
            }
            var found: [KafkaMessage] = []
            for try await message in consumer.messages where message.header("ce_type")?.stringValue == type {
                found.append(message)
            }
            try await group.waitForAll()
            return found
        }
        await consumer.close()
        return found
    }

    static func person(born: String, sequence: Int) -> ResidentID {
        // Fixture data: valid by construction.
        ResidentID.make(region: try! RegionCode("620423"), birth: try! CivilDate(iso: born), sequence: sequence)
    }
}
