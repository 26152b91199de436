import CRdKafka
import Foundation
import Logging
import Metrics

/// The object librdkafka's C callbacks reach through the conf `opaque` pointer.
///
/// It must outlive `rd_kafka_destroy`, so every client keeps a strong reference
/// to it and destroys the C handle first.
package final class KafkaClientContext: Sendable {
    let clientID: String
    let logger: Logger
    let statistics: KafkaStatisticsRecorder
    let onDelivery: (@Sendable (_ messageID: UInt, _ result: Result<DeliveryReport, KafkaError>) -> Void)?
    /// Consumers only: carries out a rebalance (librdkafka's rebalance callback).
    let onRebalance: (@Sendable (
        _ rk: OpaquePointer, _ error: rd_kafka_resp_err_t,
        _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) -> Void)?

    package init(
        clientID: String,
        logger: Logger,
        onDelivery: (@Sendable (UInt, Result<DeliveryReport, KafkaError>) -> Void)? = nil,
        onRebalance: (@Sendable (OpaquePointer, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?) -> Void)? = nil
    ) {
        self.clientID = clientID
        self.logger = logger
        self.statistics = KafkaStatisticsRecorder(clientID: clientID)
        self.onDelivery = onDelivery
        self.onRebalance = onRebalance
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ opaque: UnsafeMutableRawPointer?) -> KafkaClientContext? {
        guard let opaque else { return nil }
        return Unmanaged<KafkaClientContext>.fromOpaque(opaque).takeUnretainedValue()
    }

    /// Installs the callbacks every client type uses: logs, errors and statistics.
    package func install(on conf: OpaquePointer) {
        rd_kafka_conf_set_opaque(conf, opaque)
        rd_kafka_conf_set_log_cb(conf) { rk, level, facility, buffer in
            // May run on librdkafka's internal threads: only hand the line to swift-log.
            guard let rk, let context = KafkaClientContext.from(rd_kafka_opaque(rk)) else { return }
            let text = buffer.map { String(cString: $0) } ?? ""
            let fac = facility.map { String(cString: $0) } ?? ""
            context.logger.log(
                level: KafkaClientContext.logLevel(syslog: level),
                "\(text)",
                metadata: ["kafka.facility": "\(fac)", "kafka.client": "\(context.clientID)"]
            )
        }
        rd_kafka_conf_set_error_cb(conf) { _, err, reason, opaque in
            guard let context = KafkaClientContext.from(opaque) else { return }
            let text = reason.map { String(cString: $0) } ?? ""
            let name = String(cString: rd_kafka_err2name(rd_kafka_resp_err_t(rawValue: err)))
            context.logger.warning("librdkafka error \(name): \(text)", metadata: ["kafka.client": "\(context.clientID)"])
            Counter(label: "kafka_client_errors_total", dimensions: [("client", context.clientID), ("error", name)]).increment()
        }
        rd_kafka_conf_set_stats_cb(conf) { _, json, length, opaque in
            guard let json, let context = KafkaClientContext.from(opaque) else { return 0 }
            let bytes = UnsafeRawBufferPointer(start: json, count: length)
            context.statistics.record(Data(bytes))
            return 0  // librdkafka frees the buffer
        }
    }

    /// librdkafka uses syslog levels 0–7. Library logs stay at info or below,
    /// per swift-log's guidance, except real warnings and errors.
    static func logLevel(syslog level: Int32) -> Logger.Level {
        switch level {
        case ...3: return .error
        case 4: return .warning
        case 5, 6: return .info
        default: return .debug
        }
    }
}
