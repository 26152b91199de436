import Contracts
import Foundation
import Logging
import Messaging
import Persistence
import PostgresNIO
import TestSupport

/// Command commit → relay → Kafka → inbox consumer commit, at a fixed offered rate.
enum EndToEnd {
    struct Result {
        var delivered: Int
        var total: Int
        var p50, p90, p99, max: Double
    }

    static func run(rate: Int, seconds: Int, kafka: TestKafka, logger: Logger) async throws -> Result {
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
            let producer = try KafkaProducer(configuration: kafka.producerConfiguration("bench-e2e-\(rate)"), logger: logger)
            let relay = OutboxRelay(name: "e2e", database: database.configuration, client: database.client, producer: producer,
                                    logger: logger)
            let consumer = InboxConsumer(
                configuration: .init(kafka: kafka.consumerConfiguration(group: "bench-e2e-\(rate)", topics: [topic])),
                client: database.client, deadLetterProducer: producer, handlers: handlers,
                hooks: recorder,  // told right after the consumer's database commit
                logger: logger)
            let total = rate * seconds
            let warmup = rate  // the first second is not counted
            try await ServiceGroupRunner(services: [producer, relay, consumer], logger: logger).run {
                // Wait until the consumer has joined the group: one probe event round trip.
                try await sendCommand(database, -1, recorder: recorder)
                while recorder.count == 0 { try await Task.sleep(for: .milliseconds(50)) }
                recorder.reset()
                let interval = Duration.nanoseconds(1_000_000_000 / rate)
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
            func percentile(_ p: Double) -> Double {
                measured.isEmpty ? .nan : measured[min(measured.count - 1, Int(Double(measured.count) * p))]
            }
            return Result(delivered: recorder.count, total: total, p50: percentile(0.50), p90: percentile(0.90),
                          p99: percentile(0.99), max: measured.last ?? .nan)
        }
    }

    @Sendable static func sendCommand(_ database: TestDatabase, _ index: Int, recorder: LatencyRecorder) async throws {
        let id = UUID()
        try await database.client.transaction(logger: logger) { connection in
            try await Outbox.append(event(index), source: source, id: id, on: connection, logger: logger)
        }
        recorder.commandCommitted(id)
    }
}
