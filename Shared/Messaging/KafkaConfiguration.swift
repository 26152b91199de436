/// Settings shared by producers, consumers and admin clients.
///
/// A curated set of the properties this suite owns, plus `additional` as an
/// escape hatch for any other librdkafka property.
public struct KafkaClientConfiguration: Sendable {
    /// `host:port[,host:port]` of the brokers.
    public var bootstrapServers: String
    /// Shows up in broker logs and in metric labels.
    public var clientID: String
    /// librdkafka statistics (lag, rtt, queue sizes) are emitted as metrics at this interval; 0 disables.
    public var statisticsIntervalMs: Int = 5_000
    /// TLS and SASL towards the brokers; every client built from this configuration uses it.
    public var security: KafkaSecurity = .plaintext
    /// Any other librdkafka property, applied last.
    public var additional: [String: String] = [:]

    public init(bootstrapServers: String, clientID: String) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
    }

    /// The shared librdkafka properties (without `additional`, which each client type merges last).
    public var properties: [String: String] {
        var props = security.properties
        props["bootstrap.servers"] = bootstrapServers
        props["client.id"] = clientID
        props["statistics.interval.ms"] = String(statisticsIntervalMs)
        return props
    }
}

public struct KafkaProducerConfiguration: Sendable {
    public var client: KafkaClientConfiguration
    /// How long librdkafka batches messages before sending; the main latency/throughput knob.
    public var lingerMs: Int = 5
    /// After this long an undelivered message fails its delivery report; the outbox row stays and is retried.
    public var messageTimeoutMs: Int = 30_000
    /// The local queue bound; `send` fails with `QUEUE_FULL` past it.
    public var queueBufferingMaxMessages: Int = 100_000
    public var additional: [String: String] = [:]

    public init(client: KafkaClientConfiguration) {
        self.client = client
    }

    /// Every librdkafka property this configuration sets (benchmarks build raw clients from it).
    public var properties: [String: String] {
        var props = client.properties
        props["enable.idempotence"] = "true"  // off by default in 2.0.2
        props["acks"] = "all"
        props["partitioner"] = "murmur2_random"  // same key → partition as Java clients
        props["linger.ms"] = String(lingerMs)
        props["message.timeout.ms"] = String(messageTimeoutMs)
        props["queue.buffering.max.messages"] = String(queueBufferingMaxMessages)
        props.merge(client.additional) { _, new in new }
        props.merge(additional) { _, new in new }
        return props
    }
}

extension KafkaProducerConfiguration {
    /// Which broker the producer talks to, and therefore which tuning it gets.
    public enum Profile: String, Sendable, CaseIterable {
        /// Apache Kafka: librdkafka's own defaults (5 requests in flight per connection).
        case standard
        /// librdkafka 2.0.2's in-process mock cluster (the embedded broker of the demo and tests).
        case embedded
    }

    /// Settings for the embedded broker, chosen by measurement (`platform-bench --sweep`):
    /// the mock cluster answers a second request pipelined on a connection about 40 ms late.
    /// With 1 in flight an awaited batch of 1,000 took 2.4–8.8 ms (p50), never over 20 ms;
    /// with 2 or 5 the worst batches took 48–92 ms (5: every batch ≈ 45 ms at linger 0–1).
    /// Batch limits made no consistent difference (librdkafka's defaults are kept).
    /// Idempotence stays on (it allows up to 5 in flight; 1 keeps ordering trivial).
    public static let embeddedProperties: [String: String] = [
        "max.in.flight.requests.per.connection": "1",
    ]
    /// linger.ms for the embedded broker: 1 ms. One message waits 1.2–1.3 ms instead of
    /// 0.1–0.2 ms at 0, and raw throughput was higher in 5 of 6 paired runs (298–766k vs 270–559k events/s).
    public static let embeddedLingerMs = 1

    /// Applies a profile; `.standard` leaves librdkafka's defaults alone.
    public mutating func apply(_ profile: Profile) {
        guard profile == .embedded else { return }
        lingerMs = Self.embeddedLingerMs
        additional.merge(Self.embeddedProperties) { current, _ in current }
    }

    public func applying(_ profile: Profile) -> KafkaProducerConfiguration {
        var copy = self
        copy.apply(profile)
        return copy
    }
}

public struct KafkaConsumerConfiguration: Sendable {
    public var client: KafkaClientConfiguration
    public var groupID: String
    public var topics: [String]
    /// Where a group with no committed offset starts.
    public var autoOffsetReset: String = "earliest"
    /// Lower it in tests: the mock cluster waits `session.timeout.ms - 1000` on some rebalances.
    public var sessionTimeoutMs: Int = 45_000
    public var heartbeatIntervalMs: Int = 3_000
    public var maxPollIntervalMs: Int = 300_000
    /// Stored offsets are committed in the background at this interval and on revoke/close.
    public var autoCommitIntervalMs: Int = 1_000
    public var fetchWaitMaxMs: Int = 100
    public var additional: [String: String] = [:]

    public init(client: KafkaClientConfiguration, groupID: String, topics: [String]) {
        self.client = client
        self.groupID = groupID
        self.topics = topics
    }

    /// Every librdkafka property this configuration sets.
    public var properties: [String: String] {
        var props = client.properties
        props["group.id"] = groupID
        props["partition.assignment.strategy"] = "cooperative-sticky"
        // Offsets are stored by the application only after its database commit.
        props["enable.auto.offset.store"] = "false"
        props["enable.auto.commit"] = "true"
        props["auto.commit.interval.ms"] = String(autoCommitIntervalMs)
        props["auto.offset.reset"] = autoOffsetReset
        props["session.timeout.ms"] = String(sessionTimeoutMs)
        props["heartbeat.interval.ms"] = String(heartbeatIntervalMs)
        props["max.poll.interval.ms"] = String(maxPollIntervalMs)
        props["fetch.wait.max.ms"] = String(fetchWaitMaxMs)
        props.merge(client.additional) { _, new in new }
        props.merge(additional) { _, new in new }
        return props
    }
}
