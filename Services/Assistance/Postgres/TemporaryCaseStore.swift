import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// `temporary_cases`: 临时救助 cases from report to review.
enum TemporaryCaseStore {
    static func insert(id: UUID, need: TemporaryNeed, person: PersonRef, region: RegionCode, township: RegionCode, description: String,
                       reportedAt: Date, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO temporary_cases (id, kind, person_ref, region, township, description, reported_at)
            VALUES (\(id), \(need.kind.rawValue), \(person.rawValue), \(region.rawValue), \(township.rawValue), \(description), \(reportedAt))
            """, logger: logger)
    }

    /// The region a case is judged by for region scope: the township that took the report (its
    /// reserve advances the money; the county above reviews). Nil when there is no such case.
    static func region(of id: UUID, in database: PostgresClient, logger: Logger) async throws -> RegionCode? {
        let rows = try await database.query("SELECT township FROM temporary_cases WHERE id = \(id)", logger: logger)
        for try await township in rows.decode(String.self) { return try RegionCode(township) }
        return nil
    }

    /// Refuses `temporary-assistance.not-found` (404); `forUpdate` locks the case for the rest of the transaction.
    static func load(_ id: UUID, forUpdate: Bool, on connection: PostgresConnection, logger: Logger) async throws -> TemporaryCase {
        let rows = try await connection.query("""
            SELECT kind, person_ref, region, township, status, reported_at, advanced_at, advance_fen
            FROM temporary_cases WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)
        for try await row in rows.decode((String, String, String, String, String, Date, Date?, Int64?).self) {
            let region = try RegionCode(row.2)
            guard let kind = TemporaryAssistanceKind(rawValue: row.0) else { throw StoredValueError(column: "temporary_cases.kind", value: row.0) }
            guard let status = TemporaryCase.Status(rawValue: row.4) else {
                throw StoredValueError(column: "temporary_cases.status", value: row.4)
            }
            return TemporaryCase(id: id, need: kind == .urgent ? .urgent(emergencyRegion: region) : .expenditure,
                                 person: try PersonRef(rawValue: row.1), region: region, township: try RegionCode(row.3), status: status,
                                 reportedAt: row.5, advancedAt: row.6, advance: row.7.map { Money(fen: $0) })
        }
        throw RuleViolation("temporary-assistance.not-found", "no temporary-assistance case \(id)", kind: .notFound)
    }

    /// Records the advance; `breach` marks the 24-hour target as missed (once: the sweep does not count it again).
    static func markAdvanced(_ id: UUID, at advancedAt: Date, amount: Money, breach: Bool, on connection: PostgresConnection,
                             logger: Logger) async throws {
        try await connection.query("""
            UPDATE temporary_cases SET status = 'advanced', advanced_at = \(advancedAt), advance_fen = \(amount.fen),
                breach_reported = breach_reported OR \(breach)
            WHERE id = \(id)
            """, logger: logger)
    }

    static func markReviewed(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("UPDATE temporary_cases SET status = 'reviewed' WHERE id = \(id)", logger: logger)
    }

    /// An urgent case found not advanced in time.
    struct LateAdvance: Sendable {
        var id: UUID
        var person: PersonRef
        var region: RegionCode
        var township: RegionCode
        var reportedAt: Date
    }

    /// Urgent cases reported before `cutoff` and still not advanced, not counted before: marks
    /// them counted and returns them (each case once, ever: the flag is what keeps it so).
    static func flagLateAdvances(reportedBefore cutoff: Date, on connection: PostgresConnection, logger: Logger) async throws -> [LateAdvance] {
        let rows = try await connection.query("""
            UPDATE temporary_cases SET breach_reported = true
            WHERE kind = 'urgent' AND advanced_at IS NULL AND status = 'reported' AND reported_at < \(cutoff) AND NOT breach_reported
            RETURNING id, person_ref, region, township, reported_at
            """, logger: logger)
        var flagged: [LateAdvance] = []
        for try await (id, person, region, township, reportedAt) in rows.decode((UUID, String, String, String, Date).self) {
            flagged.append(LateAdvance(id: id, person: try PersonRef(rawValue: person), region: try RegionCode(region),
                                       township: try RegionCode(township), reportedAt: reportedAt))
        }
        return flagged.sorted { ($0.reportedAt, $0.id.uuidString) < ($1.reportedAt, $1.id.uuidString) }
    }

    /// Urgent cases reported before `cutoff` and still not advanced.
    static func overdueAdvances(reportedBefore cutoff: Date, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await connection.query("""
            SELECT count(*)::int FROM temporary_cases
            WHERE kind = 'urgent' AND advanced_at IS NULL AND status = 'reported' AND reported_at < \(cutoff)
            """, logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
