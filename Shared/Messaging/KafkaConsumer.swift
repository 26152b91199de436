import CRdKafka
import Dispatch
import Foundation
import Logging
import Metrics
import Synchronization

/// A consumer-group member (`cooperative-sticky`) whose messages are pulled
/// straight from librdkafka: there is no Swift-side buffer, so librdkafka's own
/// fetch limits are the only back-pressure, and a rebalance never leaves stale
/// messages behind in Swift.
///
/// Offsets are never stored automatically (`enable.auto.offset.store=false`):
/// call `storeOffset(for:)` after the application's database commit. Stored
/// offsets are committed in the background, on revoke and on `close()`.
public final class KafkaConsumer: Sendable {
    private enum Lifecycle { case open, stopping, closed }

    private let handle: SendablePointer
    private let context: KafkaClientContext
    /// Every blocking call on this handle (poll with timeout, commit, close) runs here, in order.
    private let pollQueue: DispatchQueue
    private let lifecycle = Mutex(Lifecycle.open)
    private let rebalances: AsyncStream<RebalanceEvent>.Continuation
    /// Rebalances as this member sees them; the newest 64 are kept if nobody listens.
    public let rebalanceEvents: AsyncStream<RebalanceEvent>
    public let configuration: KafkaConsumerConfiguration
    public let logger: Logger

    public init(configuration: KafkaConsumerConfiguration, logger: Logger) throws {
        let (stream, continuation) = AsyncStream.makeStream(of: RebalanceEvent.self, bufferingPolicy: .bufferingNewest(64))
        let clientID = configuration.client.clientID
        let groupID = configuration.groupID
        let context = KafkaClientContext(
            clientID: clientID,
            logger: logger,
            onRebalance: { event in
                continuation.yield(event)
                switch event {
                case .assigned(let parts):
                    logger.info("partitions assigned", metadata: ["kafka.partitions": "\(parts)", "kafka.group": "\(groupID)"])
                    Counter(label: "kafka_consumer_rebalances_total", dimensions: [("group", groupID), ("kind", "assign")]).increment()
                case .revoked(let parts, let lost):
                    logger.info("partitions revoked", metadata: ["kafka.partitions": "\(parts)", "kafka.lost": "\(lost)", "kafka.group": "\(groupID)"])
                    Counter(label: "kafka_consumer_rebalances_total", dimensions: [("group", groupID), ("kind", "revoke")]).increment()
                }
            }
        )
        let conf = try RDKafkaConf.make(configuration.properties)
        context.install(on: conf)
        rd_kafka_conf_set_rebalance_cb(conf) { rk, err, partitions, opaque in
            // Runs synchronously inside rd_kafka_consumer_poll / close, on our poll queue.
            guard let rk else { return }
            let parts = partitions.map(KafkaConsumer.topicPartitions) ?? []
            let cooperative = String(cString: rd_kafka_rebalance_protocol(rk)) == "COOPERATIVE"
            let context = KafkaClientContext.from(opaque)
            if err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS {
                if cooperative {
                    if let error = rd_kafka_incremental_assign(rk, partitions) {
                        context?.logger.error("\(KafkaError(consuming: error, context: "incremental assign"))")
                    }
                } else {
                    rd_kafka_assign(rk, partitions)
                }
                context?.onRebalance?(.assigned(parts))
            } else {
                let lost = rd_kafka_assignment_lost(rk) != 0
                if cooperative {
                    if let error = rd_kafka_incremental_unassign(rk, partitions) {
                        context?.logger.error("\(KafkaError(consuming: error, context: "incremental unassign"))")
                    }
                } else {
                    rd_kafka_assign(rk, nil)
                }
                context?.onRebalance?(.revoked(parts, lost: lost))
            }
        }
        let rk = try RDKafkaConf.newClient(type: RD_KAFKA_CONSUMER, conf: conf)
        // Serve logs, errors, stats and rebalances from the consumer queue, so one poll drives all.
        rd_kafka_poll_set_consumer(rk)

        let topics = rd_kafka_topic_partition_list_new(Int32(configuration.topics.count))
        for topic in configuration.topics {
            rd_kafka_topic_partition_list_add(topics, topic, RD_KAFKA_PARTITION_UA)
        }
        let subscribeResult = rd_kafka_subscribe(rk, topics)
        rd_kafka_topic_partition_list_destroy(topics)
        if subscribeResult != RD_KAFKA_RESP_ERR_NO_ERROR {
            rd_kafka_destroy(rk)
            throw KafkaError(subscribeResult, context: "subscribe \(configuration.topics)")
        }

        self.handle = SendablePointer(raw: rk)
        self.context = context
        self.pollQueue = DispatchQueue(label: "civil.kafka.consumer.\(clientID)")
        self.rebalances = continuation
        self.rebalanceEvents = stream
        self.configuration = configuration
        self.logger = logger
    }

