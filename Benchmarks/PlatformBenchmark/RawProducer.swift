import CRdKafka
import Foundation
import ServiceKit
import Synchronization

/// librdkafka without our wrapper: the same settings as `KafkaProducer`
/// (idempotent, acks=all, murmur2), `rd_kafka_produce` in a loop, then flush.
/// This is the ceiling the relay is compared with.
enum RawProducer {
    static let delivered = Atomic<Int>(0)
    static let failed = Atomic<Int>(0)

    static func run(bootstrap: String, topic: String, count: Int, payload: [UInt8]) throws -> Double {
        let conf = rd_kafka_conf_new()
        var errorText = [CChar](repeating: 0, count: 512)
        let settings = ["bootstrap.servers": bootstrap, "enable.idempotence": "true", "acks": "all",
                        "partitioner": "murmur2_random", "linger.ms": "5", "queue.buffering.max.messages": "1000000"]
        for (name, value) in settings { rd_kafka_conf_set(conf, name, value, &errorText, errorText.count) }
        rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
            if message?.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                RawProducer.delivered.add(1, ordering: .relaxed)
            } else {
                RawProducer.failed.add(1, ordering: .relaxed)
            }
        }
        guard let rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, &errorText, errorText.count) else {
            throw BenchError.setup("rd_kafka_new failed")
        }
        defer { rd_kafka_destroy(rk) }
        let rkt = rd_kafka_topic_new(rk, topic, nil)
        defer { rd_kafka_topic_destroy(rkt) }
        delivered.store(0, ordering: .relaxed)
        failed.store(0, ordering: .relaxed)
        let start = ContinuousClock.now
        var payload = payload
        for index in 0..<count {
            var key = Array("aggregate-\(index % 1_000)".utf8)
            while true {
                let result = payload.withUnsafeMutableBytes { value in
                    key.withUnsafeMutableBytes { keyBytes in
                        rd_kafka_produce(rkt, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, value.baseAddress, value.count,
                                         keyBytes.baseAddress, keyBytes.count, nil)
                    }
                }
                if result == 0 { break }
                rd_kafka_poll(rk, 1)  // queue full: serve delivery reports, then retry
            }
            if index % 1_000 == 0 { rd_kafka_poll(rk, 0) }
        }
        rd_kafka_flush(rk, 60_000)
        let seconds = (ContinuousClock.now - start).seconds
        guard failed.load(ordering: .relaxed) == 0, delivered.load(ordering: .relaxed) == count else {
            throw BenchError.setup("raw producer: \(delivered.load(ordering: .relaxed)) delivered, \(failed.load(ordering: .relaxed)) failed")
        }
        return Double(count) / seconds
    }
}

enum BenchError: Error { case setup(String) }

extension Duration {
    var milliseconds: Double { seconds * 1_000 }
}
