import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Messaging
import NIOCore
import PostgresNIO
import RegistryDomain
import ServiceKit
import TestKit
import TestSupport
@testable import Registry

/// Runs the real Registry (HTTP, PostgreSQL, embedded Kafka) with a clock the test moves.
enum RegistryHarness {
    static func with(
        today: CivilDate, _ body: @Sendable (AuthorizingTestClient, ServiceClock) async throws -> Void
    ) async throws {
        try await with(today: today) { client, clock, _, _ in try await body(client, clock) }
    }

    /// The same, with the embedded broker, to play another bureau's events.
    static func with(
        today: CivilDate, _ body: @Sendable (AuthorizingTestClient, ServiceClock, TestKafka) async throws -> Void
    ) async throws {
        try await with(today: today) { client, clock, kafka, _ in try await body(client, clock, kafka) }
    }

    /// The same, with the service's database, to see what its inbox has applied; `peakDays` as the
    /// city configures them.
    static func with(
        today: CivilDate, peakDays: PeakDays = PeakDays(),
        _ body: @Sendable (AuthorizingTestClient, ServiceClock, TestKafka, TestDatabase) async throws -> Void
    ) async throws {
        let clock = ServiceClock(fixed: today)
        let definition = RegistryService.definition(clock: clock, policy: try FuneralSettings.policy(environment: [:]), peakDays: peakDays,
                                                    sweepInterval: .milliseconds(300))
        try await ServiceHarness.run(definition) { client, kafka, database in try await body(client, clock, kafka, database) }
    }

    /// The events of `type` the Registry published, once `count` of them arrived; `settle` keeps
    /// reading a little longer, so that a duplicate would show.
    static func published(_ type: String, count: Int, kafka: TestKafka, settle: Duration = .zero) async throws -> [KafkaMessage] {
        try await TopicReader(kafka: kafka, topics: [Topics.events(of: .registry)])
            .events(ofType: type, count: count, timeout: .seconds(30), settle: settle)
    }

    /// The integer one statement returns from the service's database (a count), on a connection
    /// of its own: the service's pool is the service's.
    static func integer(_ statement: PostgresQuery, in database: TestDatabase) async throws -> Int {
        try await values([statement], as: Int.self, in: database).first ?? 0
    }

    /// The first value each statement returns (or none), on one connection of its own.
    static func values<Value: PostgresDecodable>(
        _ statements: [PostgresQuery], as type: Value.Type, in database: TestDatabase
    ) async throws -> [Value] {
        let logger = Logger(label: "test.registry.probe")
        let connection = try await PostgresConnection.connect(
            configuration: database.configuration.connectionConfiguration, id: 1, logger: logger)
        do {
            var values: [Value] = []
            for statement in statements {
                for try await value in try await connection.query(statement, logger: logger).decode(Value.self) {
                    values.append(value)
                    break
                }
            }
            try await connection.close()
            return values
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The Registry's tables whose rows its routes write.
    static let recordTables = [
        "death_records", "funeral_services", "funeral_subsidy_grants", "marriages", "current_spouses", "certificates",
        "certificate_serials", "divorce_applications", "adoptions", "appointments",
    ]

    /// What the Registry has stored, to show that a refused request wrote nothing: each record
    /// table's row count and a digest of its rows (so an update shows too), and the outbox's row
    /// count (only the count: the relay marks rows published as it goes).
    static func stored(in database: TestDatabase) async throws -> [String: String] {
        let statements: [PostgresQuery] = recordTables.map { table in
            "SELECT count(*)::text || ' ' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \(unescaped: table) t"
        } + ["SELECT count(*)::text FROM outbox"]
        let values = try await values(statements, as: String.self, in: database)
        return Dictionary(uniqueKeysWithValues: zip(recordTables + ["outbox"], values))
    }

    static func person(born: String, sequence: Int) throws -> ResidentID {
        ResidentID.make(region: try RegionCode("620423"), birth: try CivilDate(iso: born), sequence: sequence)
    }
}