    static func topicPartitions(_ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> [TopicPartition] {
        (0..<Int(list.pointee.cnt)).map { index in
            let element = list.pointee.elems[index]
            return TopicPartition(topic: String(cString: element.topic), partition: element.partition)
        }
    }

    /// The messages of the subscribed topics. Each `next()` asks librdkafka for one message;
    /// it ends when `stop()` or `close()` is called.
    public var messages: Messages { Messages(consumer: self) }

    public struct Messages: AsyncSequence, Sendable {
        public typealias Element = KafkaMessage
        let consumer: KafkaConsumer

        public func makeAsyncIterator() -> Iterator { Iterator(consumer: consumer) }

        public struct Iterator: AsyncIteratorProtocol {
            let consumer: KafkaConsumer
            public mutating func next() async throws -> KafkaMessage? {
                try await consumer.nextMessage()
            }
        }
    }

    private var isOpen: Bool { lifecycle.withLock { $0 == .open } }

    /// A message librdkafka has already fetched, or nil at once. Lets a caller
    /// take a batch of what is ready without any Swift-side buffer.
    public func pollReady() -> KafkaMessage? {
        let step = lifecycle.withLock { state -> PollStep in
            guard state == .open else { return .finished }
            return Self.pollOnce(handle, timeoutMs: 0, logger: logger)
        }
        if case .message(let message) = step { return message }
        return nil
    }

    func nextMessage() async throws -> KafkaMessage? {
        // Fast path: a message librdkafka already fetched is taken without a thread hop.
        switch lifecycle.withLock({ state -> PollStep in
            guard state == .open else { return .finished }
            return Self.pollOnce(handle, timeoutMs: 0, logger: logger)
        }) {
        case .message(let message): return message
        case .finished: return nil
        case .nothing: break
        }
        let cancelled = CancellationFlag()
        return try await withTaskCancellationHandler {
            let handle = self.handle
            let logger = self.logger
            let step = await BlockingCalls.run(on: pollQueue) { [weak self] () -> PollStep in
                // A blocking poll on a Dispatch thread: it returns as soon as a message
                // arrives; the timeout only bounds how fast stop/cancel are noticed.
                while true {
                    guard let self, !cancelled.isSet else { return .finished }
                    let step = self.lifecycle.withLock { state -> PollStep in
                        guard state == .open else { return .finished }
                        return Self.pollOnce(handle, timeoutMs: 100, logger: logger)
                    }
                    if case .nothing = step { continue }
                    return step
                }
            }
            switch step {
            case .message(let message): return message
            case .finished, .nothing:
                if cancelled.isSet { throw CancellationError() }
                return nil
            }
        } onCancel: {
            cancelled.set()
        }
    }

    enum PollStep: Sendable {
        case message(KafkaMessage)
        case nothing
        case finished
    }

    /// Polls once; error messages (not data) are logged and reported as `.nothing`.
    private static func pollOnce(_ handle: SendablePointer, timeoutMs: Int32, logger: Logger) -> PollStep {
        guard let raw = rd_kafka_consumer_poll(handle.raw, timeoutMs) else { return .nothing }
        defer { rd_kafka_message_destroy(raw) }
        let message = raw.pointee
        if message.err != RD_KAFKA_RESP_ERR_NO_ERROR {
            if message.err != RD_KAFKA_RESP_ERR__PARTITION_EOF {
                let text = message.payload.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
                logger.warning("consumer error \(KafkaError(message.err)): \(text)")
            }
            return .nothing
        }
        var headers: [KafkaHeader] = []
        var headerList: OpaquePointer?
        if rd_kafka_message_headers(raw, &headerList) == RD_KAFKA_RESP_ERR_NO_ERROR, let headerList {
            var index = 0
            var name: UnsafePointer<CChar>?
            var value: UnsafeRawPointer?
            var size = 0
            while rd_kafka_header_get_all(headerList, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
                if let name {
                    let bytes = value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
                    headers.append(KafkaHeader(name: String(cString: name), value: bytes))
                }
                index += 1
            }
        }
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let timestamp = rd_kafka_message_timestamp(raw, &timestampType)
        return .message(KafkaMessage(
            topic: String(cString: rd_kafka_topic_name(message.rkt)),
            partition: message.partition,
            offset: message.offset,
            key: message.key.map { Array(UnsafeRawBufferPointer(start: $0, count: message.key_len)) },
            value: message.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: message.len)) },
            headers: headers,
            timestampMs: timestampType == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? nil : timestamp
        ))
    }

    /// Marks `message` as processed: its offset + 1 will be committed. Call only after
    /// the effects of the message are durably committed.
    public func storeOffset(for message: KafkaMessage) throws(KafkaError) {
        try lifecycle.withLock { state throws(KafkaError) in
            guard state != .closed else { throw KafkaError.shutDown }
            let list = rd_kafka_topic_partition_list_new(1)
            defer { rd_kafka_topic_partition_list_destroy(list) }
            guard let element = rd_kafka_topic_partition_list_add(list, message.topic, message.partition) else {
                throw KafkaError.configuration("cannot build partition list")
            }
            element.pointee.offset = message.offset + 1
            let result = rd_kafka_offsets_store(handle.raw, list)
            if result != RD_KAFKA_RESP_ERR_NO_ERROR {
                throw KafkaError(result, context: "store offset \(message.topic)[\(message.partition)]@\(message.offset)")
            }
            if let list, list.pointee.cnt > 0, list.pointee.elems[0].err != RD_KAFKA_RESP_ERR_NO_ERROR {
                throw KafkaError(list.pointee.elems[0].err, context: "store offset \(message.topic)[\(message.partition)]")
            }
        }
    }

    /// Commits the stored offsets now (synchronously, off the cooperative pool).
    public func commit() async throws(KafkaError) {
        let handle = self.handle
        let result = await BlockingCalls.run(on: pollQueue) { () -> Int32 in
            self.lifecycle.withLock { state in
                guard state != .closed else { return RD_KAFKA_RESP_ERR_NO_ERROR.rawValue }
                return rd_kafka_commit(handle.raw, nil, 0).rawValue
            }
        }
        let err = rd_kafka_resp_err_t(rawValue: result)
        if err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR__NO_OFFSET {
            throw KafkaError(err, context: "commit")
        }
    }

    /// Makes `messages` end at the next poll (within 100 ms); `close()` still has to be called.
    public func stop() {
        lifecycle.withLock { state in if state == .open { state = .stopping } }
    }

    /// Commits stored offsets, leaves the group cleanly (so partitions move at once,
    /// not after `session.timeout.ms`), and destroys the handle.
    ///
    /// librdkafka 2.0.2 can fail to finish a cooperative close after partitions were
    /// lost (fixed in 2.1.0), so the close gets `timeout`; past it the handle is left
    /// behind with an error log rather than hanging the shutdown.
    public func close(timeout: Duration = .seconds(15)) async {
        stop()
        let handle = self.handle
        let context = self.context
        let alreadyClosed = lifecycle.withLock { $0 == .closed }
        guard !alreadyClosed else { return }
        let finished = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let once = ResumeOnce(continuation)
            pollQueue.async {
                self.lifecycle.withLock { state in
                    guard state != .closed else { return }
                    let committed = rd_kafka_commit(handle.raw, nil, 0)
                    if committed != RD_KAFKA_RESP_ERR_NO_ERROR && committed != RD_KAFKA_RESP_ERR__NO_OFFSET {
                        context.logger.warning("final commit failed: \(KafkaError(committed))")
                    }
                    rd_kafka_consumer_close(handle.raw)
                    rd_kafka_destroy(handle.raw)
                    state = .closed
                }
                once.resume(true)
            }
            let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { once.resume(false) }
        }
        if !finished {
            logger.error("consumer close did not finish in time; leaving the handle behind",
                         metadata: ["kafka.group": "\(configuration.groupID)"])
        }
        rebalances.finish()
    }

    deinit {
        // close() is async and must be called by the owner; a forgotten consumer is still freed,
        // but without a clean LeaveGroup.
        if lifecycle.withLock({ $0 != .closed }) {
            rd_kafka_destroy(handle.raw)
        }
    }
}

/// Resumes a continuation once, from whichever of several racers comes first.
final class ResumeOnce<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T, Never>?>

    init(_ continuation: CheckedContinuation<T, Never>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ value: T) {
        let pending = continuation.withLock { stored in
            defer { stored = nil }
            return stored
        }
        pending?.resume(returning: value)
    }
}

final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}
