// Platform benchmark: relay vs raw producer, commands vs raw inserts, and end-to-end latency.
//
//   scripts/bench                      (starts the private PostgreSQL, builds release, runs this)
//   swift run -c release platform-bench [--events N] [--payload BYTES] [--rate PER_SECOND] [--seconds S]
//
// Kafka is librdkafka's in-process mock cluster, so Kafka figures are client-side
// ceilings, not broker numbers. PostgreSQL is the server named by CIVIL_TEST_PG_*.
import CRdKafka
import Contracts
import Foundation
import Logging
import Messaging
import Persistence
import PostgresNIO
import Synchronization
import TestSupport

struct Options {
    var events = 20_000
    var payload = 256
    var rate = 1_000
    var seconds = 10
    var writers = 16

    init() throws {
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let name = arguments.next() {
            guard let text = arguments.next(), let value = Int(text), value > 0 else {
                throw BenchError.setup("\(name) needs a positive number")
            }
            switch name {
            case "--events": events = value
            case "--payload": payload = value
            case "--rate": rate = value
            case "--seconds": seconds = value
            case "--writers": writers = value
            default: throw BenchError.setup("unknown option \(name)")
            }
        }
    }
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
let sampleSize = (try CloudEvent.wrap(event(0), source: "urn:civil:bench")).data.count

print("platform-bench: \(options.events) events of \(sampleSize) B JSON (+ CloudEvents headers); 2-core machine")
print("Kafka: librdkafka \(String(cString: rd_kafka_version_str())) in-process mock cluster; PostgreSQL: \(TestDatabase.server.host):\(TestDatabase.server.port)")

let kafka = try TestKafka(partitions: 6)
let topic = BenchEvent.eventType.topic

// 1. Raw producer vs the relay.
let rawRate = try RawProducer.run(bootstrap: kafka.cluster.bootstrapServers, topic: topic, count: options.events,
                                  payload: Array(repeating: UInt8(ascii: "x"), count: sampleSize))
// The wrapper alone, awaiting delivery reports batch by batch as the relay does.
let wrapperRate: Double = try await {
    var configuration = kafka.producerConfiguration("bench-wrapper")
    configuration.lingerMs = 5
    let producer = try KafkaProducer(configuration: configuration, logger: logger)
    let messages = try (0..<1_000).map { OutgoingMessage(cloudEvent: try CloudEvent.wrap(event($0), source: "urn:civil:bench"), topic: topic) }
    _ = await producer.send(batch: messages)  // warm-up: connections, producer id
    let start = ContinuousClock.now
    var sent = 0
    while sent < options.events {
        let results = await producer.send(batch: messages)
        guard results.allSatisfy({ (try? $0.get()) != nil }) else { throw BenchError.setup("wrapper delivery failed") }
        sent += messages.count
    }
    let rate = Double(sent) / (ContinuousClock.now - start).seconds
    await producer.shutdown()
    return rate
}()

try await TestDatabase.with("benchrelay", logger: logger) { database in
    try await Migrator(client: database.client, logger: logger).migrate([(PlatformMigrations.scope, PlatformMigrations.all)])
    for start in stride(from: 0, to: options.events, by: 1_000) {
        try await database.client.transaction(logger: logger) { connection in
            let events = try (start..<min(start + 1_000, options.events)).map {
                (topic, try CloudEvent.wrap(event($0), source: "urn:civil:bench"))
            }
            try await Outbox.append(events, on: connection, logger: logger)
        }
    }
    var producerConfiguration = kafka.producerConfiguration("bench-relay")
    producerConfiguration.lingerMs = 5
    let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger)
    _ = await producer.send(batch: [OutgoingMessage(topic: topic, key: nil, value: [1])])  // warm-up
    var relayConfiguration = OutboxRelay.Configuration()
    relayConfiguration.batchSize = 1_000
    let relay = OutboxRelay(name: "bench", database: database.configuration, client: database.client, producer: producer,
                            configuration: relayConfiguration, logger: logger)
    let start = ContinuousClock.now
    var published = 0
    while published < options.events {
        let batch = try await relay.publishOnce()
        guard batch.failed == 0, batch.published > 0 else { throw BenchError.setup("relay stalled: \(batch)") }
        published += batch.published
    }
    let relayRate = Double(published) / (ContinuousClock.now - start).seconds
    await producer.shutdown()
    print("")
    print("Relay (outbox -> Kafka, batches of 1000, marked after their delivery reports)")
    print(String(format: "  raw librdkafka producer   %10.0f events/s", rawRate))
    print(String(format: "  KafkaProducer.send(batch:) of 1000, awaited  %10.0f events/s", wrapperRate))
    print(String(format: "  outbox relay              %10.0f events/s   ratio %.1f%%", relayRate, relayRate / rawRate * 100))
}

