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
/// Kafka offsets stored.
///
/// What happens on a failure is decided by `InboxRetryStateMachine` from the error's
/// `InboxErrorClassification`:
/// - the database is unavailable (connection lost or refused, SQLSTATE 08/53/57P, or a
///   serialization failure or deadlock): the assigned partitions are paused, the consumer
///   keeps polling (rebalances are served, `max.poll.interval.ms` is never exceeded), and the
///   work in hand is retried with jittered backoff until it succeeds or the service stops;
///   then the partitions are resumed. Nothing is dead-lettered for it.
/// - otherwise a failed batch is applied one event at a time; an event that cannot be decoded
///   or raises a `PermanentEventError` goes to the group's dead-letter topic at once, one whose
///   handler keeps failing after `maxAttempts`, with its error and attempt count.
public final class InboxConsumer: Service, Sendable {
    public struct Configuration: Sendable {
        public var kafka: KafkaConsumerConfiguration
        /// Handler failures before an event is dead-lettered (database outages do not count).
        public var maxAttempts = 5
        /// Wait before retrying a failed handler, times the attempt number.
        public var retryBackoff: Duration = .milliseconds(200)
        /// Waits between retries while the database is unavailable (jittered, exponential).
        public var outageBackoff = InboxBackoff(initial: .milliseconds(100), maximum: .seconds(5))
        /// An attempt running longer than this (the pool waiting for a connection the database
        /// refuses, a slow handler) pauses the partitions and polls until it ends, so rebalances
        /// and `max.poll.interval.ms` are served.
        public var pauseSlowAttemptsAfter: Duration = .seconds(1)
        public var deadLetterTopic: String
        /// Messages applied in one transaction when they are already waiting.
        public var maxBatch = 200

        public init(kafka: KafkaConsumerConfiguration, deadLetterTopic: String? = nil) {
            self.kafka = kafka
            self.deadLetterTopic = deadLetterTopic ?? Topics.deadLetter(group: kafka.groupID)
        }

        var retryPolicy: InboxRetryStateMachine.Policy {
            .init(maxAttempts: maxAttempts, handlerBackoff: retryBackoff, transientBackoff: outageBackoff)
        }
    }

    let configuration: Configuration
    let client: PostgresClient
    let producer: KafkaProducer
    let handlers: EventHandlers
    let hooks: any InboxConsumerHooks
    let logger: Logger
    var group: String { configuration.kafka.groupID }

    public init(
        configuration: Configuration, client: PostgresClient, deadLetterProducer: KafkaProducer,
        handlers: EventHandlers, hooks: any InboxConsumerHooks = NoInboxConsumerHooks(), logger: Logger
    ) {
        self.configuration = configuration
        self.client = client
        self.producer = deadLetterProducer
        self.handlers = handlers
        self.hooks = hooks
        self.logger = logger
    }

    public func run() async throws {
        let consumer = try KafkaConsumer(configuration: configuration.kafka, logger: logger)
        recordPaused(0)
        do {
            try await withGracefulShutdownHandler {
                while let batch = try await consumer.nextBatch(max: self.configuration.maxBatch) {
                    // A stop during an outage leaves the work in hand unacknowledged: it is
                    // delivered again after the restart.
                    guard try await self.process(batch, consumer: consumer) == .done else { break }
                }
            } onGracefulShutdown: {
                consumer.stop()
            }
        } catch {
            await consumer.close()
            recordPaused(0)
            throw error
        }
        await consumer.close()
        recordPaused(0)
    }
}
