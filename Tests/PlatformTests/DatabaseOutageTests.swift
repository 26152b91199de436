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

/// The inbox waits out database outages: nothing is dead-lettered for them, every event is
/// applied once afterwards, and the consumer group is served meanwhile.
@Suite("Database outages are waited out", .tags(.postgres, .kafka, .slow), .serialized)
struct DatabaseOutageTests {
    @Test("connections killed mid-transaction (57P01) are retried, never dead-lettered",
          .disabled("""
            hangs now and then in a full run (again on 2026-11-27 with TransactionWatch in place): a handler that kills its
            own backend can leave postgres-nio 1.33.2's connection neither answering nor closed, so the watch never fires;
            passes on its own. `stuckOnClosedConnection` covers the closed-connection case deterministically.
            """))
    func connectionsKilledMidTransaction() async throws {
        try await TestDatabase.with("killed") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let deadLetters = try Outage.deadLetterTopic(kafka, group: "killed")
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            let kills = Tickets()
            var handlers = EventHandlers()
            handlers.on(EffectRequested.self) { event, context in
                try await context.connection.query(
                    "INSERT INTO effects (event_id, sequence) VALUES (\(context.event.id), \(event.sequence))", logger: context.logger)
                if kills.next() < 8 {
                    // The server drops this connection before the commit, as in a failover (SQLSTATE 57P01).
                    try await context.connection.query("SELECT pg_terminate_backend(pg_backend_pid())", logger: context.logger)
                }
            }
            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer, group: "killed", handlers: handlers)
            try await Outage.send(1...20, producer: producer)
            try await Pipeline.running([producer, consumer]) {
                _ = try await eventually(timeout: .seconds(60)) {
                    (try? await Pipeline.count(database, "SELECT count(*) FROM effects")) ?? 0
                } until: { $0 >= 20 }
            }
            let (effects, distinct) = try await Pipeline.effects(database)
            #expect(effects == 20)
            #expect(distinct == 20)
            #expect(kills.value >= 9)
            let dead = try await Outage.readAll(deadLetters, kafka: kafka)
            #expect(dead.count == 0)
        }
    }

    /// postgres-nio 1.33.2's dropped write, made deterministic: the first attempt's connection is killed from outside
    /// and the handler then waits forever (ignoring cancellation), as a statement written to that closed connection
    /// does. The inbox must notice the closed connection, abandon the attempt and apply the event on a new one.
    @Test("a handler stuck on a connection the server closed is abandoned; the event is applied once on a new connection")
    func stuckOnClosedConnection() async throws {
        try await TestDatabase.with("stuck") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let deadLetters = try Outage.deadLetterTopic(kafka, group: "stuck")
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            let attempts = Tickets()
            let release = SignalFlag()
            var handlers = EventHandlers()
            handlers.on(EffectRequested.self) { event, context in
                try await context.connection.query(
                    "INSERT INTO effects (event_id, sequence) VALUES (\(context.event.id), \(event.sequence))", logger: context.logger)
                guard attempts.next() == 0 else { return }
                let rows = try await context.connection.query("SELECT pg_backend_pid()", logger: context.logger)
                var backend: Int32 = 0
                for try await value in rows.decode(Int32.self) { backend = value }
                let pid = backend
                try await TestDatabase.withAdmin(logger: context.logger) { admin in
                    try await admin.query("SELECT pg_terminate_backend(\(pid))", logger: context.logger)
                }
                // Never answers, whatever cancels it (released when the test ends, so nothing is left running).
                while !release.isSet { try? await Task.sleep(for: .milliseconds(50)) }
            }
            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer, group: "stuck", handlers: handlers)
            defer { release.set() }
            let started = ContinuousClock.now
            try await Outage.send(1...1, producer: producer)
            try await Pipeline.running([producer, consumer]) {
                let applied = try await eventually(timeout: .seconds(30)) {
                    (try? await Pipeline.count(database, "SELECT count(*) FROM effects")) ?? 0
                } until: { $0 >= 1 }
                #expect(applied == 1)
            }
            let took = ContinuousClock.now - started
            let (effects, distinct) = try await Pipeline.effects(database)
            #expect(effects == 1)
            #expect(distinct == 1)
            #expect(attempts.value == 2, "attempts: \(attempts.value)")
            #expect(took < .seconds(20), "applied after \(took)")
            let dead = try await Outage.readAll(deadLetters, kafka: kafka)
            #expect(dead.count == 0)
        }
    }

    @Test("the database is taken away for 10 s while events arrive: nothing is dead-lettered, each is applied once afterwards")
    func outageWaitedOut() async throws {
        try await TestDatabase.with("waitout") { database in
            try await Pipeline.migrate(database)
            let kafka = try TestKafka()
            let deadLetters = try Outage.deadLetterTopic(kafka, group: "waitout")
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration(), logger: TestKafka.logger)
            let handled = HandledEvents()
            let consumer = Pipeline.consumer(database, kafka: kafka, producer: producer, group: "waitout", hooks: handled)
            try await Pipeline.running([producer, consumer]) {
                try await Outage.send(1...10, producer: producer)
                let before = try await eventually(timeout: .seconds(60)) {
                    try await Pipeline.count(database, "SELECT count(*) FROM effects")
                } until: { $0 == 10 }
                #expect(before == 10)

                let observed = try await Outage.begin(database)
                #expect(observed.terminated > 0)  // the consumer's pooled connections were killed (57P01)
                #expect(observed.refused == "53300")  // and new ones are refused: too_many_connections
                try await Outage.send(11...30, producer: producer)
                // The old inbox gave up after five attempts in about 2 s and dead-lettered.
                try await Task.sleep(for: .seconds(10))
                try await Outage.end(database)
                let after = try await eventually(timeout: .seconds(60)) {
                    (try? await Pipeline.count(database, "SELECT count(*) FROM effects")) ?? 0
                } until: { $0 >= 30 }
                #expect(after == 30)
                // Work retried across the outage may be handled again (and found in the inbox): all of it.
                let deliveries = try await handled.settled(atLeast: 30)
                #expect(deliveries >= 30)
            }
            let (effects, distinct) = try await Pipeline.effects(database)
            #expect(effects == 30)
            #expect(distinct == 30)
            let dead = try await Outage.readAll(deadLetters, kafka: kafka)
            #expect(dead.count == 0)
        }
    }
}

