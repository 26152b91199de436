import Audit
import Logging
import Persistence
import PostgresNIO
import TestSupport

/// What the audit write adds per request: `AuditLog.append` (one INSERT whose trigger takes the
/// chain's lock, reads the last row and hashes the new one) against a plain INSERT of the same row,
/// with the same RETURNING list, into a table with the same columns and indexes but no trigger and
/// an identity key. Appends go one after another on the pool, as one request after another would.
enum AuditAppend {
    struct Latencies {
        var p50: Double
        var p99: Double
        var mean: Double
    }

    struct Result {
        var chained: Latencies
        var plain: Latencies
        /// Appends per second with `writers` concurrent writers: the chain's lock serialises them.
        var chainedRate: Double
        var plainRate: Double
        /// Microseconds per row with every row of a round in one transaction: no commit per row, so
        /// what is left is the statement itself (for the chain: lock, last row, canonical text, SHA-256).
        var chainedInTransaction: Double
        var plainInTransaction: Double
    }

    static let plainTable = [
        """
        CREATE TABLE audit_plain (
            sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL DEFAULT clock_timestamp(),
            subject text NOT NULL, roles text[] NOT NULL, token_region text NOT NULL, request_id text NOT NULL,
            method text NOT NULL, route text NOT NULL, status integer NOT NULL,
            person_refs text[] NOT NULL, record_ids text[] NOT NULL,
            previous_hash bytea NOT NULL DEFAULT '', hash bytea NOT NULL DEFAULT ''
        )
        """,
        "CREATE INDEX audit_plain_person_refs ON audit_plain USING gin (person_refs)",
        "CREATE INDEX audit_plain_at ON audit_plain (at)",
        "CREATE INDEX audit_plain_subject ON audit_plain (subject)",
    ]

    static func entry(_ index: Int) -> AuditEntry {
        AuditEntry(subject: "officer-\(index % 50)", roles: ["intake", "reviewer"], tokenRegion: "620423100",
                   requestID: "request-\(index)", method: "GET", route: "/households/{id}", status: 200,
                   personRefs: ["person-\(index % 10_000)", "person-\(index % 7_000 + 10_000)"], recordIDs: ["household-\(index)"])
    }

    static func run(appends: Int, writers: Int, logger: Logger) async throws -> Result {
        try await TestDatabase.with("benchaudit", logger: logger) { database in
            try await Migrator(client: database.client, logger: logger).migrate([
                ("bench", AuditMigrations.all + [Migration(version: 1, name: "audit_plain", statements: plainTable)]),
            ])
            let client = database.client
            let chained: @Sendable (Int) async throws -> Void = { index in
                try await AuditLog.append(entry(index), client: client, logger: logger)
            }
            let plain: @Sendable (Int) async throws -> Void = { index in
                try await plainInsert(entry(index), client: client, logger: logger)
            }
            // Warm-up (connections, caches), then alternating rounds so drift hits both sides.
            _ = try await sequential(500, chained)
            _ = try await sequential(500, plain)
            var chainedSamples: [Double] = [], plainSamples: [Double] = []
            let rounds = 4
            for _ in 0..<rounds {
                chainedSamples += try await sequential(appends / rounds, chained)
                plainSamples += try await sequential(appends / rounds, plain)
            }
            let chainedRate = try await callsPerSecond(appends, writers: writers, chained)
            let plainRate = try await callsPerSecond(appends, writers: writers, plain)
            var chainedInTransaction = Double.infinity, plainInTransaction = Double.infinity
            for _ in 0..<rounds {
                chainedInTransaction = min(chainedInTransaction, try await inOneTransaction(appends / rounds, client: client, logger: logger) {
                    try await AuditLog.append(entry($1), on: $0, logger: logger)
                })
                plainInTransaction = min(plainInTransaction, try await inOneTransaction(appends / rounds, client: client, logger: logger) {
                    try await plainInsert(entry($1), connection: $0, logger: logger)
                })
            }
            let report = try await AuditChainVerifier.verify(client: client, logger: logger)
            guard report.isIntact else { throw BenchError.setup(report.summary) }
            return Result(chained: latencies(chainedSamples), plain: latencies(plainSamples),
                          chainedRate: chainedRate, plainRate: plainRate,
                          chainedInTransaction: chainedInTransaction, plainInTransaction: plainInTransaction)
        }
    }

    static func plainQuery(_ entry: AuditEntry) -> PostgresQuery {
        """
        INSERT INTO audit_plain (subject, roles, token_region, request_id, method, route, status, person_refs, record_ids)
        VALUES (\(entry.subject), \(entry.roles), \(entry.tokenRegion), \(entry.requestID), \(entry.method), \
        \(entry.route), \(entry.status), \(entry.personRefs), \(entry.recordIDs))
        RETURNING sequence, (extract(epoch FROM at) * 1000000)::bigint, subject, roles, token_region, request_id,
                  method, route, status, person_refs, record_ids, previous_hash, hash
        """
    }

    static func plainInsert(_ entry: AuditEntry, client: PostgresClient, logger: Logger) async throws {
        for try await _ in try await client.query(plainQuery(entry), logger: logger) {}
    }

    static func plainInsert(_ entry: AuditEntry, connection: PostgresConnection, logger: Logger) async throws {
        for try await _ in try await connection.query(plainQuery(entry), logger: logger) {}
    }

    /// Microseconds per row, `count` rows one after another in one transaction.
    private static func inOneTransaction(
        _ count: Int, client: PostgresClient, logger: Logger, _ work: (PostgresConnection, Int) async throws -> Void
    ) async throws -> Double {
        try await client.transaction(logger: logger) { connection in
            let start = ContinuousClock.now
            for index in 0..<count { try await work(connection, index) }
            return (ContinuousClock.now - start).milliseconds * 1_000 / Double(count)
        }
    }

    /// Milliseconds per call, `count` calls one after another.
    private static func sequential(_ count: Int, _ work: @Sendable (Int) async throws -> Void) async throws -> [Double] {
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for index in 0..<count {
            let start = ContinuousClock.now
            try await work(index)
            samples.append((ContinuousClock.now - start).milliseconds)
        }
        return samples
    }

    private static func latencies(_ samples: [Double]) -> Latencies {
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
        return Latencies(p50: percentile(0.5), p99: percentile(0.99), mean: sorted.reduce(0, +) / Double(max(sorted.count, 1)))
    }
}
