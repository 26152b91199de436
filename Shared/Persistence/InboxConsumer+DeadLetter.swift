import Contracts
import Foundation
import Logging
import Messaging
import Metrics

extension InboxConsumer {
    /// Sends the original message, with its reason, to the dead-letter topic. Retries until delivered,
    /// because moving on without it would lose the event.
    func deadLetter(_ message: KafkaMessage, reason: any Error, code: String, attempts: Int) async throws {
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