// 2. Commands (business row + outbox row in one transaction) vs raw inserts.
try await TestDatabase.with("benchcmd", logger: logger) { database in
    try await Migrator(client: database.client, logger: logger).migrate([
        (PlatformMigrations.scope, PlatformMigrations.all),
        ("bench", [Migration(version: 1, name: "cases", statements: [
            "CREATE TABLE cases (id bigserial PRIMARY KEY, aggregate_id text NOT NULL, sequence int NOT NULL, note text NOT NULL)",
        ])]),
    ])
    let count = min(options.events, 10_000)
    func measure(_ work: @escaping @Sendable (Int) async throws -> Void) async throws -> Double {
        let next = Tickets()
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<options.writers {
                group.addTask {
                    while true {
                        let index = next.next()
                        if index >= count { return }
                        try await work(index)
                    }
                }
            }
            try await group.waitForAll()
        }
        return Double(count) / (ContinuousClock.now - start).seconds
    }
    let client = database.client
    let autocommit = try await measure { index in
        _ = try await client.query("INSERT INTO cases (aggregate_id, sequence, note) VALUES (\("a-\(index % 1_000)"), \(index), \(padding))",
                               logger: logger)
    }
    let inTransaction = try await measure { index in
        try await client.transaction(logger: logger) { connection in
            _ = try await connection.query(
                "INSERT INTO cases (aggregate_id, sequence, note) VALUES (\("a-\(index % 1_000)"), \(index), \(padding))", logger: logger)
        }
    }
    let commands = try await measure { index in
        try await client.transaction(logger: logger) { connection in
            try await connection.query(
                "INSERT INTO cases (aggregate_id, sequence, note) VALUES (\("a-\(index % 1_000)"), \(index), \(padding))", logger: logger)
            try await Outbox.append(event(index), source: "urn:civil:bench", on: connection, logger: logger)
        }
    }
    print("")
    print("Commands (\(options.writers) concurrent writers, \(count) each)")
    print(String(format: "  raw insert, autocommit             %8.0f rows/s", autocommit))
    print(String(format: "  raw insert in a transaction        %8.0f tx/s", inTransaction))
    print(String(format: "  command: business row + outbox row %8.0f tx/s   ratio %.1f%% of raw-in-transaction, %.1f%% of autocommit",
                 commands, commands / inTransaction * 100, commands / autocommit * 100))
}

// 3. End to end: command commit -> relay -> Kafka -> consumer commit, at a fixed offered rate.
try await TestDatabase.with("benche2e", logger: logger) { database in
    try await Migrator(client: database.client, logger: logger).migrate([
        (PlatformMigrations.scope, PlatformMigrations.all),
        ("bench", [Migration(version: 1, name: "effects", statements: [
            "CREATE TABLE effects (event_id uuid PRIMARY KEY, sequence int NOT NULL)",
        ])]),
    ])
    let recorder = LatencyRecorder()
    var handlers = EventHandlers()
    handlers.on(BenchEvent.self) { payload, context in
        try await context.connection.query(
            "INSERT INTO effects (event_id, sequence) VALUES (\(context.event.id), \(payload.sequence))", logger: context.logger)
    }
    let producer = try KafkaProducer(configuration: kafka.producerConfiguration("bench-e2e"), logger: logger)
    var relayConfiguration = OutboxRelay.Configuration()
    relayConfiguration.poll = .milliseconds(100)
    let relay = OutboxRelay(name: "e2e", database: database.configuration, client: database.client, producer: producer, configuration: relayConfiguration,
                            logger: logger)
    let consumer = InboxConsumer(
        configuration: .init(kafka: kafka.consumerConfiguration(group: "bench-e2e", topics: [topic])),
        client: database.client, deadLetterProducer: producer, handlers: handlers,
        faults: .init(afterCommitBeforeOffsetStore: { event in
            recorder.consumerCommitted(event.id)  // called right after the consumer's database commit
        }),
        logger: logger)
    let total = options.rate * options.seconds
    let warmup = options.rate  // the first second is not measured (group join, connections)
    let group = ServiceGroupRunner(services: [producer, relay, consumer], logger: logger)
    try await group.run {
        // Wait until the consumer has joined the group: one probe event round trip.
        try await sendCommand(database, -1, recorder: recorder)
        while recorder.count == 0 { try await Task.sleep(for: .milliseconds(50)) }
        recorder.reset()
        let interval = Duration.nanoseconds(1_000_000_000 / options.rate)
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { writers in
            for index in 0..<total {
                let due = start + interval * index
                if due > .now { try await Task.sleep(until: due) }
                writers.addTask { try await sendCommand(database, index, recorder: recorder) }
            }
            try await writers.waitForAll()
        }
        let deadline = ContinuousClock.now + .seconds(60)
        while recorder.count < total && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
    }
    let measured = Array(recorder.samples.dropFirst(warmup)).sorted()
    func percentile(_ p: Double) -> Double { measured.isEmpty ? .nan : measured[min(measured.count - 1, Int(Double(measured.count) * p))] }
    print("")
    print("End to end (command commit -> consumer commit), offered \(options.rate) events/s for \(options.seconds) s")
    print(String(format: "  delivered %d/%d   p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms",
                 recorder.count, total, percentile(0.50), percentile(0.90), percentile(0.99), measured.last ?? .nan))
}

@Sendable func sendCommand(_ database: TestDatabase, _ index: Int, recorder: LatencyRecorder) async throws {
    let id = UUID()
    try await database.client.transaction(logger: logger) { connection in
        try await Outbox.append(event(index), source: "urn:civil:bench", id: id, on: connection, logger: logger)
    }
    recorder.commandCommitted(id)
}
