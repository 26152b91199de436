import Contracts
import EventTransport
import Foundation
import Logging
import Messaging
import Persistence
import Synchronization

/// Malformed messages produced straight to the Registry's topic, as a buggy or hostile
/// producer would, bypassing the outbox. Each consumer must dead-letter every one of them
/// with its reason in the headers, and go on applying the good events around them.
enum PoisonEvents {
    static let keyPrefix = "poison-"

    /// A death-recorded envelope whose data is not a death.
    struct NotADeath: DomainEvent {
        static let eventType = DeathRecorded.eventType
        var aggregateID: String
        var unexpected: String
    }

    static func messages() throws -> [OutgoingMessage] {
        let topic = Topics.events(of: .registry)
        let wrongShape = try CloudEvent.wrap(NotADeath(aggregateID: keyPrefix + "wrong-shape", unexpected: "field"),
                                             source: Domain.registry.source)
        var truncated = OutgoingMessage(
            cloudEvent: try CloudEvent.wrap(NotADeath(aggregateID: keyPrefix + "truncated-json", unexpected: "x"),
                                            source: Domain.registry.source),
            topic: topic)
        truncated.value = Array(#"{"person":"pr_"#.utf8)
        return [
            // No CloudEvents headers at all.
            OutgoingMessage(topic: topic, key: Array((keyPrefix + "no-headers").utf8), value: Array("not an event".utf8)),
            truncated,
            OutgoingMessage(cloudEvent: wrongShape, topic: topic),
        ]
    }

    static func produce(bootstrap: String, logger: Logger) async throws -> Int {
        var configuration = KafkaProducerConfiguration(client: KafkaClientConfiguration(bootstrapServers: bootstrap,
                                                                                        clientID: "fault-harness-poison"))
        configuration.apply(.embedded)
        let producer = try KafkaProducer(configuration: configuration, logger: logger)
        let messages = try messages()
        let results = await producer.send(batch: messages)
        await producer.shutdown()
        for result in results { _ = try result.get() }
        return messages.count
    }
}

/// The dead-letter topics of the consumer groups, read from the start by a group of
/// the harness's own.
enum DeadLetters {
    struct Letter: Sendable {
        var topic: String
        var key: String?
        var reason: String?
        var code: String?
    }

    /// Every letter on `topics`: joins, waits for the assignment, then reads until nothing
    /// new arrived for `idle` (the mock broker answers from memory at once).
    static func read(topics: [String], bootstrap: String, logger: Logger, idle: Duration = .seconds(2),
                     deadline: Duration = .seconds(30)) async throws -> [Letter] {
        var configuration = KafkaConsumerConfiguration(
            client: KafkaClientConfiguration(bootstrapServers: bootstrap, clientID: "fault-harness-dlq"),
            groupID: "fault-harness-dlq-\(UUID().uuidString.prefix(8))", topics: topics)
        configuration.sessionTimeoutMs = 6_000
        configuration.heartbeatIntervalMs = 500
        configuration.fetchWaitMaxMs = 10
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        let collected = LetterBox()
        let reader = Task {
            for try await message in consumer.messages {
                collected.append(Letter(topic: message.topic, key: message.keyString,
                                        reason: message.header("dlq_reason")?.stringValue,
                                        code: message.header("dlq_error_code")?.stringValue))
            }
        }
        let assignments = Task {
            for await event in consumer.rebalanceEvents {
                if case .assigned(let parts) = event, !parts.isEmpty { collected.markAssigned() }
            }
        }
        // Done once assigned and nothing new for `idle`: the mock broker serves its log at once.
        let end = ContinuousClock.now + deadline
        while ContinuousClock.now < end {
            if let assigned = collected.assignedAt ?? (collected.count > 0 ? collected.lastArrival : nil),
               ContinuousClock.now - max(assigned, collected.lastArrival ?? assigned) > idle {
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        assignments.cancel()
        consumer.stop()
        // Bounded: a poll stuck in a rebalance callback must not hold the whole matrix (seen once
        // in many runs); the close below is bounded too, and what was collected is complete.
        _ = try? await withDeadline(.seconds(10)) { _ = await reader.result }
        await consumer.close()
        return collected.all
    }
}

/// The letters read so far, shared by the reading and the waiting task.
final class LetterBox: Sendable {
    private let state = Mutex<(letters: [DeadLetters.Letter], last: ContinuousClock.Instant?, assigned: ContinuousClock.Instant?)>(([], nil, nil))

    func append(_ letter: DeadLetters.Letter) {
        state.withLock { $0.letters.append(letter); $0.last = ContinuousClock.now }
    }

    func markAssigned() { state.withLock { if $0.assigned == nil { $0.assigned = ContinuousClock.now } } }

    var all: [DeadLetters.Letter] { state.withLock { $0.letters } }
    var count: Int { state.withLock { $0.letters.count } }
    var lastArrival: ContinuousClock.Instant? { state.withLock { $0.last } }
    var assignedAt: ContinuousClock.Instant? { state.withLock { $0.assigned } }
}
