import CRdKafka
import Logging

/// A topic the suite needs, with its partition and replication settings.
public struct TopicSpec: Sendable, Hashable {
    public var name: String
    public var partitions: Int
    public var replicationFactor: Int

    public init(name: String, partitions: Int, replicationFactor: Int) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
    }
}

/// Creates missing topics at start-up.
///
/// It reads cluster metadata first and only asks for the topics that are
/// missing, because the embedded mock broker pre-creates the suite's topics and
/// never answers CreateTopics.
public enum KafkaTopicAdmin {
    @discardableResult
    public static func ensureTopics(
        _ topics: [TopicSpec],
        client: KafkaClientConfiguration,
        timeoutMs: Int32 = 10_000,
        logger: Logger
    ) async throws -> [String] {
        let context = KafkaClientContext(clientID: client.clientID + "-admin", logger: logger)
        var props = client.properties
        props["statistics.interval.ms"] = "0"
        props.merge(client.additional) { _, new in new }
        let conf = try RDKafkaConf.make(props)
        context.install(on: conf)
        let handle = SendablePointer(raw: try RDKafkaConf.newClient(type: RD_KAFKA_PRODUCER, conf: conf))
        // Destroyed off the cooperative pool: it waits for the handle's threads (``BlockingCalls/detach(_:)``).
        defer { BlockingCalls.detach { rd_kafka_destroy(handle.raw); _ = context } }

        let existing = try await BlockingCalls.run { () throws -> Set<String> in
            try existingTopics(handle, timeoutMs: timeoutMs)
        }
        let missing = topics.filter { !existing.contains($0.name) }
        guard !missing.isEmpty else { return [] }
        try await BlockingCalls.run { () throws in
            try create(missing, handle, timeoutMs: timeoutMs)
        }
        logger.info("created Kafka topics", metadata: ["topics": "\(missing.map(\.name))"])
        return missing.map(\.name)
    }

    static func existingTopics(_ handle: SendablePointer, timeoutMs: Int32) throws(KafkaError) -> Set<String> {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let result = rd_kafka_metadata(handle.raw, 1, nil, &metadata, timeoutMs)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
            throw KafkaError(result, context: "fetch metadata")
        }
        defer { rd_kafka_metadata_destroy(metadata) }
        var names = Set<String>()
        for index in 0..<Int(metadata.pointee.topic_cnt) {
            let topic = metadata.pointee.topics[index]
            if topic.err == RD_KAFKA_RESP_ERR_NO_ERROR { names.insert(String(cString: topic.topic)) }
        }
        return names
    }

    static func create(_ topics: [TopicSpec], _ handle: SendablePointer, timeoutMs: Int32) throws(KafkaError) {
        var errorText = [CChar](repeating: 0, count: 512)
        var newTopics: [OpaquePointer?] = []
        defer { newTopics.forEach { rd_kafka_NewTopic_destroy($0) } }
        for spec in topics {
            guard let topic = rd_kafka_NewTopic_new(spec.name, Int32(spec.partitions), Int32(spec.replicationFactor),
                                                    &errorText, errorText.count) else {
                throw KafkaError.configuration("topic \(spec.name): \(String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))")
            }
            newTopics.append(topic)
        }
        guard let queue = rd_kafka_queue_new(handle.raw) else { throw KafkaError.configuration("no admin queue") }
        defer { rd_kafka_queue_destroy(queue) }
        let options = rd_kafka_AdminOptions_new(handle.raw, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        rd_kafka_AdminOptions_set_operation_timeout(options, timeoutMs, &errorText, errorText.count)
        newTopics.withUnsafeMutableBufferPointer { buffer in
            rd_kafka_CreateTopics(handle.raw, buffer.baseAddress, buffer.count, options, queue)
        }
        guard let event = rd_kafka_queue_poll(queue, timeoutMs + 1_000) else {
            throw KafkaError.timedOut("CreateTopics")
        }
        defer { rd_kafka_event_destroy(event) }
        let eventError = rd_kafka_event_error(event)
        if eventError != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw KafkaError(eventError, context: "CreateTopics")
        }
        guard let result = rd_kafka_event_CreateTopics_result(event) else { return }
        var count = 0
        guard let results = rd_kafka_CreateTopics_result_topics(result, &count) else { return }
        for index in 0..<count {
            guard let topicResult = results[index] else { continue }
            let err = rd_kafka_topic_result_error(topicResult)
            if err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS {
                let name = String(cString: rd_kafka_topic_result_name(topicResult))
                throw KafkaError(err, context: "create topic \(name)")
            }
        }
    }
}