/// Taking the test's own database away, and reading a dead-letter topic to its end.
enum Outage {
    struct Observed: Sendable {
        var terminated: Int
        /// The SQLSTATE an open connection got when it was terminated.
        var killed: String?
        /// The SQLSTATE a new connection is refused with.
        var refused: String?
    }

    static func admin<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let server = TestDatabase.server
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: server.host, port: server.port, username: server.username,
                                 password: server.password, database: "postgres", tls: .disable),
            id: 99, logger: TestKafka.logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// No new connections for the database (the test role owns it, so it may), and every
    /// existing one terminated. Returns what a new connection is refused with.
    static func begin(_ database: TestDatabase) async throws -> Observed {
        let name = database.configuration.database
        let server = database.configuration
        let configuration = PostgresConnection.Configuration(
            host: server.host, port: server.port, username: server.username, password: server.password,
            database: name, tls: .disable)
        let victim = try await PostgresConnection.connect(configuration: configuration, id: 97, logger: TestKafka.logger)
        // A statement in flight when the backend is terminated reports the SQLSTATE. (One sent to an
        // already closed connection would hang: postgres-nio 1.33.2 drops the failed write.)
        let inFlight = Task { () -> String? in
            do {
                try await victim.query("SELECT pg_sleep(30)", logger: TestKafka.logger)
                return nil
            } catch let error as PSQLError {
                return error.serverInfo?[.sqlState] ?? "\(error.code)"
            }
        }
        try await Task.sleep(for: .milliseconds(200))
        let terminated = try await admin { admin in
            try await admin.query(PostgresQuery(unsafeSQL: "ALTER DATABASE \(name) CONNECTION LIMIT 0"), logger: TestKafka.logger)
            let rows = try await admin.query(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = \(name) AND pid <> pg_backend_pid()",
                logger: TestKafka.logger)
            var count = 0
            for try await value in rows.decode(Int.self) { count = value }
            return count
        }
        let killed = try await inFlight.value
        try? await victim.close()
        var refused: String?
        do {
            let probe = try await PostgresConnection.connect(configuration: configuration, id: 98, logger: TestKafka.logger)
            try await probe.close()
        } catch let error as PSQLError {
            refused = error.serverInfo?[.sqlState] ?? "\(error.code)"
        }
        return Observed(terminated: terminated, killed: killed, refused: refused)
    }

    static func end(_ database: TestDatabase) async throws {
        let name = database.configuration.database
        _ = try await admin { admin in
            try await admin.query(PostgresQuery(unsafeSQL: "ALTER DATABASE \(name) CONNECTION LIMIT -1"), logger: TestKafka.logger)
        }
    }

    static func send(_ sequences: ClosedRange<Int>, producer: KafkaProducer) async throws {
        for sequence in sequences {
            _ = try await producer.send(OutgoingMessage(
                cloudEvent: try CloudEvent.wrap(EffectRequested(aggregateID: "case-\(sequence % 3)", sequence: sequence),
                                                source: "urn:civil:test"),
                topic: EffectRequested.eventType.topic))
        }
    }

    /// A one-partition dead-letter topic, so a sentinel written last is read last.
    static func deadLetterTopic(_ kafka: TestKafka, group: String) throws -> String {
        let topic = Topics.deadLetter(group: group)
        try kafka.cluster.createTopic(topic, partitions: 1)
        return topic
    }

    /// Everything on a one-partition topic before a sentinel written now (by a producer of its
    /// own: the pipeline's is shut down with its service group), so nothing is missed and no wait
    /// is needed to see that nothing else came.
    static func readAll(_ topic: String, kafka: TestKafka) async throws -> [KafkaMessage] {
        let sentinel = Array(UUID().uuidString.utf8)
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration("sentinel"), logger: TestKafka.logger)
        let sent = await producer.send(batch: [OutgoingMessage(topic: topic, key: nil, value: sentinel)])
        await producer.shutdown()
        _ = try sent[0].get()
        let read = try await TopicReader(kafka: kafka, topics: [topic]).read(timeout: .seconds(60)) { messages in
            messages.contains { $0.value == sentinel }
        }
        let end = try #require(read.firstIndex { $0.value == sentinel }, "the sentinel did not arrive")
        return Array(read[..<end])
    }
}

/// Hands out numbers to concurrent callers.
final class Tickets: Sendable {
    private let counter = Atomic<Int>(0)
    func next() -> Int { counter.add(1, ordering: .relaxed).oldValue }
    var value: Int { counter.load(ordering: .relaxed) }
}
