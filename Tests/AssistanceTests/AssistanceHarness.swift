import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import NIOCore
import ServiceKit
import Testing
import TestSupport
@testable import Assistance

extension Tag {
    /// Runs the real service against the test PostgreSQL and the embedded broker.
    @Tag static var integration: Self
}

/// Runs the real Assistance service (HTTP, PostgreSQL, embedded Kafka) with a clock the test moves.
enum AssistanceHarness {
    static let key = try! PersonRefKey(hex: ServiceSettings.developmentPersonRefKey)  // the development key; a fixture, not input
    static let jingtai = try! RegionCode("620423")  // 景泰县; fixture
    /// 一条山镇, a township of Jingtai.
    static let township = "620423100"

    static func settings(_ database: TestDatabase, kafka: TestKafka) throws -> ServiceSettings {
        try ServiceSettings(domain: .assistance, environment: [
            "ASSISTANCE_HTTP_PORT": "0",
            "ASSISTANCE_DB_HOST": database.configuration.host,
            "ASSISTANCE_DB_PORT": String(database.configuration.port),
            "ASSISTANCE_DB_USER": database.configuration.username,
            "ASSISTANCE_DB_PASSWORD": database.configuration.password,
            "ASSISTANCE_DB_NAME": database.configuration.database,
            "ASSISTANCE_KAFKA_BOOTSTRAP": kafka.cluster.bootstrapServers,
            "ASSISTANCE_KAFKA_REPLICATION": "1",
            "ASSISTANCE_LOG_LEVEL": "warning",
            "ASSISTANCE_DB_MAX_CONNECTIONS": "6",
        ])
    }

    struct Context: Sendable {
        let client: any TestClientProtocol
        let clock: ServiceClock
        let kafka: TestKafka
        let database: TestDatabase
    }

    static func with(today: String, policy: [String: String] = [:], sources: [any EconomicDataSource] = [TableDataSource()],
                     _ body: @Sendable (Context) async throws -> Void) async throws {
        let kafka = try TestKafka()
        let database = try await TestDatabase.create("assistance")
        let clock = ServiceClock(fixed: try CivilDate(iso: today))
        let definition = AssistanceService.definition(policy: try AssistancePolicy.fromEnvironment(policy), clock: clock,
                                                      sources: sources, sweepInterval: .milliseconds(300))
        let app = try await ServiceRuntime.buildApplication(definition, settings: settings(database, kafka: kafka))
        do {
            // The test's own pool (to inspect tables) runs beside the service's.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.client.run() }
                try await app.test(.live) { client in try await body(Context(client: client, clock: clock, kafka: kafka, database: database)) }
                group.cancelAll()
            }
        } catch {
            try? await database.drop()
            throw HarnessError(underlying: String(reflecting: error))
        }
        try await database.drop()
    }

    static func resident(born: String, sequence: Int) -> ResidentID {
        ResidentID.make(region: jingtai, birth: try! CivilDate(iso: born), sequence: sequence)  // fixture data, valid by construction
    }

    static func person(_ id: ResidentID) -> PersonRef { PersonRef.derive(from: id, key: key) }

    /// Publishes another bureau's event on its topic, as that bureau's relay would.
    static func publish<E: DomainEvent>(_ event: E, id: UUID = UUID(), from domain: Domain, on kafka: TestKafka) async throws {
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration("\(domain.rawValue)-stand-in"), logger: TestKafka.logger)
        let envelope = try CloudEvent.wrap(event, source: domain.source, id: id)
        _ = try await producer.send(OutgoingMessage(cloudEvent: envelope, topic: Topics.events(of: domain)))
        await producer.shutdown()
    }

    /// The events of `type` Assistance published, read from its topic for `seconds`.
    static func published(_ type: String, kafka: TestKafka, seconds: Int = 6) async throws -> [KafkaMessage] {
        try await published(kafka: kafka, seconds: seconds).filter { $0.header("ce_type")?.stringValue == type }
    }

    /// How many events of each type Assistance published.
    static func publishedCounts(kafka: TestKafka, seconds: Int = 6) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for message in try await published(kafka: kafka, seconds: seconds) {
            counts[message.header("ce_type")?.stringValue ?? "?", default: 0] += 1
        }
        return counts
    }

    /// Everything Assistance published, read from its topic for `seconds`.
    static func published(kafka: TestKafka, seconds: Int = 6) async throws -> [KafkaMessage] {
        let consumer = try KafkaConsumer(
            configuration: kafka.consumerConfiguration(group: "reader-\(UUID())", topics: [Topics.events(of: .assistance)]),
            logger: TestKafka.logger)
        let found = try await withThrowingTaskGroup(of: [KafkaMessage].self) { group in
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                consumer.stop()
                return []
            }
            var found: [KafkaMessage] = []
            for try await message in consumer.messages { found.append(message) }
            try await group.waitForAll()
            return found
        }
        await consumer.close()
        return found
    }

    /// Polls `probe` until it returns true (an inbox applying an event), for up to `seconds`.
    static func eventually(seconds: Double = 20, _ probe: @Sendable () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1_000))
        while ContinuousClock.now < deadline {
            if try await probe() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}
