import CRdKafka
import Dispatch
import Logging

extension KafkaConsumer {
    /// Commits stored offsets, leaves the group cleanly (so partitions move at once,
    /// not after `session.timeout.ms`), and destroys the handle.
    ///
    /// The close runs through `rd_kafka_consumer_close_queue`, whose rebalance events this
    /// consumer's queue serves until `rd_kafka_consumer_closed`, so it never blocks longer than
    /// `timeout`: librdkafka 2.0.2 can fail to finish a cooperative close after partitions were
    /// lost (fixed in 2.1.0). Past the timeout the handle is left behind with an error log
    /// rather than hanging the shutdown.
    public func close(timeout: Duration = .seconds(15)) async {
        stop()
        let handle = self.handle
        let partitions = self.partitions
        let logger = self.logger
        let finished = await BlockingCalls.run(on: pollQueue) { () -> Bool in
            guard self.lifecycle.withLock({ $0 == .open || $0 == .stopping }) else { return true }
            // Stored offsets: the close commits them too (auto commit), and waits for this one.
            let committed = rd_kafka_commit(handle.raw, nil, 1)
            if committed != RD_KAFKA_RESP_ERR_NO_ERROR && committed != RD_KAFKA_RESP_ERR__NO_OFFSET {
                logger.warning("final commit failed: \(KafkaError(committed))")
            }
            guard let queue = rd_kafka_queue_new(handle.raw) else { return false }
            if let failure = rd_kafka_consumer_close_queue(handle.raw, queue) {
                logger.warning("\(KafkaError(consuming: failure, context: "close"))")
            }
            let deadline = ContinuousClock.now + timeout
            while rd_kafka_consumer_closed(handle.raw) == 0 {
                let left = ContinuousClock.now.duration(to: deadline)
                guard left > .zero else { break }
                guard let event = rd_kafka_queue_poll(queue, 100) else { continue }
                Self.serveClosing(event, handle: handle, partitions: partitions, logger: logger)
                rd_kafka_event_destroy(event)
            }
            rd_kafka_queue_destroy(queue)
            let closed = rd_kafka_consumer_closed(handle.raw) != 0
            self.lifecycle.withLock { state in
                if closed {
                    rd_kafka_destroy(handle.raw)
                    state = .closed
                } else {
                    state = .abandoned
                }
            }
            return closed
        }
        if !finished {
            logger.error("consumer close did not finish in time; leaving the handle behind",
                         metadata: ["kafka.group": "\(configuration.groupID)"])
        }
        rebalances.finish()
    }

    /// During a queue close, rebalances arrive as events rather than callbacks; a revoke
    /// must still be carried out (unassigned), or the close never finishes.
    private static func serveClosing(
        _ event: OpaquePointer, handle: SendablePointer, partitions: ConsumerPartitions, logger: Logger
    ) {
        switch rd_kafka_event_type(event) {
        case RD_KAFKA_EVENT_REBALANCE:
            partitions.rebalance(handle.raw, error: rd_kafka_event_error(event),
                                 partitions: rd_kafka_event_topic_partition_list(event))
        case RD_KAFKA_EVENT_ERROR:
            let text = rd_kafka_event_error_string(event).map { String(cString: $0) } ?? ""
            logger.warning("consumer error while closing: \(text)")
        default:
            break  // messages and statistics after the close began are of no use
        }
    }
}
