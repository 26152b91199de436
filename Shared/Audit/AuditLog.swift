import Foundation
import Logging
import PostgresNIO

/// Writing and reading a service's audit log (the table `AuditMigrations` creates).
public enum AuditLog {
    /// Appends one row: one INSERT, one round trip, committed on return. The trigger assigns the
    /// sequence, time and hashes; the stored row is returned.
    @discardableResult
    public static func append(_ entry: AuditEntry, client: PostgresClient, logger: Logger) async throws -> AuditRecord {
        try await single(client.query(insert(entry), logger: logger))
    }

    /// Appends one row inside the caller's transaction, so the row commits (or not) with the write
    /// it records. The chain's lock is then held until that transaction ends: appends of other
    /// requests wait for it, so keep such transactions short.
    @discardableResult
    public static func append(_ entry: AuditEntry, on connection: PostgresConnection, logger: Logger) async throws -> AuditRecord {
        try await single(connection.query(insert(entry), logger: logger))
    }

    /// The rows `query` selects, in sequence order (oldest first unless `newestFirst`).
    public static func entries(_ query: AuditQuery, client: PostgresClient, logger: Logger) async throws -> [AuditRecord] {
        try await AuditRecord.decode(client.query(select(query), logger: logger))
    }

    static func insert(_ entry: AuditEntry) -> PostgresQuery {
        """
        INSERT INTO audit_log (subject, roles, token_region, request_id, method, route, status, person_refs, record_ids)
        VALUES (\(entry.subject), \(entry.roles), \(entry.tokenRegion), \(entry.requestID), \(entry.method), \
        \(entry.route), \(entry.status), \(entry.personRefs), \(entry.recordIDs))
        RETURNING \(unescaped: AuditRecord.selectList)
        """
    }

    static func select(_ query: AuditQuery) -> PostgresQuery {
        var bindings = PostgresBindings()
        var conditions: [String] = []
        func condition(_ make: (String) -> String, _ value: some PostgresDynamicTypeEncodable) {
            bindings.append(value)
            conditions.append(make("$\(bindings.count)"))
        }
        if let person = query.person { condition({ "person_refs @> \($0)" }, [person]) }
        if let subject = query.subject { condition({ "subject = \($0)" }, subject) }
        if let from = query.from { condition({ "at >= \($0)" }, from) }
        if let to = query.to { condition({ "at < \($0)" }, to) }
        if let prefix = query.regionPrefix { condition({ "starts_with(token_region, \($0))" }, prefix) }
        if let after = query.afterSequence { condition({ "sequence > \($0)" }, after) }
        if let before = query.beforeSequence { condition({ "sequence < \($0)" }, before) }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let order = query.newestFirst ? "DESC" : "ASC"
        return PostgresQuery(
            unsafeSQL: "SELECT \(AuditRecord.selectList) FROM audit_log\(filter) ORDER BY sequence \(order) LIMIT \(query.effectiveLimit)",
            binds: bindings)
    }

    private static func single(_ rows: PostgresRowSequence) async throws -> AuditRecord {
        guard let record = try await AuditRecord.decode(rows).first else {
            throw AuditLogError.noRowReturned
        }
        return record
    }
}
