import Foundation
import Logging
import Messaging
import TestSupport

/// Producer settings for the embedded broker, by measurement (`platform-bench --sweep`).
///
/// librdkafka 2.0.2's mock cluster answers a second request pipelined on a connection about
/// 40 ms late. Per combination of `max.in.flight.requests.per.connection`, `linger.ms` and
/// batch limits, on a fresh producer: raw throughput (the baseline's loop), one awaited batch of
/// 1,000 through `KafkaProducer.send(batch:)` (the relay's unit), and one awaited message (the
/// end-to-end path at a low rate).
enum Sweep {
    static func run(kafka: TestKafka, messages: [OutgoingMessage], logger: Logger) async throws {
        let inFlight = ProcessInfo.processInfo.environment["SWEEP_INFLIGHT"].map { $0.split(separator: ",").map(String.init) } ?? ["1", "2", "5"]
        let lingers = ProcessInfo.processInfo.environment["SWEEP_LINGER"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? [0, 1, 5]
        let batches: [(messages: String, bytes: String)] = [("10000", "1000000"), ("1000", "1000000"), ("10000", "4000000")]
        print("")
        print("Sweep: \(messages.count) messages; raw = produceva + flush; batch = awaited send(batch:) of 1000 (15 runs); one = awaited send of 1 (30 runs)")
        print("in.flight linger batch.num.messages batch.size |   raw ev/s | batch p50 ms  max ms | one p50 ms  p99 ms")
        for maxInFlight in inFlight {
            for linger in lingers {
                for batch in batches {
                    var configuration = KafkaProducerConfiguration(client: kafka.client("sweep"))
                    configuration.lingerMs = linger
                    configuration.additional = ["max.in.flight.requests.per.connection": maxInFlight,
                                                "batch.num.messages": batch.messages, "batch.size": batch.bytes]
                    let raw = try RawProducer.run(configuration: configuration, messages: messages)
                    let producer = try KafkaProducer(configuration: configuration, logger: logger)
                    let thousand = Array(messages.prefix(1_000))
                    _ = await producer.send(batch: thousand)  // warm-up
                    var batchTimes: [Double] = []
                    for _ in 0..<15 {
                        let start = ContinuousClock.now
                        let results = await producer.send(batch: thousand)
                        guard results.allSatisfy({ (try? $0.get()) != nil }) else { throw BenchError.setup("sweep delivery failed") }
                        batchTimes.append((ContinuousClock.now - start).milliseconds)
                    }
                    var oneTimes: [Double] = []
                    for index in 0..<30 {
                        let start = ContinuousClock.now
                        _ = try await producer.send(messages[index])
                        oneTimes.append((ContinuousClock.now - start).milliseconds)
                    }
                    await producer.shutdown()
                    batchTimes.sort()
                    oneTimes.sort()
                    print(String(format: "%9@ %6d %18@ %10@ | %10.0f | %12.1f %7.1f | %10.1f %7.1f",
                                 maxInFlight as NSString, linger, batch.messages as NSString, batch.bytes as NSString, raw,
                                 batchTimes[batchTimes.count / 2], batchTimes.last!, oneTimes[oneTimes.count / 2],
                                 oneTimes[oneTimes.count * 99 / 100]))
                }
            }
        }
    }
}
