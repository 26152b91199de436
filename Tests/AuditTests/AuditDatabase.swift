import Audit
import Logging
import Persistence
import PostgresNIO
import TestSupport

/// A scratch database with the audit table, and the owner's ways around its protections that a
/// tampering test needs.
enum AuditDatabase {
    static let logger = Logger(label: "test.audit")

    /// Runs `body` on a fresh database with the audit migrations applied.
    static func with<T: Sendable>(_ label: String, _ body: @Sendable (TestDatabase) async throws -> T) async throws -> T {
        try await TestDatabase.with(label, logger: logger) { database in
            try await Migrator(client: database.client, logger: logger).migrate([("service", AuditMigrations.all)])
            return try await body(database)
        }
    }

    static func entry(_ index: Int, subject: String = "officer-7", tokenRegion: String = "620423100",
                      personRefs: [String]? = nil) -> AuditEntry {
        AuditEntry(subject: subject, roles: ["intake", "reviewer"], tokenRegion: tokenRegion, requestID: "request-\(index)",
                   method: "GET", route: "/cases/{id}", status: 200, personRefs: personRefs ?? ["person-\(index)"],
                   recordIDs: ["case-\(index)"])
    }

    /// Appends `count` entries one after another and returns the stored rows.
    @discardableResult
    static func append(_ count: Int, to database: TestDatabase) async throws -> [AuditRecord] {
        var records: [AuditRecord] = []
        for index in 1...count {
            records.append(try await AuditLog.append(entry(index), client: database.client, logger: logger))
        }
        return records
    }

    /// What an owner bent on tampering does: grants itself UPDATE and DELETE back and switches the
    /// refusing trigger off, runs `statement`, and puts both back.
    static func tamper(_ database: TestDatabase, _ statement: String) async throws {
        for sql in [
            "GRANT UPDATE, DELETE ON audit_log TO CURRENT_USER",
            "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
            statement,
            "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only",
            "REVOKE UPDATE, DELETE ON audit_log FROM CURRENT_USER",
        ] {
            try await database.client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }

    /// Runs `sql` and returns PostgreSQL's SQLSTATE and message if it fails (nil if it succeeds).
    static func refusal(_ sql: String, on database: TestDatabase) async -> (state: String, message: String)? {
        do {
            try await database.client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            return nil
        } catch let error as PSQLError {
            return (error.serverInfo?[.sqlState] ?? "", error.serverInfo?[.message] ?? "\(error.code)")
        } catch {
            return ("", "\(error)")
        }
    }

    static func count(_ database: TestDatabase, _ sql: String = "SELECT count(*) FROM audit_log") async throws -> Int {
        var count = -1
        for try await value in try await database.client.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(Int.self) {
            count = value
        }
        return count
    }
}
