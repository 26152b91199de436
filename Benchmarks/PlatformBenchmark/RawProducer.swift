import CRdKafka
import Foundation
import Messaging
import Synchronization

/// librdkafka without our wrapper: the ceiling the relay is compared with.
///
/// Like for like with the relay: the same librdkafka properties (`KafkaProducerConfiguration
/// .properties`, so idempotence, acks=all, murmur2, linger and the profile's settings), the
/// same messages (key, JSON value and the CloudEvents `ce_*` headers, built with
/// `OutgoingMessage(cloudEvent:topic:)`), the same broker. The messages are laid out in C
/// memory beforehand; the timed loop is `rd_kafka_produceva` per message (headers passed as
/// `RD_KAFKA_VTYPE_HEADER` entries, copied by librdkafka) and a final flush, with delivery
/// reports counted in the callback.
enum RawProducer {
    static let delivered = Atomic<Int>(0)
    static let failed = Atomic<Int>(0)

    static func run(configuration: KafkaProducerConfiguration, messages: [OutgoingMessage]) throws -> Double {
        let prepared = PreparedMessages(messages)
        let rk = try makeHandle(configuration)
        defer { rd_kafka_destroy(rk) }
        // Warm-up, as the relay's producer is warm: connection, metadata, producer id.
        try produce(rk, prepared.vectors[0])
        rd_kafka_flush(rk, 10_000)
        delivered.store(0, ordering: .relaxed)
        failed.store(0, ordering: .relaxed)
        let start = ContinuousClock.now
        for (index, vector) in prepared.vectors.enumerated() {
            try produce(rk, vector)
            if index % 1_000 == 999 { rd_kafka_poll(rk, 0) }
        }
        rd_kafka_flush(rk, 60_000)
        let seconds = (ContinuousClock.now - start).seconds
        let ok = delivered.load(ordering: .relaxed), bad = failed.load(ordering: .relaxed)
        guard bad == 0, ok == messages.count else {
            throw BenchError.setup("raw producer: \(ok) delivered, \(bad) failed")
        }
        return Double(messages.count) / seconds
    }

    static func makeHandle(_ configuration: KafkaProducerConfiguration) throws -> OpaquePointer {
        let conf = rd_kafka_conf_new()
        var errorText = [CChar](repeating: 0, count: 512)
        for (name, value) in configuration.properties {
            guard rd_kafka_conf_set(conf, name, value, &errorText, errorText.count) == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(conf)
                throw BenchError.setup("\(name)=\(value): \(String(cString: errorText))")
            }
        }
        rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
            if message?.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                RawProducer.delivered.add(1, ordering: .relaxed)
            } else {
                RawProducer.failed.add(1, ordering: .relaxed)
            }
        }
        guard let rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, &errorText, errorText.count) else {
            throw BenchError.setup("rd_kafka_new failed: \(String(cString: errorText))")
        }
        return rk
    }

    static func produce(_ rk: OpaquePointer, _ vector: [rd_kafka_vu_t]) throws {
        while true {
            let error = vector.withUnsafeBufferPointer { rd_kafka_produceva(rk, $0.baseAddress, $0.count) }
            guard let error else { return }
            let code = rd_kafka_error_code(error)
            rd_kafka_error_destroy(error)
            guard code == RD_KAFKA_RESP_ERR__QUEUE_FULL else {
                throw BenchError.setup("produce failed: \(String(cString: rd_kafka_err2str(code)))")
            }
            rd_kafka_poll(rk, 1)  // queue full: serve delivery reports, then retry
        }
    }
}

/// Messages as `rd_kafka_produceva` argument vectors, in C memory that lives as long as this.
final class PreparedMessages {
    private(set) var vectors: [[rd_kafka_vu_t]] = []
    private var allocations: [UnsafeMutableRawPointer] = []

    init(_ messages: [OutgoingMessage]) {
        var topics: [String: UnsafeMutablePointer<CChar>] = [:]
        vectors.reserveCapacity(messages.count)
        for message in messages {
            var vector: [rd_kafka_vu_t] = []
            vector.reserveCapacity(4 + message.headers.count)
            var topic = rd_kafka_vu_t()
            topic.vtype = RD_KAFKA_VTYPE_TOPIC
            if topics[message.topic] == nil { topics[message.topic] = cString(message.topic) }
            topic.u.cstr = UnsafePointer(topics[message.topic]!)
            vector.append(topic)
            var flags = rd_kafka_vu_t()
            flags.vtype = RD_KAFKA_VTYPE_MSGFLAGS
            flags.u.i = RD_KAFKA_MSG_F_COPY
            vector.append(flags)
            if let key = message.key {
                var entry = rd_kafka_vu_t()
                entry.vtype = RD_KAFKA_VTYPE_KEY
                entry.u.mem.ptr = copy(key)
                entry.u.mem.size = key.count
                vector.append(entry)
            }
            if let value = message.value {
                var entry = rd_kafka_vu_t()
                entry.vtype = RD_KAFKA_VTYPE_VALUE
                entry.u.mem.ptr = copy(value)
                entry.u.mem.size = value.count
                vector.append(entry)
            }
            for header in message.headers {
                var entry = rd_kafka_vu_t()
                entry.vtype = RD_KAFKA_VTYPE_HEADER
                entry.u.header.name = UnsafePointer(cString(header.name))
                entry.u.header.val = UnsafeRawPointer(copy(header.value))
                entry.u.header.size = header.value.count
                vector.append(entry)
            }
            vectors.append(vector)
        }
    }

    private func copy(_ bytes: [UInt8]) -> UnsafeMutableRawPointer {
        let pointer = malloc(max(1, bytes.count))!
        bytes.withUnsafeBytes { if let base = $0.baseAddress { memcpy(pointer, base, bytes.count) } }
        allocations.append(pointer)
        return pointer
    }

    private func cString(_ text: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(text)!
        allocations.append(UnsafeMutableRawPointer(pointer))
        return pointer
    }

    deinit { for pointer in allocations { free(pointer) } }
}

enum BenchError: Error { case setup(String) }

extension Duration {
    var milliseconds: Double { seconds * 1_000 }
}
