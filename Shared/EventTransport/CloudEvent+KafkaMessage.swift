import Contracts
import Messaging

extension OutgoingMessage {
    /// A CloudEvent in Kafka binary mode: `ce_*` headers, JSON value, key = aggregate id.
    public init(cloudEvent event: CloudEvent, topic: String) {
        self.init(
            topic: topic,
            key: Array(event.key.utf8),
            value: event.data,
            headers: event.kafkaHeaders.map { KafkaHeader(name: $0.name, string: $0.value) }
        )
    }
}

extension KafkaMessage {
    /// Reads a binary-mode CloudEvent; throws for a message that is not one (a poison message).
    public func cloudEvent() throws(CloudEventError) -> CloudEvent {
        try CloudEvent(
            kafkaHeaders: headers.map { (name: $0.name, value: $0.stringValue) },
            key: keyString,
            value: value
        )
    }
}
