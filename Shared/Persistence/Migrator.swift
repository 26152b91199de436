import Logging
import PostgresNIO

/// Applies versioned migrations at start and records them with checksums.
///
/// Migrations are grouped in scopes, each with its own versions: `platform` (outbox, inbox)
/// is shared by every service, a shared schema such as `journal` by the services that
/// include it, and each service has its own scope. An advisory lock makes concurrent
/// replicas apply them one at a time.
public struct Migrator: Sendable {
    public let client: PostgresClient
    public let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Applies every pending migration of each scope, in order. Throws `MigrationError` on drift.
    ///
    /// Migrations are listed under the scope they are applied with; one that names a scope of its
    /// own counts in that scope instead (see `Migration.scope`, and `scoped(_:)` for the order).
    public func migrate(_ scopes: [(scope: String, migrations: [Migration])]) async throws {
        try await client.transaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    scope text NOT NULL,
                    version integer NOT NULL,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (scope, version)
                )
                """, logger: logger)
            for (scope, migrations) in Self.scoped(scopes) {
                try await apply(scope: scope, migrations: migrations, on: connection)
            }
        }
    }

    /// The migrations by the scope they count in. Scopes keep the order of the list, and the
    /// shared scopes a list includes come before the scope it is listed under, so a service's
    /// own migrations may build on a shared schema's tables. A listed scope is kept even when
    /// empty, so versions the database has and this build lacks are still reported.
    static func scoped(_ scopes: [(scope: String, migrations: [Migration])]) -> [(scope: String, migrations: [Migration])] {
        var order: [String] = []
        var byScope: [String: [Migration]] = [:]
        func add(_ scope: String, _ migrations: [Migration]) {
            if byScope[scope] == nil { order.append(scope) }
            byScope[scope, default: []] += migrations
        }
        for (listed, migrations) in scopes {
            for migration in migrations {
                if let shared = migration.scope, shared != listed { add(shared, [migration]) }
            }
            add(listed, migrations.filter { $0.scope == nil || $0.scope == listed })
        }
        return order.map { ($0, byScope[$0] ?? []) }
    }

    private func apply(scope: String, migrations: [Migration], on connection: PostgresConnection) async throws {
        var known: [Int: Migration] = [:]
        for migration in migrations {
            guard known.updateValue(migration, forKey: migration.version) == nil else {
                throw MigrationError.duplicateVersion(scope: scope, version: migration.version)
            }
        }
        var applied: [Int: String] = [:]
        let rows = try await connection.query(
            "SELECT version, checksum FROM schema_migrations WHERE scope = \(scope)", logger: logger)
        for try await (version, checksum) in rows.decode((Int, String).self) {
            applied[version] = checksum
        }
        for (version, recorded) in applied {
            guard let migration = known[version] else {
                throw MigrationError.unknownAppliedVersion(scope: scope, version: version)
            }
            if migration.checksum != recorded {
                throw MigrationError.checksumMismatch(
                    scope: scope, version: version, name: migration.name, recorded: recorded, current: migration.checksum)
            }
        }
        for migration in migrations.sorted(by: { $0.version < $1.version }) where applied[migration.version] == nil {
            for statement in migration.statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.query("""
                INSERT INTO schema_migrations (scope, version, name, checksum)
                VALUES (\(scope), \(migration.version), \(migration.name), \(migration.checksum))
                """, logger: logger)
            logger.info("applied migration", metadata: ["scope": "\(scope)", "version": "\(migration.version)", "name": "\(migration.name)"])
        }
    }

    /// An arbitrary constant shared by every replica of every service (each has its own database).
    static let lockKey: Int64 = 0x63_69_76_69_6c_6d_69_67  // "civilmig"
}
