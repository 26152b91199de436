import CRdKafka
import Logging

/// Answers "can we reach a broker?" for readiness checks, with its own small
/// handle so a slow metadata request never holds up producing or consuming.
public final class KafkaBrokerProbe: Sendable {
    private let handle: SendablePointer
    private let context: KafkaClientContext

    public init(client: KafkaClientConfiguration, logger: Logger) throws {
        let context = KafkaClientContext(clientID: client.clientID + "-probe", logger: logger)
        var props = client.properties
        props["client.id"] = client.clientID + "-probe"
        props["statistics.interval.ms"] = "0"
        props["log_level"] = "3"  // an unreachable broker is reported by readiness, not by log spam
        let conf = try RDKafkaConf.make(props)
        context.install(on: conf)
        self.handle = SendablePointer(raw: try RDKafkaConf.newClient(type: RD_KAFKA_PRODUCER, conf: conf))
        self.context = context
    }

    /// The number of brokers in the cluster's metadata; throws when none answers in time.
    public func brokerCount(timeoutMs: Int32 = 2_000) async throws -> Int {
        let handle = self.handle
        return try await BlockingCalls.run { () throws -> Int in
            var metadata: UnsafePointer<rd_kafka_metadata>?
            let result = rd_kafka_metadata(handle.raw, 0, nil, &metadata, timeoutMs)
            guard result == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
                throw KafkaError(result, context: "broker metadata")
            }
            defer { rd_kafka_metadata_destroy(metadata) }
            return Int(metadata.pointee.broker_cnt)
        }
    }

    deinit {
        // Off the cooperative pool (``BlockingCalls/detach(_:)``); the context outlives the destroy.
        let handle = self.handle, context = self.context
        BlockingCalls.detach {
            rd_kafka_destroy(handle.raw)
            _ = context
        }
    }
}
