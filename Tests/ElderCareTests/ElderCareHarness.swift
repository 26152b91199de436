import Contracts
import ElderCareDomain
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import PostgresNIO
import ServiceKit
import Testing
import TestKit
import TestSupport
@testable import ElderCare

/// Runs the real ElderCare service (HTTP, PostgreSQL, an in-process Kafka mock cluster) with a
/// clock the test moves.
enum ElderCareHarness {
    /// 景泰县, the county the tests act in.
    static let county = "620423"
    /// 一条山镇, a township of Jingtai.
    static let township = "620423100"

    struct Context: Sendable {
        let client: AuthorizingTestClient
        let clock: ServiceClock
        let kafka: TestKafka
        let database: TestDatabase

        /// Reads what ElderCare published on its events topic.
        var published: TopicReader { TopicReader(kafka: kafka, topics: [Topics.events(of: .eldercare)]) }
    }

    static func with(today: String, policy: [String: String] = [:], _ body: @Sendable (Context) async throws -> Void) async throws {
        let kafka = try TestKafka()
        let database: TestDatabase
        do { database = try await TestDatabase.create("eldercare") } catch { throw HarnessError(underlying: String(reflecting: error)) }
        let clock = ServiceClock(fixed: try CivilDate(iso: today))
        // The visit sweep every 300 ms, so that a test sees its work soon after moving the clock.
        let definition = ElderCareService.definition(policy: try ElderCarePolicy.fromEnvironment(policy), clock: clock,
                                                     sweepInterval: .milliseconds(300))
        let settings = try ServiceHarness.settings(.eldercare, database: database, kafka: kafka)
        let app = try await ServiceRuntime.buildApplication(definition, settings: settings)
        do {
            // The test's own pool (to inspect tables) runs beside the service's.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.client.run() }
                try await app.liveTest { client in try await body(Context(client: client, clock: clock, kafka: kafka, database: database)) }
                group.cancelAll()
            }
        } catch {
            try? await database.drop()
            throw HarnessError(underlying: String(reflecting: error))
        }
        do { try await database.drop() } catch { throw HarnessError(underlying: String(reflecting: error)) }
    }

    /// The development person-ref key every test service uses.
    static func key() throws -> PersonRefKey { try PersonRefKey(hex: ServiceSettings.developmentPersonRefKey) }

    /// A valid Jingtai resident ID for someone born on `born` (ISO date).
    static func resident(born: String, sequence: Int) throws -> ResidentID {
        ResidentID.make(region: try RegionCode(county), birth: try CivilDate(iso: born), sequence: sequence)
    }

    static func person(_ id: ResidentID) throws -> PersonRef { PersonRef.derive(from: id, key: try key()) }

    /// Publishes another bureau's event on its topic, as that bureau's relay would; `key` replaces
    /// the event's own key (its aggregate id) to put it on another aggregate's partition.
    static func publish<E: DomainEvent>(_ event: E, id: UUID = UUID(), key: String? = nil, from domain: Domain,
                                        on kafka: TestKafka) async throws {
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration("\(domain.rawValue)-stand-in"), logger: TestKafka.logger)
        var envelope = try CloudEvent.wrap(event, source: domain.source, id: id)
        if let key { envelope.key = key }
        _ = try await producer.send(OutgoingMessage(cloudEvent: envelope, topic: Topics.events(of: domain)))
        await producer.shutdown()
    }

    /// The first column of the first row of `sql`, or nil when there is no row.
    static func scalar<T: PostgresDecodable & Sendable>(_ sql: String, as _: T.Type = Int.self, _ database: TestDatabase) async throws -> T? {
        let rows = try await database.client.query(PostgresQuery(unsafeSQL: sql), logger: TestKafka.logger)
        for try await value in rows.decode(T.self) { return value }
        return nil
    }

    /// Waits until ElderCare's inbox holds `eventID`: the event was handled (or found a duplicate).
    static func handled(_ eventID: UUID, _ context: Context) async throws -> Int? {
        try await eventually {
            try await scalar("SELECT count(*)::int FROM inbox WHERE event_id = '\(eventID)'", context.database)
        } until: { $0 == 1 }
    }

    /// How many events of each type in `expected` ElderCare published: read until every count is
    /// reached, then `settle` longer, so that a duplicate would be counted too.
    static func publishedCounts(_ expected: [String: Int], _ context: Context, settle: Duration = .seconds(2)) async throws -> [String: Int] {
        let messages = try await context.published.read(settle: settle) { messages in
            let counts = counts(of: messages, types: Set(expected.keys))
            return expected.allSatisfy { counts[$0.key, default: 0] >= $0.value }
        }
        return counts(of: messages, types: Set(expected.keys))
    }

    private static func counts(of messages: [KafkaMessage], types: Set<String>) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: types.map { ($0, 0) })
        for message in messages {
            if let type = message.cloudEventType, types.contains(type) { counts[type, default: 0] += 1 }
        }
        return counts
    }
}
