// Platform benchmark: every figure next to its like-for-like baseline, in one run.
//
//   scripts/bench [--events N] [--payload BYTES] [--rate PER_SECOND] [--rate2 PER_SECOND] [--seconds S] [--writers N]
//                 [--appends N] [--only auth,audit,relay,commands,hotpath,e2e]
//   scripts/bench --sweep [--events N]      (producer settings for the embedded broker)
//
// Kafka is librdkafka's in-process mock cluster, so Kafka figures are client-side
// ceilings, not broker numbers. Producers on both sides of each comparison use the
// embedded profile (`KafkaProducerConfiguration.Profile.embedded`), as the demo does.
// PostgreSQL is the server named by CIVIL_TEST_PG_*.
import CRdKafka
import Contracts
import EventTransport
import Foundation
import Logging
import Messaging
import Persistence
import PostgresNIO
import ServiceKit
import Synchronization
import TestSupport

struct Options {
    var events = 50_000
    var payload = 256
    var rate = 1_000
    var rate2 = 5_000
    var seconds = 10
    var writers = 16
    var commands = 10_000
    var appends = 4_000
    var sweep = false
    var only: Set<String> = []

    init() throws {
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let name = arguments.next() {
            if name == "--sweep" { sweep = true; continue }
            guard let text = arguments.next() else { throw BenchError.setup("\(name) needs a value") }
            if name == "--only" { only = Set(text.split(separator: ",").map(String.init)); continue }
            guard let value = Int(text), value > 0 else { throw BenchError.setup("\(name) needs a positive number") }
            switch name {
            case "--events": events = value
            case "--payload": payload = value
            case "--rate": rate = value
            case "--rate2": rate2 = value
            case "--seconds": seconds = value
            case "--writers": writers = value
            case "--commands": commands = value
            case "--appends": appends = value
            default: throw BenchError.setup("unknown option \(name)")
            }
        }
    }

    func runs(_ section: String) -> Bool { only.isEmpty || only.contains(section) }
}

struct BenchEvent: DomainEvent {
    static let eventType = EventType(.registry, "bench-event", version: 1)
    var aggregateID: String
    var sequence: Int
    var padding: String
}

let options = try Options()
let logger = {
    var logger = Logger(label: "bench")
    logger.logLevel = .error
    return logger
}()
let padding = String(repeating: "x", count: max(0, options.payload - 60))
func event(_ sequence: Int) -> BenchEvent {
    BenchEvent(aggregateID: "aggregate-\(sequence % 1_000)", sequence: sequence, padding: padding)
}
let source = "urn:civil:bench"
let topic = BenchEvent.eventType.topic
func messages(_ count: Int) throws -> [OutgoingMessage] {
    try (0..<count).map { OutgoingMessage(cloudEvent: try CloudEvent.wrap(event($0), source: source), topic: topic) }
}
let sample = try messages(1)[0]
let headerBytes = sample.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.count }

print("platform-bench: \(sample.value?.count ?? 0) B JSON + \(sample.headers.count) CloudEvents headers (\(headerBytes) B) per event; \(ProcessInfo.processInfo.activeProcessorCount)-core machine")
print("Kafka: librdkafka \(String(cString: rd_kafka_version_str())) in-process mock cluster, 1 broker, 6 partitions; PostgreSQL: \(TestDatabase.server.host):\(TestDatabase.server.port)")

let kafka = try TestKafka(partitions: 6)

if options.sweep {
    try await Sweep.run(kafka: kafka, messages: try messages(min(options.events, 20_000)), logger: logger)
    exit(0)
}

/// One row of the final table.
struct Figure {
    var name: String
    var measured: String
    var baseline: String
    var ratio: String
    var target: String
    var met: Bool?
}
var figures: [Figure] = []
let embedded = KafkaProducerConfiguration.embeddedProperties.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
print("Producer settings on both sides (embedded profile): linger.ms=\(KafkaProducerConfiguration.embeddedLingerMs) \(embedded.joined(separator: " ")), enable.idempotence=true acks=all")

