import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Messaging
import NIOCore
import PostgresNIO
import ServiceKit
import Testing
import TestKit
import TestSupport
@testable import Assistance

/// Runs the real Assistance service (HTTP, PostgreSQL, an in-process Kafka mock cluster) with a
/// clock the test moves.
enum AssistanceHarness {
    static let key = try! PersonRefKey(hex: ServiceSettings.developmentPersonRefKey)  // the development key; a fixture, not input
    static let jingtai = try! RegionCode("620423")  // 景泰县; fixture
    /// 一条山镇, a township of Jingtai.
    static let township = "620423100"

    static func settings(_ database: TestDatabase, kafka: TestKafka) throws -> ServiceSettings {
        try ServiceHarness.settings(.assistance, database: database, kafka: kafka)
    }

    struct Context: Sendable {
        let client: AuthorizingTestClient
        let clock: ServiceClock
        let kafka: TestKafka
        let database: TestDatabase

        /// Reads what Assistance published on its events topic.
        var published: TopicReader { TopicReader(kafka: kafka, topics: [Topics.events(of: .assistance)]) }
    }

    static func with(today: String, policy: [String: String] = [:], sources: [any EconomicDataSource] = [TableDataSource()],
                     _ body: @Sendable (Context) async throws -> Void) async throws {
        let kafka = try TestKafka()
        let database: TestDatabase
        do { database = try await TestDatabase.create("assistance") } catch { throw HarnessError(underlying: String(reflecting: error)) }
        let clock = ServiceClock(fixed: try CivilDate(iso: today))
        let definition = AssistanceService.definition(policy: try AssistancePolicy.fromEnvironment(policy), clock: clock,
                                                      sources: sources, sweepInterval: .milliseconds(300))
        let app = try await ServiceRuntime.buildApplication(definition, settings: settings(database, kafka: kafka))
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

    static func resident(born: String, sequence: Int) -> ResidentID {
        ResidentID.make(region: jingtai, birth: try! CivilDate(iso: born), sequence: sequence)  // fixture data, valid by construction
    }

    static func person(_ id: ResidentID) -> PersonRef { PersonRef.derive(from: id, key: key) }

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

    /// Waits until Assistance has handled every Registry event published so far with the key of
    /// `event` (duplicates included), and returns how often it handled the sentinel that shows it:
    /// 1 once it has, 0 if it had not by the deadline.
    ///
    /// Events of one key share a partition and are handled in order, so the sentinel is published
    /// on that key — a marriage of two people Assistance does not know, which changes nothing but
    /// the life-event journal — and its inbox row tells that everything before it was handled.
    static func sentinelHandled<E: DomainEvent>(after event: E, _ context: Context) async throws -> Int? {
        let sentinel = UUID()
        try await publish(MarriageRegistered(marriageID: UUID(), certificateNumber: "J620423-01-2026-999999",
                                             partyA: person(resident(born: "1930-01-01", sequence: 901)),
                                             partyB: person(resident(born: "1930-01-01", sequence: 902)), office: "620423-01", region: jingtai,
                                             registeredOn: try CivilDate(iso: "2026-01-01")),
                          id: sentinel, key: event.aggregateID, from: .registry, on: context.kafka)
        return try await eventually {
            try await scalar("SELECT count(*)::int FROM inbox WHERE event_id = '\(sentinel)'", context.database)
        } until: { $0 == 1 }
    }

    /// The first column of the first row of `sql`, or nil when there is no row.
    static func scalar<T: PostgresDecodable & Sendable>(_ sql: String, as _: T.Type = Int.self, _ database: TestDatabase) async throws -> T? {
        let rows = try await database.client.query(PostgresQuery(unsafeSQL: sql), logger: TestKafka.logger)
        for try await value in rows.decode(T.self) { return value }
        return nil
    }

    /// How many events of each type in `expected` Assistance published: read until every count
    /// is reached, then `settle` longer, so that a duplicate would be counted too.
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
