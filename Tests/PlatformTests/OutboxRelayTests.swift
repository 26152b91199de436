import TestKit
import Contracts
import EventTransport
import Foundation
import Messaging
import Persistence
import PostgresNIO
import Synchronization
import Testing
import TestSupport

/// The relay against the real PostgreSQL server and the mock broker: nothing skipped,
/// per-key commit order, quarantine of refused rows, and recovery from a lost session.
@Suite("Outbox relay", .tags(.postgres, .kafka, .slow), .serialized)
struct OutboxRelayTests {
    static let topic = EffectRequested.eventType.topic

    /// A versioned aggregate: writers lock it and take the next sequence, as services do.
    static func addAggregates(_ database: TestDatabase, _ ids: [String]) async throws {
        let logger = TestKafka.logger
        try await database.client.query("CREATE TABLE aggregates (id text PRIMARY KEY, seq int NOT NULL)", logger: logger)
        for id in ids {
            try await database.client.query("INSERT INTO aggregates VALUES (\(id), 0)", logger: logger)
        }
    }

    /// Locks the aggregate, takes its next sequence and appends that event, on `connection`'s open transaction.
    static func appendNext(_ aggregate: String, on connection: PostgresConnection) async throws -> Int {
        let logger = TestKafka.logger
        let rows = try await connection.query(
            "UPDATE aggregates SET seq = seq + 1 WHERE id = \(aggregate) RETURNING seq", logger: logger)
        var sequence = 0
        for try await value in rows.decode(Int.self) { sequence = value }
        try await Outbox.append(EffectRequested(aggregateID: aggregate, sequence: sequence), source: "urn:civil:test",
                                on: connection, logger: logger)
        return sequence
    }

    /// Reads the topic until `count` messages arrived (or the timeout), from a group of its own.
    static func read(_ kafka: TestKafka, count: Int, timeout: Duration = .seconds(60)) async throws -> [KafkaMessage] {
        try await TopicReader(kafka: kafka, topics: [topic]).read(timeout: timeout) { $0.count >= count }
    }

    /// Sequences per key, in the order they arrived (one partition per key, so arrival order is Kafka's order).
    static func sequencesByKey(_ messages: [KafkaMessage]) throws -> [String: [Int]] {
        var byKey: [String: [Int]] = [:]
        for message in messages {
            let event = try message.cloudEvent()
            let effect = try EventJSON.decoder.decode(EffectRequested.self, from: Data(event.data))
            byKey[event.key, default: []].append(effect.sequence)
        }
        return byKey
    }

    @Test("a later event of a key whose transaction got its id first still follows the earlier commit")
    func commitOrderNotTransactionIDOrder() async throws {
        try await TestDatabase.with("xidorder") { database in
            try await Pipeline.migrate(database)
            try await Self.addAggregates(database, ["k"])
            let kafka = try TestKafka()
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            let logger = TestKafka.logger
            let firstLocked = SignalFlag()
            // T2 writes first (so it has the lower transaction id), then waits for the aggregate T1 holds.
            try await database.client.withConnection { t2 in
                try await t2.query("BEGIN", logger: logger)
                try await t2.query("INSERT INTO commands (aggregate_id, sequence) VALUES ('k', 0)", logger: logger)
                async let second: Int = {
                    while !firstLocked.isSet { try await Task.sleep(for: .milliseconds(10)) }
                    let sequence = try await Self.appendNext("k", on: t2)  // blocks until T1 commits
                    try await t2.query("COMMIT", logger: logger)
                    return sequence
                }()
                try await database.client.withConnection { t1 in
                    try await t1.query("BEGIN", logger: logger)
                    let first = try await Self.appendNext("k", on: t1)
                    #expect(first == 1)
                    firstLocked.set()
                    try await Task.sleep(for: .milliseconds(300))
                    try await t1.query("COMMIT", logger: logger)
                }
                let secondSequence = try await second
                #expect(secondSequence == 2)
            }
            // The precondition this test is about: the second event's transaction id is the lower one.
            let rows = try await database.client.query(
                "SELECT (xid::text)::bigint FROM outbox ORDER BY position", logger: logger)
            var xids: [Int64] = []
            for try await xid in rows.decode(Int64.self) { xids.append(xid) }
            #expect(xids.count == 2)
            #expect(xids.last ?? 0 < xids.first ?? 0)

            while try await Pipeline.relay(database, producer: producer).publishOnce().published > 0 {}
            let messages = try await Self.read(kafka, count: 2)
            #expect(try Self.sequencesByKey(messages) == ["k": [1, 2]])
            await producer.shutdown()
        }
    }