// 0. Bearer token verification with a cached key vs decoding the same token unverified.
if options.runs("auth") {
    let iterations = 20_000
    let result = try await TokenVerification.run(iterations: iterations)
    print("")
    print("Token verification (ES256, key parsed once, claims checked), \(iterations) tokens one after another")
    print(String(format: "  decode the payload without verifying   %7.1f µs/token   (baseline)", result.decodeMicroseconds))
    print(String(format: "  TokenVerifier.verify                    %7.1f µs/token   +%.1f µs", result.verifyMicroseconds,
                 result.verifyMicroseconds - result.decodeMicroseconds))
    figures.append(Figure(name: "token verification (ES256)", measured: String(format: "%.3f ms", result.verifyMicroseconds / 1_000),
                          baseline: String(format: "%.3f ms decode", result.decodeMicroseconds / 1_000),
                          ratio: String(format: "%.1fx", result.verifyMicroseconds / result.decodeMicroseconds),
                          target: "< 0.2 ms", met: result.verifyMicroseconds < 200))
}

// 0b. An audit append (hash-chained, under the chain's lock) vs a plain INSERT of the same row.
if options.runs("audit") {
    let result = try await AuditAppend.run(appends: options.appends, writers: options.writers, logger: logger)
    let chained = result.chained, plain = result.plain
    print("")
    print("Audit append: \(options.appends) rows one after another (4 alternating rounds), then \(options.appends) with \(options.writers) writers")
    print("                                     p50         p99        mean")
    print(String(format: "  plain INSERT, no trigger     %7.3f ms  %7.3f ms  %7.3f ms   (baseline)", plain.p50, plain.p99, plain.mean))
    print(String(format: "  AuditLog.append (chained)    %7.3f ms  %7.3f ms  %7.3f ms   ratio %.2fx p50, %.2fx p99; +%.3f ms p50",
                 chained.p50, chained.p99, chained.mean, chained.p50 / plain.p50, chained.p99 / plain.p99, chained.p50 - plain.p50))
    print(String(format: "  in one transaction (no commit per row): plain %.1f µs/row, chained %.1f µs/row (+%.1f µs: lock, last row, hash)",
                 result.plainInTransaction, result.chainedInTransaction, result.chainedInTransaction - result.plainInTransaction))
    print(String(format: "  %d writers: plain %.0f rows/s, chained %.0f rows/s (%.1f%%; the chain's lock serialises appends)",
                 options.writers, result.plainRate, result.chainedRate, result.chainedRate / result.plainRate * 100))
    figures.append(Figure(name: "audit append p50", measured: String(format: "%.3f ms", chained.p50),
                          baseline: String(format: "%.3f ms plain", plain.p50), ratio: String(format: "%.2fx", chained.p50 / plain.p50),
                          target: "-", met: nil))
    figures.append(Figure(name: "audit append p99", measured: String(format: "%.3f ms", chained.p99),
                          baseline: String(format: "%.3f ms plain", plain.p99), ratio: String(format: "%.2fx", chained.p99 / plain.p99),
                          target: "-", met: nil))
    figures.append(Figure(name: "  (\(options.writers) writers)", measured: String(format: "%.0f rows/s", result.chainedRate),
                          baseline: String(format: "%.0f rows/s plain", result.plainRate),
                          ratio: String(format: "%.1f%%", result.chainedRate / result.plainRate * 100), target: "-", met: nil))
}

