import Contracts
import Foundation
import Logging
import Messaging
import Metrics
import PostgresNIO
import ServiceLifecycle

/// Consumes events exactly once in effect.
///
/// It takes the messages librdkafka has ready (up to `maxBatch`), opens one
/// transaction, inserts `(group, source, event id)` for each into the inbox and
/// runs the handlers of the new ones in that same transaction. A duplicate
/// delivery finds its inbox row and does nothing. Only after the commit are the
/// Kafka offsets stored. If anything in a batch fails, the batch is rolled back
/// and its events are retried one by one; an event that keeps failing is sent to
/// the group's dead-letter topic with its error and attempt count, and the
/// consumer moves on.
public final class InboxConsumer: Service, Sendable {
    public struct Configuration: Sendable {
        public var kafka: KafkaConsumerConfiguration
        /// Attempts before an event is dead-lettered.
        public var maxAttempts = 5
        public var retryBackoff: Duration = .milliseconds(200)
        public var deadLetterTopic: String
        /// Messages applied in one transaction when they are already waiting.
        public var maxBatch = 200

        public init(kafka: KafkaConsumerConfiguration, deadLetterTopic: String? = nil) {
            self.kafka = kafka
            self.deadLetterTopic = deadLetterTopic ?? Topics.deadLetter(group: kafka.groupID)
        }
    }

    /// Test seams that make the consumer die at a precise point.
    public struct Faults: Sendable {
        public var afterCommitBeforeOffsetStore: (@Sendable (CloudEvent) throws -> Void)?
        public init(afterCommitBeforeOffsetStore: (@Sendable (CloudEvent) throws -> Void)? = nil) {
            self.afterCommitBeforeOffsetStore = afterCommitBeforeOffsetStore
        }
    }

    private let configuration: Configuration
    private let client: PostgresClient
    private let producer: KafkaProducer
    private let handlers: EventHandlers
    private let faults: Faults
    private let logger: Logger
    private var group: String { configuration.kafka.groupID }

    public init(
        configuration: Configuration, client: PostgresClient, deadLetterProducer: KafkaProducer,
        handlers: EventHandlers, faults: Faults = .init(), logger: Logger
    ) {
        self.configuration = configuration
        self.client = client
        self.producer = deadLetterProducer
        self.handlers = handlers
        self.faults = faults
        self.logger = logger
    }

    public func run() async throws {
        let consumer = try KafkaConsumer(configuration: configuration.kafka, logger: logger)
        do {
            try await withGracefulShutdownHandler {
                for try await first in consumer.messages {
                    var batch = [first]
                    while batch.count < self.configuration.maxBatch, let next = consumer.pollReady() {
                        batch.append(next)
                    }
                    try await self.process(batch, consumer: consumer)
                }
            } onGracefulShutdown: {
                consumer.stop()
            }
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
    }

    /// One transaction for every event of the batch that has a handler; one by one if it fails.
    func process(_ batch: [KafkaMessage], consumer: KafkaConsumer) async throws {
        guard batch.count > 1 else {
            try await process(batch[0], consumer: consumer)
            return
        }
        var handled: [(message: KafkaMessage, event: CloudEvent, handler: EventHandlers.Handler)] = []
        for message in batch {
            guard let event = try? message.cloudEvent(), let handler = handlers.handler(for: event.type) else { continue }
            handled.append((message, event, handler))
        }
        if handled.count == batch.count || handled.isEmpty {
            if !handled.isEmpty {
                do {
                    let applied = try await applyBatch(handled)
                    for item in handled {
                        let outcome = applied.contains(item.event.id) ? "applied" : "duplicate"
                        Counter(label: "inbox_events_total", dimensions: [("group", group), ("type", item.event.type),
                                                                         ("outcome", outcome)]).increment()
                        try faults.afterCommitBeforeOffsetStore?(item.event)
                    }
                    storeOffsets(batch, consumer: consumer)
                    return
                } catch let crash as SimulatedCrash {
                    throw crash
                } catch {
                    logger.warning("batch failed; applying its events one by one", metadata: ["error": "\(error)"])
                }
            } else {
                storeOffsets(batch, consumer: consumer)  // nothing this service reacts to
                return
            }
        }
        for message in batch { try await process(message, consumer: consumer) }
    }

    /// Inserts the batch's inbox rows and runs the handlers of the new events, in order,
    /// in one transaction. Returns the ids of the events applied now.
    private func applyBatch(
        _ items: [(message: KafkaMessage, event: CloudEvent, handler: EventHandlers.Handler)]
    ) async throws -> Set<UUID> {
        let logger = self.logger
        let group = self.group
        return try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query("""
                INSERT INTO inbox (consumer_group, source, event_id, event_type, topic, kafka_partition, kafka_offset)
                SELECT \(group), * FROM unnest(\(items.map(\.event.source))::text[], \(items.map(\.event.id))::uuid[],
                    \(items.map(\.event.type))::text[], \(items.map(\.message.topic))::text[],
                    \(items.map(\.message.partition))::int[], \(items.map(\.message.offset))::bigint[])
                ON CONFLICT DO NOTHING RETURNING source, event_id
                """, logger: logger)
            var new = Set<String>()
            for try await (source, id) in rows.decode((String, UUID).self) { new.insert("\(source) \(id)") }
            var applied = Set<UUID>()
            for item in items where new.remove("\(item.event.source) \(item.event.id)") != nil {
                try await item.handler(EventContext(event: item.event, connection: connection, logger: logger))
                applied.insert(item.event.id)
            }
            return applied
        }
    }

