import Foundation
import Logging
import Persistence
import PostgresNIO

/// A fresh PostgreSQL database per test, on the server `scripts/test` starts.
///
/// The server comes from `CIVIL_TEST_PG_HOST/PORT/USER/PASSWORD`; the role must be
/// allowed to create databases. Call `drop()` when done (or leave it: names are unique).
public struct TestDatabase: Sendable {
    public let configuration: DatabaseConfiguration
    public let client: PostgresClient

    public static var server: DatabaseConfiguration {
        let env = ProcessInfo.processInfo.environment
        return DatabaseConfiguration(
            host: env["CIVIL_TEST_PG_HOST"] ?? "127.0.0.1",
            port: env["CIVIL_TEST_PG_PORT"].flatMap(Int.init) ?? 5432,
            username: env["CIVIL_TEST_PG_USER"] ?? "civil",
            password: env["CIVIL_TEST_PG_PASSWORD"] ?? "civil",
            database: "postgres",
            maximumConnections: 4
        )
    }

    /// Creates an empty database named after `label`, and a client for it (not yet running).
    public static func create(_ label: String, logger: Logger = Logger(label: "test.db")) async throws -> TestDatabase {
        let name = "t_\(label.lowercased().filter { $0.isLetter || $0.isNumber })_\(UUID().uuidString.prefix(8).lowercased())"
        try await withAdmin(logger: logger) { admin in
            try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        var configuration = server
        configuration.database = name
        configuration.maximumConnections = 8
        return TestDatabase(
            configuration: configuration,
            client: PostgresClient(configuration: configuration.clientConfiguration, backgroundLogger: logger))
    }

    /// Drops the database, ending its connections. An autovacuum worker that just started on it
    /// cannot be terminated by a non-superuser (42501), so a refused drop is tried again a few
    /// times, by which point the worker has finished.
    public func drop(logger: Logger = Logger(label: "test.db")) async throws {
        var attempt = 1
        while true {
            do {
                try await Self.withAdmin(logger: logger) { admin in
                    try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(configuration.database) WITH (FORCE)"),
                                          logger: logger)
                }
                return
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42501" && attempt < 10 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(300))
            }
        }
    }

    public static func withAdmin(logger: Logger, _ body: @Sendable (PostgresConnection) async throws -> Void) async throws {
        let server = Self.server
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: server.host, port: server.port, username: server.username,
                                 password: server.password, database: server.database, tls: .disable),
            id: 1, logger: logger)
        do {
            try await body(connection)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// Runs `body` with the client's pool running, then shuts the pool down and drops the database.
    public static func with<T: Sendable>(
        _ label: String, logger: Logger = Logger(label: "test.db"),
        _ body: @Sendable (TestDatabase) async throws -> T
    ) async throws -> T {
        let database = try await create(label, logger: logger)
        let result: Result<T, any Error> = await withTaskGroup(of: Void.self) { group in
            group.addTask { await database.client.run() }
            let result: Result<T, any Error>
            do { result = .success(try await body(database)) } catch { result = .failure(error) }
            group.cancelAll()
            return result
        }
        try? await database.drop(logger: logger)
        return try result.get()
    }
}