// 1. The relay draining a backlog vs raw librdkafka producing the same messages.
if options.runs("relay") {
    let count = options.events
    let prepared = try messages(count)
    let rawRate = try RawProducer.run(configuration: kafka.producerConfiguration("bench-raw"), messages: prepared)
    let rawDefaultRate = try RawProducer.run(
        configuration: KafkaProducerConfiguration(client: kafka.client("bench-raw-default")), messages: prepared)
    // The wrapper alone: KafkaProducer.enqueue in batches of 1,000, 4 in flight, as the relay pipelines.
    let wrapperRate: Double = try await {
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration("bench-wrapper"), logger: logger)
        _ = await producer.send(batch: Array(prepared.prefix(1)))  // warm-up: connection, producer id
        let start = ContinuousClock.now
        var inFlight: [PendingDeliveries] = []
        for first in stride(from: 0, to: count, by: 1_000) {
            if inFlight.count == 4 {
                let results = await inFlight.removeFirst().outcomes()
                guard results.allSatisfy({ (try? $0.get()) != nil }) else { throw BenchError.setup("wrapper delivery failed") }
            }
            inFlight.append(producer.enqueue(batch: Array(prepared[first..<min(first + 1_000, count)])))
        }
        for pending in inFlight { _ = await pending.outcomes() }
        let rate = Double(count) / (ContinuousClock.now - start).seconds
        await producer.shutdown()
        return rate
    }()

    let relayRate: Double = try await TestDatabase.with("benchrelay", logger: logger) { database in
        try await Migrator(client: database.client, logger: logger).migrate([(PlatformMigrations.scope, PlatformMigrations.all)])
        var relayConfiguration = OutboxRelay.Configuration()
        relayConfiguration.batchSize = 1_000
        relayConfiguration.standbyRetry = .milliseconds(1)
        // Hold the relay's advisory lock while the backlog is written, so the relay waits in
        // standby and the clock starts when the whole backlog is there and the lock is let go.
        let holder = try await PostgresConnection.connect(
            configuration: database.configuration.connectionConfiguration, id: 0x62656e, logger: logger)
        _ = try await holder.query("SELECT pg_advisory_lock(\(relayConfiguration.lockKey))", logger: logger)
        for first in stride(from: 0, to: count, by: 1_000) {
            try await database.client.transaction(logger: logger) { connection in
                let events = try (first..<min(first + 1_000, count)).map { (topic, try CloudEvent.wrap(event($0), source: source)) }
                try await Outbox.append(events, on: connection, logger: logger)
            }
        }
        var lastXID: Int64 = 0
        let last = try await database.client.query("SELECT xid::text::bigint FROM outbox ORDER BY position DESC LIMIT 1", logger: logger)
        for try await xid in last.decode(Int64.self) {
            lastXID = xid
        }
        let producer = try KafkaProducer(configuration: kafka.producerConfiguration("bench-relay"), logger: logger)
        _ = await producer.send(batch: [OutgoingMessage(topic: topic, key: nil, value: [1])])  // warm-up, as the baseline's
        let relay = OutboxRelay(name: "bench", database: database.configuration, client: database.client, producer: producer,
                                configuration: relayConfiguration, logger: logger)
        let lockKey = relayConfiguration.lockKey
        let lastTransaction = String(lastXID)
        let measuredRate = Mutex(0.0)
        try await ServiceGroupRunner(services: [producer, relay], logger: logger).run {
            while relay.health.current != .standby { try await Task.sleep(for: .milliseconds(5)) }
            let start = ContinuousClock.now
            _ = try await holder.query("SELECT pg_advisory_unlock(\(lockKey))", logger: logger)
            // Done when the cursor's published snapshot covers the backlog's last transaction.
            while true {
                var done = false
                let rows = try await holder.query("""
                    SELECT pg_visible_in_snapshot(\(lastTransaction)::xid8, published) FROM outbox_cursor
                    """, logger: logger)
                for try await visible in rows.decode(Bool.self) { done = visible }
                if done { break }
                try await Task.sleep(for: .milliseconds(1))
            }
            measuredRate.withLock { $0 = Double(count) / (ContinuousClock.now - start).seconds }
        }
        var pending = -1
        for try await value in try await holder.query("SELECT count(*)::bigint FROM outbox_pending", logger: logger).decode(Int.self) {
            pending = value
        }
        try await holder.close()
        guard pending == 0 else { throw BenchError.setup("relay left \(pending) rows unpublished") }
        return measuredRate.withLock { $0 }
    }
    print("")
    print("Relay: drain a backlog of \(count) outbox rows (batches of 1000, 4 in flight) vs raw librdkafka, same messages")
    print(String(format: "  raw librdkafka produceva + flush            %9.0f events/s   (baseline)", rawRate))
    print(String(format: "  raw, librdkafka defaults (5 in flight)      %9.0f events/s   (%.1f%% of baseline; for reference)",
                 rawDefaultRate, rawDefaultRate / rawRate * 100))
    print(String(format: "  KafkaProducer.enqueue, 1000 x 4 in flight   %9.0f events/s   (%.1f%% of baseline)", wrapperRate, wrapperRate / rawRate * 100))
    print(String(format: "  outbox relay                                %9.0f events/s   ratio %.1f%%", relayRate, relayRate / rawRate * 100))
    figures.append(Figure(name: "outbox relay throughput", measured: String(format: "%.0f ev/s", relayRate),
                          baseline: String(format: "%.0f ev/s raw", rawRate), ratio: String(format: "%.1f%%", relayRate / rawRate * 100),
                          target: ">= 50%", met: relayRate / rawRate >= 0.5))
    figures.append(Figure(name: "  (KafkaProducer wrapper alone)", measured: String(format: "%.0f ev/s", wrapperRate),
                          baseline: String(format: "%.0f ev/s raw", rawRate), ratio: String(format: "%.1f%%", wrapperRate / rawRate * 100),
                          target: "-", met: nil))
}

