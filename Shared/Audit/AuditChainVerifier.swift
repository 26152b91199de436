import Logging
import PostgresNIO

/// Recomputes a service's audit chain: reads every row in sequence order, a batch at a time
/// (a cursor on the sequence, so memory stays flat however long the log), and checks sequence
/// continuity, each `previous_hash` and each `hash` (SHA-256 in Swift over `AuditCanonicalForm`).
///
/// Rows appended while it runs are checked too if it reaches them. An uncommitted append cannot be
/// stepped over: it holds the chain's lock and the highest number until it ends.
public enum AuditChainVerifier {
    public static let defaultBatchSize = 1_000

    public static func verify(client: PostgresClient, logger: Logger, batchSize: Int = defaultBatchSize) async throws -> AuditChainReport {
        var walk = AuditChainWalk()
        var after: Int64 = .min
        while true {
            let batch = try await AuditRecord.decode(client.query("""
                SELECT \(unescaped: AuditRecord.selectList) FROM audit_log
                 WHERE sequence > \(after) ORDER BY sequence LIMIT \(max(batchSize, 1))
                """, logger: logger))
            for record in batch { walk.check(record) }
            guard let last = batch.last, batch.count >= batchSize else { break }
            after = last.sequence
        }
        logger.debug("audit chain verified", metadata: ["rows": "\(walk.rowsChecked)", "intact": "\(walk.firstBreak == nil)"])
        return walk.report
    }
}
