import Foundation
import Metrics

/// Turns librdkafka's statistics JSON (see its STATISTICS.md) into swift-metrics gauges:
/// consumer lag per partition, broker round-trip time, and local queue sizes.
struct KafkaStatisticsRecorder: Sendable {
    let clientID: String

    func record(_ json: Data) {
        guard let root = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else { return }
        if let queued = root["msg_cnt"] as? Int {
            Gauge(label: "kafka_client_queued_messages", dimensions: [("client", clientID)]).record(queued)
        }
        if let replyq = root["replyq"] as? Int {
            Gauge(label: "kafka_client_reply_queue", dimensions: [("client", clientID)]).record(replyq)
        }
        if let brokers = root["brokers"] as? [String: Any] {
            for (name, value) in brokers {
                guard let broker = value as? [String: Any],
                      let nodeID = broker["nodeid"] as? Int, nodeID >= 0,
                      let rtt = broker["rtt"] as? [String: Any],
                      let avg = rtt["avg"] as? Int else { continue }
                Gauge(label: "kafka_broker_rtt_avg_microseconds", dimensions: [("client", clientID), ("broker", name)])
                    .record(avg)
                if let outbuf = broker["outbuf_cnt"] as? Int {
                    Gauge(label: "kafka_broker_outbuf_requests", dimensions: [("client", clientID), ("broker", name)])
                        .record(outbuf)
                }
            }
        }
        if let topics = root["topics"] as? [String: Any] {
            for (topic, value) in topics {
                guard let partitions = (value as? [String: Any])?["partitions"] as? [String: Any] else { continue }
                for (partition, raw) in partitions {
                    guard partition != "-1",
                          let stats = raw as? [String: Any],
                          let lag = stats["consumer_lag"] as? Int, lag >= 0 else { continue }
                    Gauge(
                        label: "kafka_consumer_lag",
                        dimensions: [("client", clientID), ("topic", topic), ("partition", partition)]
                    ).record(lag)
                }
            }
        }
    }
}
