import Contracts
import EmbeddedBroker
import Foundation
import Logging
import Messaging

/// An in-process mock Kafka cluster with the suite's topics, and client settings
/// tuned for it (short session timeout: the mock waits `session.timeout.ms − 1 s`
/// on some rebalances).
public final class TestKafka: Sendable {
    public let cluster: MockKafkaCluster
    public let partitions: Int

    public init(brokers: Int = 1, partitions: Int = 4, extraTopics: [String] = []) throws {
        var logger = Logger(label: "test.kafka")
        logger.logLevel = .warning
        cluster = try MockKafkaCluster(brokers: brokers, logger: logger)
        self.partitions = partitions
        for topic in Topics.all + extraTopics {
            try cluster.createTopic(topic, partitions: partitions, replicationFactor: brokers)
        }
    }

    public func client(_ id: String) -> KafkaClientConfiguration {
        var client = KafkaClientConfiguration(bootstrapServers: cluster.bootstrapServers, clientID: id)
        client.statisticsIntervalMs = 1_000
        return client
    }

    /// The embedded profile (one request in flight per connection: the mock cluster answers a
    /// second pipelined request about 40 ms late), as the demo's services use it.
    public func producerConfiguration(_ id: String = "test-producer") -> KafkaProducerConfiguration {
        KafkaProducerConfiguration(client: client(id)).applying(.embedded)
    }

    public func consumerConfiguration(group: String, topics: [String], id: String = "test-consumer") -> KafkaConsumerConfiguration {
        var configuration = KafkaConsumerConfiguration(client: client(id), groupID: group, topics: topics)
        configuration.sessionTimeoutMs = 6_000
        configuration.heartbeatIntervalMs = 500
        configuration.fetchWaitMaxMs = 10
        configuration.autoCommitIntervalMs = 200
        return configuration
    }

    public static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["CIVIL_TEST_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
        return logger
    }
}
