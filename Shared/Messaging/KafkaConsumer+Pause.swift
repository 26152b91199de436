import CRdKafka
import Dispatch
import Logging

extension KafkaConsumer {
    /// Pauses fetching for every assigned partition, and for any assigned while paused,
    /// until `resume()`. Returns how many partitions were paused.
    ///
    /// librdkafka drops the messages it had fetched for them (a pause bumps the partition's
    /// version), and on resume fetches again from the position after the last message it
    /// handed out, so messages already handed out stay the caller's to finish.
    @discardableResult
    public func pause() async throws(KafkaError) -> Int {
        try await changePause(to: true)
    }

    /// Resumes the current assignment. Messages withheld by `serve(for:)` are handed out
    /// first by the next `nextBatch`.
    public func resume() async throws(KafkaError) {
        try await changePause(to: false)
    }

    /// Partitions paused now (0 when not paused).
    public var pausedPartitionCount: Int { partitions.pausedCount }

    /// Whether the partition is in this member's assignment (as of the last rebalance it served).
    public func isAssigned(topic: String, partition: Int32) -> Bool {
        partitions.isAssigned(TopicPartition(topic: topic, partition: partition))
    }

    /// Polls for `duration` (or until stopped) without handing messages out, so rebalances,
    /// heartbeats-related callbacks and `max.poll.interval.ms` are served while the application
    /// waits with paused partitions. A message that arrives anyway is withheld and handed out
    /// first after `resume()`; nothing is dropped.
    public func serve(for duration: Duration) async {
        let handle = self.handle
        let logger = self.logger
        await BlockingCalls.run(on: pollQueue) { [weak self] in
            let deadline = ContinuousClock.now + duration
            while let self, self.isOpen {
                let left = ContinuousClock.now.duration(to: deadline)
                guard left > .zero else { return }
                let ms = Int32(clamping: Swift.max(1, Swift.min(100, left.components.seconds * 1_000
                    + left.components.attoseconds / 1_000_000_000_000_000)))
                if case .message(let message) = Self.pollOnce(handle, timeoutMs: ms, logger: logger) {
                    self.partitions.withhold(message)
                }
            }
        }
    }

    private func changePause(to pause: Bool) async throws(KafkaError) -> Int {
        let handle = self.handle
        let partitions = self.partitions
        let result = await BlockingCalls.run(on: pollQueue) { () -> Result<Int, KafkaError> in
            guard self.lifecycle.withLock({ $0 == .open || $0 == .stopping }) else { return .failure(.shutDown) }
            // rd_kafka_assignment asks librdkafka's main thread: this queue, not the pool, waits.
            var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
            let listed = rd_kafka_assignment(handle.raw, &list)
            guard listed == RD_KAFKA_RESP_ERR_NO_ERROR, let list else {
                return .failure(KafkaError(listed, context: "read assignment"))
            }
            defer { rd_kafka_topic_partition_list_destroy(list) }
            let count = Int(list.pointee.cnt)
            // Recorded first: a rebalance callback runs on this same queue, so none can slip in between.
            partitions.setPaused(pause)
            let err = pause ? rd_kafka_pause_partitions(handle.raw, list) : rd_kafka_resume_partitions(handle.raw, list)
            if err != RD_KAFKA_RESP_ERR_NO_ERROR {
                return .failure(KafkaError(err, context: pause ? "pause" : "resume"))
            }
            for index in 0..<count where list.pointee.elems[index].err != RD_KAFKA_RESP_ERR_NO_ERROR {
                let element = list.pointee.elems[index]
                self.logger.warning("could not \(pause ? "pause" : "resume") \(String(cString: element.topic))[\(element.partition)]: \(KafkaError(element.err))")
            }
            return .success(count)
        }
        return try result.get()
    }
}
