import CRdKafka

/// Builds an `rd_kafka_conf_t` from properties, reporting librdkafka's own message for a bad one.
package enum RDKafkaConf {
    /// The caller owns the returned conf until it passes it to `rd_kafka_new`.
    package static func make(_ properties: [String: String]) throws(KafkaError) -> OpaquePointer {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError.configuration("rd_kafka_conf_new failed")
        }
        var errorText = [CChar](repeating: 0, count: 512)
        for (name, value) in properties.sorted(by: { $0.key < $1.key }) {
            let result = rd_kafka_conf_set(conf, name, value, &errorText, errorText.count)
            if result != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                let text = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                // A refused password must not end up in a log line with the error.
                let shown = KafkaSecurity.sensitiveProperties.contains(name) ? KafkaSecurity.redacted : value
                throw KafkaError.configuration("\(name)=\(shown): \(text)")
            }
        }
        return conf
    }

    /// Creates the client; on failure librdkafka has not taken the conf, so it is destroyed here.
    package static func newClient(type: rd_kafka_type_t, conf: OpaquePointer) throws(KafkaError) -> OpaquePointer {
        var errorText = [CChar](repeating: 0, count: 512)
        guard let rk = rd_kafka_new(type, conf, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(conf)
            let text = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw KafkaError.configuration(text)
        }
        return rk
    }
}
