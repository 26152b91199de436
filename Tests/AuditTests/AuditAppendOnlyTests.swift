import Audit
import PostgresNIO
import TestKit
import Testing
import TestSupport

@Suite("Audit log: append-only", .tags(.postgres))
struct AuditAppendOnlyTests {
    static let changes = [
        "UPDATE audit_log SET subject = 'someone-else' WHERE sequence = 2",
        "DELETE FROM audit_log WHERE sequence = 2",
        "TRUNCATE audit_log",
    ]

    @Test("UPDATE, DELETE and TRUNCATE are refused by the grants", arguments: changes)
    func refusedByGrants(_ change: String) async throws {
        try await AuditDatabase.with("auditgrants") { database in
            try await AuditDatabase.append(3, to: database)
            let refusal = await AuditDatabase.refusal(change, on: database)
            #expect(refusal?.state == "42501")
            #expect(refusal?.message == "permission denied for table audit_log")
            #expect(try await AuditDatabase.count(database) == 3)
        }
    }

    @Test("with the grants taken back by the owner, the triggers still refuse", arguments: changes)
    func refusedByTriggers(_ change: String) async throws {
        try await AuditDatabase.with("audittriggers") { database in
            try await AuditDatabase.append(3, to: database)
            try await database.client.query("GRANT UPDATE, DELETE, TRUNCATE ON audit_log TO CURRENT_USER", logger: AuditDatabase.logger)
            let refusal = await AuditDatabase.refusal(change, on: database)
            let operation = change.split(separator: " ")[0]
            #expect(refusal?.state == "42501")
            #expect(refusal?.message == "audit_log is append-only: \(operation) refused")
            #expect(try await AuditDatabase.count(database) == 3)
            let report = try await AuditChainVerifier.verify(client: database.client, logger: AuditDatabase.logger)
            #expect(report.firstBreak == nil)
        }
    }

    @Test("values an INSERT supplies for the chain's columns are replaced by the trigger's")
    func chainColumnsAreTheTriggers() async throws {
        try await AuditDatabase.with("auditforge") { database in
            try await AuditDatabase.append(2, to: database)
            try await database.client.query("""
                INSERT INTO audit_log (sequence, at, subject, roles, token_region, request_id, method, route, status,
                                       person_refs, record_ids, previous_hash, hash)
                VALUES (1000, '2000-01-01', 'forger', '{}', '62', 'r', 'GET', '/x', 200, '{}', '{}', '\\x00', '\\x00')
                """, logger: AuditDatabase.logger)
            let rows = try await AuditLog.entries(AuditQuery(subject: "forger"), client: database.client, logger: AuditDatabase.logger)
            #expect(rows.map(\.sequence) == [3])
            #expect(rows.first.map { $0.at.timeIntervalSince1970 > 946_684_800 } == true)
            let report = try await AuditChainVerifier.verify(client: database.client, logger: AuditDatabase.logger)
            #expect(report.firstBreak == nil)
            #expect(report.rowsChecked == 3)
        }
    }
}