// 2. Commands (business row + outbox row in one transaction) vs raw insert transactions.
struct InsertCase: PostgresPreparedStatement {
    static let sql = "INSERT INTO cases (aggregate_id, sequence, note) VALUES ($1, $2, $3)"
    typealias Row = ()
    var aggregateID: String
    var sequence: Int
    var note: String
    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(aggregateID)
        bindings.append(sequence)
        bindings.append(note)
        return bindings
    }
    func decodeRow(_ row: PostgresRow) throws -> Row {}
}

if options.runs("commands") {
    figures += try await TestDatabase.with("benchcmd", logger: logger) { database -> [Figure] in
        try await Migrator(client: database.client, logger: logger).migrate([
            (PlatformMigrations.scope, PlatformMigrations.all),
            ("bench", [Migration(version: 1, name: "cases", statements: [
                "CREATE TABLE cases (id bigserial PRIMARY KEY, aggregate_id text NOT NULL, sequence int NOT NULL, note text NOT NULL)",
            ])]),
        ])
        let count = options.commands
        func measure(_ count: Int, _ work: @escaping @Sendable (Int) async throws -> Void) async throws -> Double {
            try await callsPerSecond(count, writers: options.writers, work)
        }
        let client = database.client
        // Both sides: the Persistence `transaction(logger:)` wrapper, postgres-nio's extended
        // protocol with bound parameters (Parse/Bind/Execute of an unnamed statement per
        // statement: postgres-nio's `query` with binds), no trigger, same writers and pool.
        let raw: @Sendable (Int) async throws -> Void = { index in
            try await client.transaction(logger: logger) { connection in
                _ = try await connection.query(
                    "INSERT INTO cases (aggregate_id, sequence, note) VALUES (\("a-\(index % 1_000)"), \(index), \(padding))", logger: logger)
            }
        }
        let command: @Sendable (Int) async throws -> Void = { index in
            try await client.transaction(logger: logger) { connection in
                try await connection.query(
                    "INSERT INTO cases (aggregate_id, sequence, note) VALUES (\("a-\(index % 1_000)"), \(index), \(padding))", logger: logger)
                try await Outbox.append(event(index), source: source, on: connection, logger: logger)
            }
        }
        // Named prepared statements (parsed once per connection): the raw insert's ceiling, and a
        // command whose business row is prepared (Outbox.append cannot be, from outside Persistence).
        let rawPrepared: @Sendable (Int) async throws -> Void = { index in
            try await client.transaction(logger: logger) { connection in
                // The `Row == ()` overload of `execute` traps in postgres-nio 1.33.2 (commandTag precondition).
                for try await _ in try await connection.execute(InsertCase(aggregateID: "a-\(index % 1_000)", sequence: index, note: padding), logger: logger) as AsyncThrowingMapSequence<PostgresRowSequence, Void> {}
            }
        }
        let commandPrepared: @Sendable (Int) async throws -> Void = { index in
            try await client.transaction(logger: logger) { connection in
                // The `Row == ()` overload of `execute` traps in postgres-nio 1.33.2 (commandTag precondition).
                for try await _ in try await connection.execute(InsertCase(aggregateID: "a-\(index % 1_000)", sequence: index, note: padding), logger: logger) as AsyncThrowingMapSequence<PostgresRowSequence, Void> {}
                try await Outbox.append(event(index), source: source, on: connection, logger: logger)
            }
        }
        _ = try await measure(1_000, raw)  // warm-up: connections, caches
        _ = try await measure(1_000, command)
        // Alternate, best of two each, so drift (autovacuum, checkpoints) hits both sides.
        var rawRate = 0.0, commandRate = 0.0, rawPreparedRate = 0.0, commandPreparedRate = 0.0
        for _ in 0..<2 {
            rawRate = max(rawRate, try await measure(count, raw))
            commandRate = max(commandRate, try await measure(count, command))
            rawPreparedRate = max(rawPreparedRate, try await measure(count, rawPrepared))
            commandPreparedRate = max(commandPreparedRate, try await measure(count, commandPrepared))
        }
        print("")
        print("Commands: \(options.writers) concurrent writers, pool of \(database.configuration.maximumConnections) connections, \(count) transactions each, best of 2")
        print(String(format: "  raw insert transaction (extended protocol, unnamed)   %7.0f tx/s   (baseline)", rawRate))
        print(String(format: "  command: business row + outbox row (same protocol)    %7.0f tx/s   ratio %.1f%%", commandRate, commandRate / rawRate * 100))
        print(String(format: "  raw insert transaction, named prepared statement      %7.0f tx/s   (reference)", rawPreparedRate))
        print(String(format: "  command, business row named-prepared + Outbox.append  %7.0f tx/s   ratio %.1f%% of the prepared raw insert",
                     commandPreparedRate, commandPreparedRate / rawPreparedRate * 100))
        return [Figure(name: "command (business + outbox row)", measured: String(format: "%.0f tx/s", commandRate),
                              baseline: String(format: "%.0f tx/s raw", rawRate), ratio: String(format: "%.1f%%", commandRate / rawRate * 100),
                              target: ">= 80%", met: commandRate / rawRate >= 0.8),
                Figure(name: "  (vs named prepared raw insert)", measured: String(format: "%.0f tx/s", commandPreparedRate),
                              baseline: String(format: "%.0f tx/s raw", rawPreparedRate),
                              ratio: String(format: "%.1f%%", commandPreparedRate / rawPreparedRate * 100), target: "-", met: nil)]
    }
}

