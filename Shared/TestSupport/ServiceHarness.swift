import Contracts
import Foundation
import Hummingbird
import HummingbirdTesting
import ServiceKit

/// Runs a real service in-process, as `ServiceRuntime` runs it in production (HTTP with its
/// middleware, migrations, outbox relay, inbox consumer), on a scratch database of the test
/// PostgreSQL server and the in-process mock broker. Every service's tests use it.
public enum ServiceHarness {
    /// The settings a service reads from its environment, pointed at `database` and `kafka`.
    public static func settings(_ domain: Domain, database: TestDatabase, kafka: TestKafka,
                                extra: [String: String] = [:]) throws -> ServiceSettings {
        let prefix = domain.rawValue.uppercased()
        var environment = [
            "\(prefix)_HTTP_PORT": "0",
            "\(prefix)_DB_HOST": database.configuration.host,
            "\(prefix)_DB_PORT": String(database.configuration.port),
            "\(prefix)_DB_USER": database.configuration.username,
            "\(prefix)_DB_PASSWORD": database.configuration.password,
            "\(prefix)_DB_NAME": database.configuration.database,
            "\(prefix)_KAFKA_BOOTSTRAP": kafka.cluster.bootstrapServers,
            "\(prefix)_KAFKA_REPLICATION": "1",
            "\(prefix)_LOG_LEVEL": "warning",
            "\(prefix)_DB_MAX_CONNECTIONS": "6",  // many suites run in parallel against one server
            "\(prefix)_JWT_KEYS_FILE": TestTokens.jwksFile,
        ]
        environment.merge(extra) { _, new in new }
        return try ServiceSettings(domain: domain, environment: environment)
    }

    /// Runs `definition` on a fresh database and broker, serving HTTP on a real port, for the
    /// duration of `body`; the database is dropped afterwards. The client sends a province
    /// administrator's token unless a request sets its own (`acting(as:)`, `anonymous`).
    public static func run<Result: Sendable>(
        _ definition: ServiceDefinition,
        _ body: @Sendable (AuthorizingTestClient, TestKafka) async throws -> Result
    ) async throws -> Result {
        try await run(definition) { client, kafka, _ in try await body(client, kafka) }
    }

    /// The same, with the service's database, to see what was written (its pool runs meanwhile).
    public static func run<Result: Sendable>(
        _ definition: ServiceDefinition,
        _ body: @Sendable (AuthorizingTestClient, TestKafka, TestDatabase) async throws -> Result
    ) async throws -> Result {
        let kafka = try TestKafka()
        let database: TestDatabase
        do { database = try await TestDatabase.create(definition.domain.rawValue) } catch { throw HarnessError(underlying: String(reflecting: error)) }
        let result: Result
        do {
            let app = try await ServiceRuntime.buildApplication(
                definition, settings: settings(definition.domain, database: database, kafka: kafka))
            result = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.client.run() }
                defer { group.cancelAll() }
                return try await app.liveTest { client in try await body(client, kafka, database) }
            }
        } catch {
            try? await database.drop()
            throw HarnessError(underlying: String(reflecting: error))  // PSQLError hides its details otherwise
        }
        do { try await database.drop() } catch { throw HarnessError(underlying: "dropping the test database: \(String(reflecting: error))") }
        return result
    }
}
