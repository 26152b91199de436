import Contracts
import Logging
import Persistence
import PostgresNIO

/// What a service's command-line tools (seed, benchmarks) need: the service's database,
/// migrated, and the same dependencies routes get, without the HTTP server or Kafka. Events the
/// tool writes stay in the outbox until the running service's relay publishes them.
public enum StandaloneTool {
    public static func run<Result: Sendable>(
        _ domain: Domain, migrations: [Migration], label: String,
        _ body: @Sendable (ServiceDependencies) async throws -> Result
    ) async throws -> Result {
        let settings = try ServiceSettings(domain: domain)
        var logger = Logger(label: label)
        logger.logLevel = .warning
        // The pool's own log at error level: the tool's first lease races `client.run()` starting in the
        // task group, and postgres-nio warns about that race although the lease just waits for it.
        var poolLogger = logger
        poolLogger.logLevel = .error
        let client = PostgresClient(configuration: settings.database.clientConfiguration, backgroundLogger: poolLogger)
        let dependencies = ServiceDependencies(domain: domain, database: client,
                                               personRefKey: try PersonRefKey(hex: settings.personRefKeyHex), logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            try await Migrator(client: client, logger: logger).migrate([
                (PlatformMigrations.scope, PlatformMigrations.all), (domain.rawValue, migrations),
            ])
            return try await body(dependencies)
        }
    }
}