if options.only.contains("hotpath") {
    try await HotPath.run(logger: logger)
}

// 3. End to end: command commit -> relay -> Kafka -> consumer commit, at fixed offered rates.
if options.runs("e2e") {
    for rate in [options.rate, options.rate2] {
        let result = try await EndToEnd.run(rate: rate, seconds: options.seconds, kafka: kafka, logger: logger)
        print("")
        print("End to end (command commit -> consumer commit), offered \(rate) events/s for \(options.seconds) s, first second not counted")
        print(String(format: "  delivered %d/%d   p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms",
                     result.delivered, result.total, result.p50, result.p90, result.p99, result.max))
        let complete = result.delivered == result.total
        figures.append(Figure(name: "end to end p50 @ \(rate)/s", measured: String(format: "%.1f ms", result.p50),
                              baseline: "-", ratio: "-", target: "-", met: nil))
        figures.append(Figure(name: "end to end p99 @ \(rate)/s", measured: String(format: "%.1f ms", result.p99),
                              baseline: "-", ratio: "-", target: rate == 1_000 ? "<= 10 ms" : "-",
                              met: rate == 1_000 ? (result.p99 <= 10 && complete) : nil))
    }
}

print("")
print("Summary")
let header = ["figure", "measured", "baseline", "ratio", "target", "met"]
let rows = figures.map { [$0.name, $0.measured, $0.baseline, $0.ratio, $0.target, $0.met.map { $0 ? "met" : "MISSED" } ?? ""] }
let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
func line(_ cells: [String]) -> String {
    "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |"
}
print(line(header))
print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
for row in rows { print(line(row)) }
