import CRdKafka
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// An idempotent Kafka producer (`enable.idempotence=true`, `acks=all`,
/// `partitioner=murmur2_random`).
///
/// `send` returns when librdkafka's delivery report arrives. Delivery reports,
/// logs and statistics are served by one dedicated thread blocking in
/// `rd_kafka_poll`, so nothing sleeps and nothing blocks the cooperative pool.
/// On shutdown that thread flushes, fails whatever is still undelivered, and
/// destroys the handle.
public final class KafkaProducer: Service, Sendable {
    private enum Lifecycle { case open, closing, closed }

    private let handle: SendablePointer
    private let context: KafkaClientContext
    private let registry: DeliveryRegistry
    private let lifecycle = Mutex(Lifecycle.open)
    private let finished = CompletionSignal()
    private let flushTimeoutMs: Int32
    public let logger: Logger

    public init(configuration: KafkaProducerConfiguration, logger: Logger, flushTimeoutMs: Int32 = 10_000) throws {
        let registry = DeliveryRegistry()
        let context = KafkaClientContext(
            clientID: configuration.client.clientID,
            logger: logger,
            onDelivery: { id, outcome in registry.complete(id, with: outcome) }
        )
        let conf = try RDKafkaConf.make(configuration.properties)
        context.install(on: conf)
        rd_kafka_conf_set_dr_msg_cb(conf) { _, message, opaque in
            guard let message, let context = KafkaClientContext.from(opaque) else { return }
            let id = UInt(bitPattern: message.pointee._private)
            let outcome: DeliveryBatch.Outcome
            if message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                outcome = .success(DeliveryReport(
                    topic: String(cString: rd_kafka_topic_name(message.pointee.rkt)),
                    partition: message.pointee.partition,
                    offset: message.pointee.offset
                ))
            } else {
                outcome = .failure(KafkaError(message.pointee.err, context: "delivery failed"))
            }
            context.onDelivery?(id, outcome)
        }
        let rk = try RDKafkaConf.newClient(type: RD_KAFKA_PRODUCER, conf: conf)
        self.handle = SendablePointer(raw: rk)
        self.context = context
        self.registry = registry
        self.logger = logger
        self.flushTimeoutMs = flushTimeoutMs
        startPollThread()
    }

    private func startPollThread() {
        let handle = self.handle
        let registry = self.registry
        let finished = self.finished
        let flushTimeoutMs = self.flushTimeoutMs
        let context = self.context
        let isOpen: @Sendable () -> Bool = { [lifecycle = UnsafeLifecycleView(self)] in lifecycle.isOpen }
        let thread = Thread {
            while isOpen() {
                rd_kafka_poll(handle.raw, 100)  // wakes at once when a report is queued
            }
            let flushed = rd_kafka_flush(handle.raw, flushTimeoutMs)
            if flushed != RD_KAFKA_RESP_ERR_NO_ERROR {
                context.logger.warning("producer flush incomplete: \(rd_kafka_outq_len(handle.raw)) messages undelivered")
            }
            rd_kafka_poll(handle.raw, 0)
            registry.failAll(with: .shutDown)
            rd_kafka_destroy(handle.raw)
            _ = context  // the callbacks' target outlives rd_kafka_destroy
            finished.signal()
        }
        thread.name = "kafka-producer-\(context.clientID)"
        thread.start()
    }

    /// Sends one message and waits for its delivery report.
    public func send(_ message: OutgoingMessage) async throws(KafkaError) -> DeliveryReport {
        let outcomes = await send(batch: [message])
        return try outcomes[0].get()
    }

    /// Produces every message, then waits for all their delivery reports.
    /// Results are in the order of `batch`.
    public func send(batch: [OutgoingMessage]) async -> [Result<DeliveryReport, KafkaError>] {
        await enqueue(batch: batch).outcomes()
    }

    /// Produces every message now and returns at once; `outcomes()` waits for the delivery
    /// reports. Lets a caller keep several batches in flight (the outbox relay pipelines).
    ///
    /// A message librdkafka refuses at once (too large, queue full) has its failure in its slot
    /// already, and `failedAtOnce` lists it. With `holdingKeysAfterRefusal`, later messages of the
    /// same key are then not produced at all (their slot fails with `KafkaError.withheld`), so a
    /// key's messages never overtake one that did not leave.
    public func enqueue(batch: [OutgoingMessage], holdingKeysAfterRefusal: Bool = false) -> PendingDeliveries {
        let tracker = DeliveryBatch(count: batch.count)
        var failedAtOnce: [Int] = []
        var refusedKeys = Set<[UInt8]>()
        lifecycle.withLock { state in
            for (index, message) in batch.enumerated() {
                guard state == .open else {
                    tracker.complete(index: index, with: .failure(.shutDown))
                    failedAtOnce.append(index)
                    continue
                }
                if holdingKeysAfterRefusal, let key = message.key, refusedKeys.contains(key) {
                    tracker.complete(index: index, with: .failure(.withheld))
                    continue
                }
                let id = registry.register(tracker, index: index)
                if let error = produce(message, opaqueID: id) {
                    registry.complete(id, with: .failure(error))
                    failedAtOnce.append(index)
                    if let key = message.key { refusedKeys.insert(key) }
                }
            }
        }
        return PendingDeliveries(tracker: tracker, failedAtOnce: failedAtOnce)
    }

    /// Must be called with `lifecycle` held and open, so the handle is alive.
    private func produce(_ message: OutgoingMessage, opaqueID: UInt) -> KafkaError? {
        let rk = handle.raw
        var headers: OpaquePointer?
        if !message.headers.isEmpty {
            headers = rd_kafka_headers_new(message.headers.count)
            for header in message.headers {
                header.value.withUnsafeBytes { bytes in
                    _ = rd_kafka_header_add(headers, header.name, -1, bytes.baseAddress, bytes.count)
                }
            }
        }
        let error: OpaquePointer? = message.topic.withCString { topic in
            withOptionalBytes(message.key) { key in
                withOptionalBytes(message.value) { value in
                    var values = [rd_kafka_vu_t](repeating: rd_kafka_vu_t(), count: 6)
                    values[0].vtype = RD_KAFKA_VTYPE_TOPIC
                    values[0].u.cstr = topic
                    values[1].vtype = RD_KAFKA_VTYPE_MSGFLAGS
                    values[1].u.i = RD_KAFKA_MSG_F_COPY
                    values[2].vtype = RD_KAFKA_VTYPE_OPAQUE
                    values[2].u.ptr = UnsafeMutableRawPointer(bitPattern: opaqueID)
                    var count = 3
                    if let key {
                        values[count].vtype = RD_KAFKA_VTYPE_KEY
                        values[count].u.mem.ptr = UnsafeMutableRawPointer(mutating: key.baseAddress)
                        values[count].u.mem.size = key.count
                        count += 1
                    }
                    if let value {
                        values[count].vtype = RD_KAFKA_VTYPE_VALUE
                        values[count].u.mem.ptr = UnsafeMutableRawPointer(mutating: value.baseAddress)
                        values[count].u.mem.size = value.count
                        count += 1
                    }
                    if let headers {
                        values[count].vtype = RD_KAFKA_VTYPE_HEADERS
                        values[count].u.headers = headers
                        count += 1
                    }
                    return rd_kafka_produceva(rk, values, count)
                }
            }
        }
        guard let error else { return nil }  // librdkafka now owns the headers
        if let headers { rd_kafka_headers_destroy(headers) }
        return KafkaError(consuming: error, context: "produce to \(message.topic)")
    }

    /// Messages waiting for a delivery report.
    public var inFlightCount: Int { registry.count }

    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Stops accepting messages, flushes what is queued, and destroys the handle.
    public func shutdown() async {
        let wasOpen = lifecycle.withLock { state in
            defer { if state == .open { state = .closing } }
            return state == .open
        }
        if wasOpen { rd_kafka_yield(handle.raw) }
        await finished.wait()
        lifecycle.withLock { $0 = .closed }
    }

    fileprivate var isOpen: Bool { lifecycle.withLock { $0 == .open } }
}

/// Delivery reports of one enqueued batch, in the order of the batch.
public struct PendingDeliveries: Sendable {
    let tracker: DeliveryBatch
    /// Indexes of messages librdkafka refused when they were produced.
    public let failedAtOnce: [Int]

    public func outcomes() async -> [Result<DeliveryReport, KafkaError>] {
        await withCheckedContinuation { tracker.install($0) }
    }
}

/// Lets the poll thread observe the lifecycle without keeping the producer alive,
/// so a producer that is dropped without `shutdown()` still releases its thread.
private struct UnsafeLifecycleView: @unchecked Sendable {
    weak var producer: KafkaProducer?
    init(_ producer: KafkaProducer) { self.producer = producer }
    var isOpen: Bool { producer?.isOpen ?? false }
}

func withOptionalBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
    guard let bytes else { return body(nil) }
    return bytes.withUnsafeBytes { body($0) }
}
