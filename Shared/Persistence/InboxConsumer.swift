import Contracts
import Foundation
import Logging
import Messaging
import Metrics
import PostgresNIO
import ServiceLifecycle

/// Consumes events exactly once in effect.
///
/// For each message: open a transaction, insert `(group, source, event id)` into
/// the inbox, and run the handler in the same transaction. A duplicate delivery
/// finds the inbox row and does nothing. Only after the commit is the Kafka offset
/// stored. An event that keeps failing is sent to the group's dead-letter topic
/// with its error and attempt count, and the consumer moves on.
public final class InboxConsumer: Service, Sendable {
    public struct Configuration: Sendable {
        public var kafka: KafkaConsumerConfiguration
        /// Attempts before an event is dead-lettered.
        public var maxAttempts = 5
        public var retryBackoff: Duration = .milliseconds(200)
        public var deadLetterTopic: String

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
                for try await message in consumer.messages {
                    try await self.process(message, consumer: consumer)
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
                                                               "attempts": "\(attempt)", "error": "\(error)"])
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
