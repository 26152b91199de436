import Audit
import Foundation
import Synchronization
import TestKit
import Testing
import TestSupport

@Suite("Audit log: the hash chain's verification", .tags(.postgres))
struct AuditChainVerifierTests {
    static func verify(_ database: TestDatabase) async throws -> AuditChainReport {
        // A small batch, so the cursor crosses batch boundaries around the tampered rows.
        try await AuditChainVerifier.verify(client: database.client, logger: AuditDatabase.logger, batchSize: 7)
    }

    @Test("an edited row is found at its sequence")
    func editedRow() async throws {
        try await AuditDatabase.with("auditedit") { database in
            try await AuditDatabase.append(30, to: database)
            try await AuditDatabase.tamper(database, "UPDATE audit_log SET person_refs = '{person-99}' WHERE sequence = 17")
            let report = try await Self.verify(database)
            #expect(report.firstBreak == AuditChainBreak(sequence: 17, reason: .hashMismatch))
            #expect(report.rowsChecked == 30)
            #expect(report.summary == "audit log: chain broken at sequence 17: hash does not match (row edited)")
        }
    }

    @Test("an edit of the time alone is found too")
    func editedTime() async throws {
        try await AuditDatabase.with("auditedittime") { database in
            try await AuditDatabase.append(5, to: database)
            try await AuditDatabase.tamper(database, "UPDATE audit_log SET at = at - interval '1 microsecond' WHERE sequence = 4")
            let report = try await Self.verify(database)
            #expect(report.firstBreak == AuditChainBreak(sequence: 4, reason: .hashMismatch))
        }
    }

    @Test("a deleted row is found as a missing sequence number")
    func deletedRow() async throws {
        try await AuditDatabase.with("auditdelete") { database in
            try await AuditDatabase.append(30, to: database)
            try await AuditDatabase.tamper(database, "DELETE FROM audit_log WHERE sequence = 17")
            let report = try await Self.verify(database)
            #expect(report.firstBreak == AuditChainBreak(sequence: 18, reason: .missingSequences(from: 17, through: 17)))
            #expect(report.rowsChecked == 29)
            #expect(report.summary == "audit log: chain broken at sequence 18: sequence 17 missing (row deleted)")
        }
    }

    @Test("deleted first rows are found")
    func deletedFirstRows() async throws {
        try await AuditDatabase.with("auditdeletefirst") { database in
            try await AuditDatabase.append(10, to: database)
            try await AuditDatabase.tamper(database, "DELETE FROM audit_log WHERE sequence <= 3")
            let report = try await Self.verify(database)
            #expect(report.firstBreak == AuditChainBreak(sequence: 4, reason: .missingSequences(from: 1, through: 3)))
            #expect(report.summary == "audit log: chain broken at sequence 4: sequences 1–3 missing (rows deleted)")
        }
    }

    @Test("a deletion hidden by renumbering the rows after it is found by the previous hash")
    func renumbered() async throws {
        try await AuditDatabase.with("auditrenumber") { database in
            try await AuditDatabase.append(30, to: database)
            try await AuditDatabase.tamper(database, "DELETE FROM audit_log WHERE sequence = 17")
            // Out of the way first: the primary key is checked row by row.
            try await AuditDatabase.tamper(database, "UPDATE audit_log SET sequence = sequence + 1000000 WHERE sequence > 17")
            try await AuditDatabase.tamper(database, "UPDATE audit_log SET sequence = sequence - 1000001 WHERE sequence > 1000000")
            let report = try await Self.verify(database)
            #expect(report.firstBreak == AuditChainBreak(sequence: 17, reason: .previousHashMismatch))
            #expect(report.rowsChecked == 29)
        }
    }

    @Test("the command's line and exit status")
    func command() async throws {
        try await AuditDatabase.with("auditcommand") { database in
            let lines = Mutex<[String]>([])
            let write: @Sendable (String) -> Void = { line in lines.withLock { $0.append(line) } }
            try await AuditDatabase.append(3, to: database)
            let intact = await AuditChainVerifier.runCommand(client: database.client, logger: AuditDatabase.logger, write: write)
            #expect(intact == .intact)
            #expect(lines.withLock { $0.first } == "audit log: 3 rows, chain intact")
            #expect(lines.withLock { $0.last?.hasPrefix("head: sequence 3, hash ") } == true)

            lines.withLock { $0 = [] }
            try await AuditDatabase.tamper(database, "UPDATE audit_log SET status = 404 WHERE sequence = 2")
            let broken = await AuditChainVerifier.runCommand(client: database.client, logger: AuditDatabase.logger, write: write)
            #expect(broken == .broken)
            #expect(broken.rawValue == 1)
            #expect(lines.withLock { $0.first } == "audit log: chain broken at sequence 2: hash does not match (row edited)")

            lines.withLock { $0 = [] }
            try await database.client.query("ALTER TABLE audit_log RENAME TO audit_log_moved", logger: AuditDatabase.logger)
            let unverified = await AuditChainVerifier.runCommand(client: database.client, logger: AuditDatabase.logger, write: write)
            #expect(unverified == .unverified)
            #expect(lines.withLock { $0 } == [#"audit log: cannot verify: relation "audit_log" does not exist"#])
        }
    }
}
