import CRdKafka
import Dispatch
import Foundation
import Logging
import Synchronization

/// A consumer-group member (`cooperative-sticky`) whose messages are pulled
/// straight from librdkafka: there is no Swift-side buffer, so librdkafka's own
/// fetch limits are the only back-pressure, and a rebalance never leaves stale
/// messages behind in Swift.
///
/// Every call that can block — a poll (it runs the rebalance callback, whose
/// incremental assign waits on librdkafka's main thread), pause and resume (they read
/// the assignment from the main thread), commit and close — runs on the consumer's own
/// serial Dispatch queue, never on Swift's cooperative pool. Only the handle's
/// destruction and `storeOffset` (a non-blocking call) are guarded by the lifecycle lock.
///
/// Offsets are never stored automatically (`enable.auto.offset.store=false`):
/// call `storeOffset(for:)` after the application's database commit. Stored
/// offsets are committed in the background, on revoke and on `close()`.
public final class KafkaConsumer: Sendable {
    enum Lifecycle {
        case open, stopping, closed
        /// The close did not finish in time: the handle is left behind, never destroyed
        /// (destroying it would block as long as the close does).
        case abandoned
    }

    let handle: SendablePointer
    let context: KafkaClientContext
    let partitions: ConsumerPartitions
    /// Every call on this handle that can block runs here, in order.
    let pollQueue: DispatchQueue
    let lifecycle = Mutex(Lifecycle.open)
    let rebalances: AsyncStream<RebalanceEvent>.Continuation
    /// Rebalances as this member sees them; the newest 64 are kept if nobody listens.
    public let rebalanceEvents: AsyncStream<RebalanceEvent>
    public let configuration: KafkaConsumerConfiguration
    public let logger: Logger

    public init(configuration: KafkaConsumerConfiguration, logger: Logger) throws {
        let (stream, continuation) = AsyncStream.makeStream(of: RebalanceEvent.self, bufferingPolicy: .bufferingNewest(64))
        let clientID = configuration.client.clientID
        let partitions = ConsumerPartitions(groupID: configuration.groupID, logger: logger, events: continuation)
        let context = KafkaClientContext(
            clientID: clientID,
            logger: logger,
            onRebalance: { rk, error, list in partitions.rebalance(rk, error: error, partitions: list) }
        )
        let conf = try RDKafkaConf.make(configuration.properties)
        context.install(on: conf)
        rd_kafka_conf_set_rebalance_cb(conf) { rk, err, partitions, opaque in
            // Runs synchronously inside rd_kafka_consumer_poll, on the consumer's queue.
            guard let rk else { return }
            KafkaClientContext.from(opaque)?.onRebalance?(rk, err, partitions)
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
        self.partitions = partitions
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

    var isOpen: Bool { lifecycle.withLock { $0 == .open } }

    /// True once `stop()` or `close()` was called.
    public var isStopping: Bool { !isOpen }

    /// Marks `message` as processed: its offset + 1 will be committed. Call only after
    /// the effects of the message are durably committed.
    public func storeOffset(for message: KafkaMessage) throws(KafkaError) {
        // rd_kafka_offsets_store only updates the partition's stored offset: it does not block.
        try lifecycle.withLock { state throws(KafkaError) in
            guard state == .open || state == .stopping else { throw KafkaError.shutDown }
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
            // Destruction only happens on this queue, so the handle stays valid for the call.
            guard self.lifecycle.withLock({ $0 == .open || $0 == .stopping }) else { return RD_KAFKA_RESP_ERR_NO_ERROR.rawValue }
            return rd_kafka_commit(handle.raw, nil, 0).rawValue
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

    deinit {
        // close() is async and must be called by the owner; a forgotten consumer is still freed,
        // but without a clean LeaveGroup.
        if lifecycle.withLock({ $0 == .open || $0 == .stopping }) {
            // Off the cooperative pool (``BlockingCalls/detach(_:)``); the context outlives the destroy.
            let handle = self.handle, context = self.context
            BlockingCalls.detach {
                rd_kafka_destroy(handle.raw)
                _ = context
            }
        }
    }
}

final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}
