import Foundation
import Messaging
import Synchronization
import TestSupport

/// Reads topics from the beginning with a fresh consumer group and returns as soon as what was
/// read satisfies `enough`, instead of waiting out a fixed window.
///
/// `settle` keeps reading for a little longer once `enough` holds, so that a test counting
/// "exactly one" also sees a late duplicate; `timeout` bounds the wait when the events never come.
public struct TopicReader: Sendable {
    public let kafka: TestKafka
    public let topics: [String]

    public init(kafka: TestKafka, topics: [String]) {
        self.kafka = kafka
        self.topics = topics
    }

    public func read(
        timeout: Duration = .seconds(20),
        settle: Duration = .zero,
        until enough: @escaping @Sendable ([KafkaMessage]) -> Bool
    ) async throws -> [KafkaMessage] {
        let consumer = try KafkaConsumer(
            configuration: kafka.consumerConfiguration(group: "reader-\(UUID())", topics: topics),
            logger: TestKafka.logger)
        let read = Collected()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                while let batch = try await consumer.nextBatch(max: 500) {
                    read.messages.withLock { $0 += batch }
                }
            }
            // The clock: stops the consumer at the deadline, or `settle` after `enough` first held.
            let deadline = ContinuousClock.now + timeout
            var stopAt = deadline
            var satisfied = false
            while ContinuousClock.now < stopAt {
                try await Task.sleep(for: .milliseconds(20))
                if !satisfied, enough(read.messages.withLock { $0 }) {
                    satisfied = true
                    stopAt = min(deadline, .now + settle)
                }
            }
            consumer.stop()
            try await group.waitForAll()
        }
        await consumer.close()
        return read.messages.withLock { $0 }
    }

    /// The messages whose CloudEvents `type` is `type`, once `count` of them arrived.
    public func events(ofType type: String, count: Int, timeout: Duration = .seconds(20), settle: Duration = .zero) async throws -> [KafkaMessage] {
        try await read(timeout: timeout, settle: settle) { messages in
            messages.lazy.filter { $0.cloudEventType == type }.count >= count
        }.filter { $0.cloudEventType == type }
    }
}

/// What the reading task has collected so far, shared with the clock.
private final class Collected: Sendable {
    let messages = Mutex<[KafkaMessage]>([])
}

extension KafkaMessage {
    /// The `ce_type` header of a CloudEvent in binary mode.
    public var cloudEventType: String? { header("ce_type")?.stringValue }
}

extension TopicReader {
    /// How many events of each type in `expected` were published: reads until every count is
    /// reached, then `settle` longer, so that a duplicate would be counted too.
    public func counts(_ expected: [String: Int], settle: Duration = .seconds(2)) async throws -> [String: Int] {
        let types = Set(expected.keys)
        let messages = try await read(settle: settle) { messages in
            let counts = Self.counts(of: messages, types: types)
            return expected.allSatisfy { counts[$0.key, default: 0] >= $0.value }
        }
        return Self.counts(of: messages, types: types)
    }

    private static func counts(of messages: [KafkaMessage], types: Set<String>) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: types.map { ($0, 0) })
        for message in messages {
            if let type = message.cloudEventType, types.contains(type) { counts[type, default: 0] += 1 }
        }
        return counts
    }
}
