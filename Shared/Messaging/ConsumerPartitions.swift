import CRdKafka
import Logging
import Metrics
import Synchronization

/// A consumer's partitions as the application sees them: whether consumption is paused,
/// and the messages polled while paused that were not handed out.
///
/// Shared by the rebalance callback (which runs inside a poll on the consumer's queue)
/// and the application's tasks, so it has its own lock: never held across a librdkafka call.
final class ConsumerPartitions: Sendable {
    private struct State {
        /// Kept from the rebalances, so "is this partition still mine?" needs no call into librdkafka.
        var assigned: Set<TopicPartition> = []
        var paused = false
        /// Messages polled while the partitions were paused (librdkafka drops what it had fetched
        /// before the pause, so normally none; a race with a new assignment can let some through).
        /// librdkafka's position is already past them, so they are kept here and handed out
        /// first after the resume; dropping them would lose them.
        var withheld: [KafkaMessage] = []
    }

    private let state = Mutex(State())
    private let groupID: String
    private let logger: Logger
    private let events: AsyncStream<RebalanceEvent>.Continuation

    init(groupID: String, logger: Logger, events: AsyncStream<RebalanceEvent>.Continuation) {
        self.groupID = groupID
        self.logger = logger
        self.events = events
    }

    var isPaused: Bool { state.withLock { $0.paused } }
    var pausedCount: Int { state.withLock { $0.paused ? $0.assigned.count : 0 } }

    func isAssigned(_ partition: TopicPartition) -> Bool {
        state.withLock { $0.assigned.contains(partition) }
    }

    func setPaused(_ paused: Bool) {
        state.withLock { $0.paused = paused }
    }

    func withhold(_ message: KafkaMessage) {
        state.withLock { $0.withheld.append(message) }
    }

    /// Up to `limit` withheld messages, oldest first; none while still paused.
    func takeWithheld(limit: Int) -> [KafkaMessage] {
        state.withLock { state in
            guard !state.paused, !state.withheld.isEmpty else { return [] }
            let taken = Array(state.withheld.prefix(max(limit, 1)))
            state.withheld.removeFirst(taken.count)
            return taken
        }
    }

    /// Carries out a rebalance: librdkafka's rebalance callback during polls, and the
    /// rebalance events served while closing. Runs on the consumer's queue; the incremental
    /// (un)assign waits on librdkafka's main thread, which is why no poll may run on the
    /// cooperative pool.
    func rebalance(
        _ rk: OpaquePointer, error: rd_kafka_resp_err_t,
        partitions list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) {
        let parts = list.map(KafkaConsumer.topicPartitions) ?? []
        let cooperative = String(cString: rd_kafka_rebalance_protocol(rk)) == "COOPERATIVE"
        if error == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS {
            if cooperative {
                if let failure = rd_kafka_incremental_assign(rk, list) {
                    logger.error("\(KafkaError(consuming: failure, context: "incremental assign"))")
                }
            } else {
                rd_kafka_assign(rk, list)
            }
            let pausedNow = state.withLock { state -> Bool in
                state.assigned.formUnion(parts)
                return state.paused
            }
            if pausedNow, let list, let copy = rd_kafka_topic_partition_list_copy(list) {
                // Paused for an outage: a partition gained now must wait too, or its messages
                // would arrive while the application cannot apply them.
                rd_kafka_pause_partitions(rk, copy)
                rd_kafka_topic_partition_list_destroy(copy)
            }
            events.yield(.assigned(parts))
            logger.info("partitions assigned", metadata: ["kafka.partitions": "\(parts)", "kafka.group": "\(groupID)"])
            Counter(label: "kafka_consumer_rebalances_total", dimensions: [("group", groupID), ("kind", "assign")]).increment()
        } else {
            let lost = rd_kafka_assignment_lost(rk) != 0
            if cooperative {
                if let failure = rd_kafka_incremental_unassign(rk, list) {
                    logger.error("\(KafkaError(consuming: failure, context: "incremental unassign"))")
                }
            } else {
                rd_kafka_assign(rk, nil)
            }
            let revoked = Set(parts)
            state.withLock { state in
                // The new owner starts from the committed offset: it gets these messages again.
                state.withheld.removeAll { revoked.contains(TopicPartition(topic: $0.topic, partition: $0.partition)) }
                if cooperative { state.assigned.subtract(revoked) } else { state.assigned.removeAll() }
            }
            events.yield(.revoked(parts, lost: lost))
            logger.info("partitions revoked", metadata: ["kafka.partitions": "\(parts)", "kafka.lost": "\(lost)", "kafka.group": "\(groupID)"])
            Counter(label: "kafka_consumer_rebalances_total", dimensions: [("group", groupID), ("kind", "revoke")]).increment()
        }
    }
}
