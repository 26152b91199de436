import Audit
import Foundation
import Persistence
import PostgresNIO
import TestKit
import Testing
import TestSupport

@Suite("Audit log: appending and reading", .tags(.postgres))
struct AuditLogTests {
    @Test("an appended entry reads back as written, first in a chain that starts from zeros")
    func appendAndReadBack() async throws {
        try await AuditDatabase.with("auditappend") { database in
            let entry = AuditEntry(
                subject: "张三\nroles: admin", roles: ["registrar", "auditor"], tokenRegion: "620423100", requestID: "req-1",
                method: "GET", route: "/persons/{id}", status: 200, personRefs: ["p:1", "p:2", ""], recordIDs: [])
            let before = Date()
            let stored = try await AuditLog.append(entry, client: database.client, logger: AuditDatabase.logger)
            let read = try await AuditLog.entries(AuditQuery(), client: database.client, logger: AuditDatabase.logger)
            #expect(read == [stored])
            #expect(stored.entry == entry)
            #expect(stored.sequence == 1)
            #expect(stored.previousHash == Data(repeating: 0, count: 32))
            #expect(stored.hash.count == 32)
            #expect(abs(stored.at.timeIntervalSince(before)) < 5)
            let report = try await AuditChainVerifier.verify(client: database.client, logger: AuditDatabase.logger)
            #expect(report.summary == "audit log: 1 row, chain intact")
            #expect(report.headHash == stored.hash)
        }
    }

    @Test("200 appends from 8 concurrent tasks chain in one gap-free sequence")
    func concurrentAppends() async throws {
        try await AuditDatabase.with("auditconcurrent") { database in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        for index in 0..<25 {
                            try await AuditLog.append(AuditDatabase.entry(task * 100 + index), client: database.client,
                                                      logger: AuditDatabase.logger)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let report = try await AuditChainVerifier.verify(client: database.client, logger: AuditDatabase.logger, batchSize: 64)
            #expect(report.firstBreak == nil)
            #expect(report.rowsChecked == 200)
            #expect(report.headSequence == 200)
            #expect(report.summary == "audit log: 200 rows, chain intact")
            let distinctRequests = try await AuditDatabase.count(database, "SELECT count(DISTINCT request_id) FROM audit_log")
            #expect(distinctRequests == 200)
        }
    }

    @Test("a rolled-back append leaves no gap in the sequence")
    func rolledBackAppend() async throws {
        try await AuditDatabase.with("auditrollback") { database in
            try await AuditDatabase.append(2, to: database)
            struct Abandon: Error {}
            await #expect(throws: Abandon.self) {
                try await database.client.transaction(logger: AuditDatabase.logger) { connection in
                    let record = try await AuditLog.append(AuditDatabase.entry(3), on: connection, logger: AuditDatabase.logger)
                    #expect(record.sequence == 3)
                    throw Abandon()
                }
            }
            let next = try await AuditLog.append(AuditDatabase.entry(4), client: database.client, logger: AuditDatabase.logger)
            #expect(next.sequence == 3)
            let report = try await AuditChainVerifier.verify(client: database.client, logger: AuditDatabase.logger)
            #expect(report.firstBreak == nil)
            #expect(report.rowsChecked == 3)
        }
    }

    @Test("an append from a REPEATABLE READ snapshot older than the last row fails instead of forking the chain")
    func staleSnapshot() async throws {
        try await AuditDatabase.with("auditstale") { database in
            try await AuditDatabase.append(2, to: database)
            let refusal: String? = try await database.client.withConnection { connection in
                try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ", logger: AuditDatabase.logger)
                try await connection.query("SELECT count(*) FROM audit_log", logger: AuditDatabase.logger)  // the snapshot
                try await AuditLog.append(AuditDatabase.entry(3), client: database.client, logger: AuditDatabase.logger)
                do {
                    try await AuditLog.append(AuditDatabase.entry(4), on: connection, logger: AuditDatabase.logger)
                    try await connection.query("ROLLBACK", logger: AuditDatabase.logger)
                    return nil
                } catch let error as PSQLError {
                    try await connection.query("ROLLBACK", logger: AuditDatabase.logger)
                    return error.serverInfo?[.sqlState]
                }
            }
            #expect(refusal == "23505")  // unique_violation on the sequence
            let report = try await AuditChainVerifier.verify(client: database.client, logger: AuditDatabase.logger)
            #expect(report.firstBreak == nil)
            #expect(report.rowsChecked == 3)
        }
    }