    /// Stores the highest offset of each partition in the batch.
    private func storeOffsets(_ batch: [KafkaMessage], consumer: KafkaConsumer) {
        var last: [TopicPartition: KafkaMessage] = [:]
        for message in batch {
            let key = TopicPartition(topic: message.topic, partition: message.partition)
            if let known = last[key], known.offset > message.offset { continue }
            last[key] = message
        }
        for message in last.values { storeOffset(message, consumer: consumer) }
    }

    func process(_ message: KafkaMessage, consumer: KafkaConsumer) async throws {
        let event: CloudEvent
        do {
            event = try message.cloudEvent()
        } catch {
            try await deadLetter(message, reason: error, code: error.code, attempts: 1)
            storeOffset(message, consumer: consumer)
            return
        }
        guard let handler = handlers.handler(for: event.type) else {
            storeOffset(message, consumer: consumer)  // not an event this service reacts to
            return
        }
        var attempt = 0
        while true {
            attempt += 1
            do {
                let applied = try await apply(event, message: message, handler: handler)
                Counter(label: "inbox_events_total", dimensions: [("group", group), ("type", event.type),
                                                                 ("outcome", applied ? "applied" : "duplicate")]).increment()
                break
            } catch let error where error is any PermanentEventError || attempt >= configuration.maxAttempts {
                logger.error("event dead-lettered", metadata: ["ce.id": "\(event.id)", "ce.type": "\(event.type)",
                                                               "attempts": "\(attempt)", "error": "\(String(reflecting: error))"])
                let code = (error as? CloudEventError)?.code ?? "handler.failed"
                try await deadLetter(message, reason: error, code: code, attempts: attempt)
                break
            } catch {
                logger.warning("event handler failed; retrying", metadata: ["ce.id": "\(event.id)", "attempt": "\(attempt)",
                                                                            "error": "\(error)"])
                try await Task.sleep(for: configuration.retryBackoff * attempt)
            }
        }
        try faults.afterCommitBeforeOffsetStore?(event)
        storeOffset(message, consumer: consumer)
    }

    /// Runs the handler and the inbox insert in one transaction; false for a duplicate.
    private func apply(_ event: CloudEvent, message: KafkaMessage, handler: EventHandlers.Handler) async throws -> Bool {
        let logger = self.logger
        let group = self.group
        return try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query("""
                INSERT INTO inbox (consumer_group, source, event_id, event_type, topic, kafka_partition, kafka_offset)
                VALUES (\(group), \(event.source), \(event.id), \(event.type), \(message.topic),
                        \(message.partition), \(message.offset))
                ON CONFLICT DO NOTHING RETURNING 1
                """, logger: logger)
            var inserted = false
            for try await _ in rows { inserted = true }
            guard inserted else { return false }
            try await handler(EventContext(event: event, connection: connection, logger: logger))
            return true
        }
    }

    private func storeOffset(_ message: KafkaMessage, consumer: KafkaConsumer) {
        do {
            try consumer.storeOffset(for: message)
        } catch {
            // The partition moved during processing: its new owner redelivers, and the inbox drops it.
            logger.warning("could not store offset", metadata: ["error": "\(error)"])
        }
    }

    /// Sends the original message, with its reason, to the dead-letter topic. Retries until delivered,
    /// because moving on without it would lose the event.
    private func deadLetter(_ message: KafkaMessage, reason: any Error, code: String, attempts: Int) async throws {
        var headers = message.headers
        headers.append(KafkaHeader(name: "dlq_reason", string: String(describing: reason)))
        headers.append(KafkaHeader(name: "dlq_error_code", string: code))
        headers.append(KafkaHeader(name: "dlq_attempts", string: String(attempts)))
        headers.append(KafkaHeader(name: "dlq_consumer_group", string: group))
        headers.append(KafkaHeader(name: "dlq_original_topic", string: message.topic))
        headers.append(KafkaHeader(name: "dlq_original_partition", string: String(message.partition)))
        headers.append(KafkaHeader(name: "dlq_original_offset", string: String(message.offset)))
        headers.append(KafkaHeader(name: "dlq_failed_at", string: RFC3339.format(Date())))
        let outgoing = OutgoingMessage(topic: configuration.deadLetterTopic, key: message.key, value: message.value, headers: headers)
        var delay = Duration.milliseconds(200)
        while true {
            do {
                _ = try await producer.send(outgoing)
                Counter(label: "inbox_dead_lettered_total", dimensions: [("group", group), ("code", code)]).increment()
                return
            } catch {
                logger.error("dead-letter publish failed; retrying", metadata: ["error": "\(error)"])
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(10))
            }
        }
    }
}
