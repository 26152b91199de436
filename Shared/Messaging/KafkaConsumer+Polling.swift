import CRdKafka
import Logging

extension KafkaConsumer {
    /// The messages of the subscribed topics, one at a time; it ends when `stop()` or
    /// `close()` is called. `nextBatch(max:)` takes several per hop.
    public var messages: Messages { Messages(consumer: self) }

    public struct Messages: AsyncSequence, Sendable {
        public typealias Element = KafkaMessage
        let consumer: KafkaConsumer

        public func makeAsyncIterator() -> Iterator { Iterator(consumer: consumer) }

        public struct Iterator: AsyncIteratorProtocol {
            let consumer: KafkaConsumer
            public mutating func next() async throws -> KafkaMessage? {
                try await consumer.nextBatch(max: 1)?.first
            }
        }
    }

    /// Waits for at least one message, then takes up to `max` that librdkafka already has,
    /// all in one hop to the consumer's queue (no Swift-side buffer: what is not taken stays
    /// in librdkafka). Nil once the consumer is stopped or closed.
    ///
    /// Messages polled while the partitions were paused come first (see `serve(for:)`).
    public func nextBatch(max: Int) async throws -> [KafkaMessage]? {
        let withheld = partitions.takeWithheld(limit: max)
        if !withheld.isEmpty { return withheld }
        let cancelled = CancellationFlag()
        let limit = Swift.max(max, 1)
        return try await withTaskCancellationHandler {
            let handle = self.handle
            let logger = self.logger
            let batch = await BlockingCalls.run(on: pollQueue) { [weak self] () -> [KafkaMessage]? in
                // A blocking poll on the consumer's thread: it returns as soon as a message
                // arrives; the timeout only bounds how fast stop/cancel are noticed.
                while true {
                    guard let self, !cancelled.isSet, self.isOpen else { return nil }
                    guard case .message(let first) = Self.pollOnce(handle, timeoutMs: 100, logger: logger) else { continue }
                    var batch = [first]
                    while batch.count < limit, case .message(let next) = Self.pollOnce(handle, timeoutMs: 0, logger: logger) {
                        batch.append(next)
                    }
                    return batch
                }
            }
            if batch == nil && cancelled.isSet { throw CancellationError() }
            return batch
        } onCancel: {
            cancelled.set()
        }
    }

    enum PollStep: Sendable {
        case message(KafkaMessage)
        case nothing
    }

    /// Polls once; error messages (not data) are logged and reported as `.nothing`.
    /// Only ever called on the consumer's queue.
    static func pollOnce(_ handle: SendablePointer, timeoutMs: Int32, logger: Logger) -> PollStep {
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
}