    @Test("entries filter by person, subject, time range and region prefix, and page by sequence")
    func filters() async throws {
        try await AuditDatabase.with("auditfilter") { database in
            let client = database.client, logger = AuditDatabase.logger
            let plan: [(subject: String, region: String, persons: [String])] = [
                ("officer-1", "620423100", ["p-a"]),         // 1: township officer
                ("officer-1", "620423100", ["p-a", "p-b"]),  // 2
                ("officer-2", "620423", ["p-b"]),            // 3: county
                ("officer-3", "620502", ["p-c"]),            // 4: another county of the city
                ("officer-2", "620423", []),                 // 5
                ("officer-4", "6205", ["p-a"]),              // 6: city
            ]
            var records: [AuditRecord] = []
            for (index, row) in plan.enumerated() {
                records.append(try await AuditLog.append(
                    AuditDatabase.entry(index + 1, subject: row.subject, tokenRegion: row.region, personRefs: row.persons),
                    client: client, logger: logger))
                try await Task.sleep(for: .milliseconds(2))  // distinct instants to put the time bounds between
            }
            func sequences(_ query: AuditQuery) async throws -> [Int64] {
                try await AuditLog.entries(query, client: client, logger: logger).map(\.sequence)
            }
            /// Halfway between two rows' instants, so rounding to microseconds cannot move a bound past a row.
            func between(_ earlier: Int, _ later: Int) -> Date {
                Date(timeIntervalSince1970: (records[earlier].at.timeIntervalSince1970 + records[later].at.timeIntervalSince1970) / 2)
            }

            #expect(try await sequences(AuditQuery(person: "p-a")) == [1, 2, 6])
            #expect(try await sequences(AuditQuery(person: "p-b")) == [2, 3])
            #expect(try await sequences(AuditQuery(person: "p-none")) == [])
            #expect(try await sequences(AuditQuery(subject: "officer-2")) == [3, 5])
            #expect(try await sequences(AuditQuery(from: between(1, 2), to: between(3, 4))) == [3, 4])
            #expect(try await sequences(AuditQuery(from: between(3, 4))) == [5, 6])
            #expect(try await sequences(AuditQuery(to: between(0, 1))) == [1])
            #expect(try await sequences(AuditQuery(regionPrefix: "620423")) == [1, 2, 3, 5])
            #expect(try await sequences(AuditQuery(regionPrefix: "6205")) == [4, 6])
            #expect(try await sequences(AuditQuery(regionPrefix: "62")) == [1, 2, 3, 4, 5, 6])
            #expect(try await sequences(AuditQuery(regionPrefix: "6204%")) == [])  // a prefix, not a pattern
            #expect(try await sequences(AuditQuery(person: "p-a", subject: "officer-1", regionPrefix: "620423")) == [1, 2])
            #expect(try await sequences(AuditQuery(limit: 2)) == [1, 2])
            #expect(try await sequences(AuditQuery(afterSequence: 2, limit: 2)) == [3, 4])
            #expect(try await sequences(AuditQuery(newestFirst: true, limit: 2)) == [6, 5])
            #expect(try await sequences(AuditQuery(beforeSequence: 5, newestFirst: true, limit: 2)) == [4, 3])
            #expect(try await sequences(AuditQuery(afterSequence: 1, beforeSequence: 4)) == [2, 3])
            #expect(AuditQuery(limit: 100_000).effectiveLimit == 5_000)
            #expect(AuditQuery(limit: 0).effectiveLimit == 1)
        }
    }
}