    @Test("concurrent writers with late commits, under a backlog, pipelined: no row skipped, each key in commit order")
    func concurrentLateCommits() async throws {
        try await TestDatabase.with("latewriters") { database in
            try await Pipeline.migrate(database)
            let keys = (0..<8).map { "agg-\($0)" }
            try await Self.addAggregates(database, keys)
            let kafka = try TestKafka()
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            // Small batches and a deep pipeline, so rounds and batches cut through concurrent commits.
            let relay = Pipeline.relay(database, producer: producer) { configuration in
                configuration.batchSize = 7
                configuration.pipelineDepth = 3
                configuration.poll = .milliseconds(5)
            }
            let writers = 6
            let commandsPerWriter = 40
            let logger = TestKafka.logger
            try await Pipeline.running([producer, relay]) {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for writer in 0..<writers {
                        group.addTask {
                            var random = SystemRandomNumberGenerator()
                            for command in 0..<commandsPerWriter {
                                let key = keys[Int.random(in: 0..<keys.count, using: &random)]
                                try await database.client.withConnection { connection in
                                    try await connection.query("BEGIN", logger: logger)
                                    // Take a transaction id before the aggregate's lock, as inbox handlers do.
                                    try await connection.query(
                                        "INSERT INTO commands (aggregate_id, sequence) VALUES (\(key), \(writer * 1000 + command))",
                                        logger: logger)
                                    try await Task.sleep(for: .milliseconds(Int.random(in: 0...3, using: &random)))
                                    _ = try await Self.appendNext(key, on: connection)
                                    // Commit late now and then, while others commit higher positions.
                                    if Int.random(in: 0..<4, using: &random) == 0 {
                                        try await Task.sleep(for: .milliseconds(Int.random(in: 5...40, using: &random)))
                                    }
                                    try await connection.query("COMMIT", logger: logger)
                                }
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                let drained = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
                } until: { $0 == 0 }
                #expect(drained == 0)
            }
            let total = writers * commandsPerWriter
            let messages = try await Self.read(kafka, count: total)
            #expect(messages.count == total)
            let byKey = try Self.sequencesByKey(messages)
            // Every key's sequences arrive as 1, 2, 3, … with no gap (nothing skipped) and no inversion.
            for (key, sequences) in byKey {
                #expect(sequences == Array(1...sequences.count), "key \(key)")
            }
            #expect(byKey.values.map(\.count).reduce(0, +) == total)
        }
    }

    @Test("a row the broker refuses is quarantined after its attempts; its key is held, the others flow; a release publishes them in order")
    func quarantineAndRelease() async throws {
        try await TestDatabase.with("quarantine") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            var producerConfiguration = kafka.producerConfiguration()
            producerConfiguration.additional["message.max.bytes"] = "2000"
            let producer = try KafkaProducer(configuration: producerConfiguration, logger: TestKafka.logger)
            let relay = Pipeline.relay(database, producer: producer) { configuration in
                configuration.maxAttempts = 3
                configuration.retryBackoff = Backoff(initial: .milliseconds(10), maximum: .milliseconds(50))
                configuration.statusInterval = .milliseconds(100)
            }
            let logger = TestKafka.logger
            @Sendable func event(_ key: String, _ sequence: Int, padding: Int = 0) -> (topic: String, event: CloudEvent) {
                let json = #"{"aggregateID":"\#(key)","sequence":\#(sequence),"padding":"\#(String(repeating: "x", count: padding))"}"#
                return (Self.topic, CloudEvent(source: "urn:civil:test", type: EffectRequested.eventType.rawValue, key: key,
                                               data: Array(json.utf8)))
            }
            try await database.client.withConnection { connection in
                try await Outbox.append([event("a", 1, padding: 5_000), event("a", 2), event("b", 1), event("a", 3), event("b", 2)],
                                        on: connection, logger: logger)
            }
            let before = try await OutboxRelay.status(client: database.client, logger: logger)
            #expect(before.pending == 5)

            try await Pipeline.running([producer, relay]) {
                let settled = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
                } until: { $0 == 0 }
                #expect(settled == 0)
                let quarantined = try await database.client.query(
                    "SELECT position, attempts, held_behind IS NOT NULL FROM outbox_quarantine ORDER BY position", logger: logger)
                var entries: [String] = []
                for try await (position, attempts, held) in quarantined.decode((Int64, Int, Bool).self) {
                    entries.append("\(position):\(attempts):\(held ? "held" : "refused")")
                }
                #expect(entries == ["1:3:refused", "2:0:held", "4:0:held"])
                let status = try await OutboxRelay.status(client: database.client, logger: logger)
                #expect(status.pending == 0)
                #expect(status.quarantined == 3)

                // The operator repairs the row and asks for a retry of its key.
                try await database.client.query("""
                    UPDATE outbox SET payload = convert_to('{"aggregateID":"a","sequence":1}', 'UTF8') WHERE position = 1
                    """, logger: logger)
                try await database.client.query(
                    "UPDATE outbox_quarantine SET retry_requested_at = now() WHERE message_key = 'a'", logger: logger)
                let released = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM outbox_quarantine")
                } until: { $0 == 0 }
                #expect(released == 0)
                // Later rows of the released key flow normally again.
                try await database.client.withConnection { connection in
                    try await Outbox.append([event("a", 4)], on: connection, logger: logger)
                }
                let drained = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
                } until: { $0 == 0 }
                #expect(drained == 0)
            }
            let messages = try await Self.read(kafka, count: 6)
            #expect(try Self.sequencesByKey(messages) == ["a": [1, 2, 3, 4], "b": [1, 2]])
        }
    }

    @Test("the relay's session is killed and the database refuses connections: it reports failing, reconnects, takes its lock again and publishes; shutdown completes")
    func lostSessionRecovers() async throws {
        try await TestDatabase.with("relaysession") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            let relay = Pipeline.relay(database, producer: producer)
            let logger = TestKafka.logger
            let name = database.configuration.database
            let stoppedAt = InstantBox()
            try await Pipeline.running([producer, relay]) {
                try await Pipeline.command(database, aggregate: "a", sequence: 1)
                let first = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
                } until: { $0 == 0 }
                #expect(first == 0)
                #expect(relay.health.current == .active)

                // An outage of this database only: every session is killed and new ones are refused.
                try await TestDatabase.withAdmin(logger: logger) { admin in
                    try await admin.query(PostgresQuery(unsafeSQL: "ALTER DATABASE \(name) CONNECTION LIMIT 0"), logger: logger)
                    try await admin.query(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(name) AND pid <> pg_backend_pid()",
                        logger: logger)
                }
                let duringOutage = try await eventually(timeout: .seconds(10)) { relay.health.current } until: { $0.isFailing }
                #expect(duringOutage.isFailing, "health: \(duringOutage)")
                try await Task.sleep(for: .seconds(2))
                try await TestDatabase.withAdmin(logger: logger) { admin in
                    try await admin.query(PostgresQuery(unsafeSQL: "ALTER DATABASE \(name) CONNECTION LIMIT -1"), logger: logger)
                }

                // Written after the outage: published by the same relay, without a restart.
                let written = try await eventually(timeout: .seconds(30)) { () -> String? in
                    do {
                        try await Pipeline.command(database, aggregate: "a", sequence: 2)
                        return nil
                    } catch {
                        return String(reflecting: error)
                    }
                } until: { $0 == nil }
                #expect(written == nil, "the command after the outage failed: \(written ?? "")")
                let second = try await eventually(timeout: .seconds(30)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM outbox_pending")
                } until: { $0 == 0 }
                #expect(second == 0)
                #expect(relay.health.current == .active)
                stoppedAt.set(.now)
            }
            let shutdown = ContinuousClock.now - stoppedAt.value
            #expect(shutdown < .seconds(10), "graceful shutdown took \(shutdown)")
            let messages = try await Self.read(kafka, count: 2)
            #expect(try Self.sequencesByKey(messages) == ["a": [1, 2]])
        }
    }
}

extension OutboxRelayHealth.State {
    var isFailing: Bool {
        if case .failing = self { true } else { false }
    }
}

/// A flag one task raises for another.
final class SignalFlag: Sendable {
    private let raised = Atomic<Bool>(false)
    func set() { raised.store(true, ordering: .releasing) }
    var isSet: Bool { raised.load(ordering: .acquiring) }
}

/// An instant one task records for another.
final class InstantBox: Sendable {
    private let instant = Mutex(ContinuousClock.now)
    func set(_ value: ContinuousClock.Instant) { instant.withLock { $0 = value } }
    var value: ContinuousClock.Instant { instant.withLock { $0 } }
}
