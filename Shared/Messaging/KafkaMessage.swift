/// A Kafka record header: a name and raw bytes (EventTransport carries CloudEvents attributes in them, `ce_id`, `ce_type`, …).
public struct KafkaHeader: Sendable, Equatable {
    public var name: String
    public var value: [UInt8]

    public init(name: String, value: [UInt8]) {
        self.name = name
        self.value = value
    }

    public init(name: String, string: String) {
        self.init(name: name, value: Array(string.utf8))
    }

    public var stringValue: String { String(decoding: value, as: UTF8.self) }
}

/// A message to produce. The key decides the partition, so all events of one aggregate stay in order.
public struct OutgoingMessage: Sendable {
    public var topic: String
    public var key: [UInt8]?
    public var value: [UInt8]?
    public var headers: [KafkaHeader]

    public init(topic: String, key: [UInt8]?, value: [UInt8]?, headers: [KafkaHeader] = []) {
        self.topic = topic
        self.key = key
        self.value = value
        self.headers = headers
    }
}

/// A consumed message, copied out of librdkafka so no C memory outlives the poll.
public struct KafkaMessage: Sendable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public var key: [UInt8]?
    public var value: [UInt8]?
    public var headers: [KafkaHeader]
    /// Milliseconds since the epoch, if the broker or producer set one.
    public var timestampMs: Int64?

    public init(topic: String, partition: Int32, offset: Int64, key: [UInt8]?, value: [UInt8]?,
                headers: [KafkaHeader], timestampMs: Int64? = nil) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestampMs = timestampMs
    }

    public func header(_ name: String) -> KafkaHeader? {
        headers.last { $0.name == name }
    }

    public var keyString: String? { key.map { String(decoding: $0, as: UTF8.self) } }
}

/// Where a produced message landed.
public struct DeliveryReport: Sendable, Equatable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
}

public struct TopicPartition: Sendable, Hashable, CustomStringConvertible {
    public var topic: String
    public var partition: Int32
    public var description: String { "\(topic)[\(partition)]" }

    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }
}

/// A consumer-group rebalance as seen by this member.
public enum RebalanceEvent: Sendable, Equatable {
    case assigned([TopicPartition])
    /// `lost` is true when the partitions were taken away without a clean revoke (session timeout).
    case revoked([TopicPartition], lost: Bool)
}
