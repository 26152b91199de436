import CRdKafka
import Logging
import Messaging

/// librdkafka's in-memory mock cluster: the embedded broker for development (the
/// `embedded-kafka` tool) and tests. Kept out of `Messaging` so no service links it.
///
/// Limits (librdkafka 2.0.2): memory only; each partition keeps at most 5 MiB or
/// 100,000 message sets and silently drops the oldest; the first group join takes
/// about 3 s and some rebalances wait `session.timeout.ms − 1 s`; plaintext only;
/// no CreateTopics (topics are created here); no transaction markers.
public final class MockKafkaCluster: Sendable {
    private let owner: SendablePointer
    private let cluster: SendablePointer
    private let context: KafkaClientContext
    public let bootstrapServers: String
    public let brokerCount: Int

    public init(brokers: Int = 1, logger: Logger = Logger(label: "civil.kafka.mock")) throws {
        let context = KafkaClientContext(clientID: "mock-cluster", logger: logger)
        let conf = try RDKafkaConf.make(["client.id": "mock-cluster-owner", "log_level": "4"])
        context.install(on: conf)
        // The cluster lives inside a client handle that must outlive it.
        let rk = try RDKafkaConf.newClient(type: RD_KAFKA_PRODUCER, conf: conf)
        guard let cluster = rd_kafka_mock_cluster_new(rk, Int32(brokers)) else {
            rd_kafka_destroy(rk)
            throw KafkaError.configuration("rd_kafka_mock_cluster_new failed")
        }
        self.owner = SendablePointer(raw: rk)
        self.cluster = SendablePointer(raw: cluster)
        self.context = context
        self.bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
        self.brokerCount = brokers
    }

    public func createTopic(_ name: String, partitions: Int, replicationFactor: Int = 1) throws(KafkaError) {
        let result = rd_kafka_mock_topic_create(cluster.raw, name, Int32(partitions), Int32(min(replicationFactor, brokerCount)))
        if result != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(result, context: "create mock topic \(name)") }
    }

    public func createTopics(_ specs: [TopicSpec]) throws(KafkaError) {
        for spec in specs { try createTopic(spec.name, partitions: spec.partitions, replicationFactor: spec.replicationFactor) }
    }

    /// Refuses new connections and drops existing ones (does not move partition leadership).
    public func setBrokerDown(_ brokerID: Int32) {
        rd_kafka_mock_broker_set_down(cluster.raw, brokerID)
    }

    public func setBrokerUp(_ brokerID: Int32) {
        rd_kafka_mock_broker_set_up(cluster.raw, brokerID)
    }

    public func setAllBrokersDown() { for id in 1...Int32(brokerCount) { setBrokerDown(id) } }
    public func setAllBrokersUp() { for id in 1...Int32(brokerCount) { setBrokerUp(id) } }

    /// Makes the next `errors.count` requests of `apiKey` (e.g. 0 = Produce) fail with these codes.
    public func pushRequestErrors(apiKey: Int16, errors: [Int32]) {
        var codes = errors.map { rd_kafka_resp_err_t(rawValue: $0) }
        codes.withUnsafeMutableBufferPointer { buffer in
            rd_kafka_mock_push_request_errors_array(cluster.raw, apiKey, buffer.count, buffer.baseAddress)
        }
    }

    deinit {
        // Off the cooperative pool (``BlockingCalls/detach(_:)``): destroying the cluster and its
        // owner waits for their threads and connected clients, for seconds when brokers are down.
        let cluster = self.cluster, owner = self.owner, context = self.context
        BlockingCalls.detach {
            rd_kafka_mock_cluster_destroy(cluster.raw)
            rd_kafka_destroy(owner.raw)
            _ = context
        }
    }
}
