import CRdKafka

/// An error reported by librdkafka, always taken from a return value, an
/// `rd_kafka_error_t` or a delivery report — never from `rd_kafka_last_error()`,
/// which is thread-local and meaningless once a Swift task has hopped threads.
public struct KafkaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// librdkafka's `rd_kafka_resp_err_t` as a raw integer, so new codes need no new enum case.
    public var code: Int32
    public var message: String
    public var isFatal: Bool
    public var isRetriable: Bool

    public init(code: Int32, message: String, isFatal: Bool = false, isRetriable: Bool = false) {
        self.code = code
        self.message = message
        self.isFatal = isFatal
        self.isRetriable = isRetriable
    }

    package init(_ err: rd_kafka_resp_err_t, context: String = "") {
        let text = String(cString: rd_kafka_err2str(err))
        self.init(code: err.rawValue, message: context.isEmpty ? text : "\(context): \(text)")
    }

    /// Takes ownership of `error` and destroys it.
    init(consuming error: OpaquePointer, context: String = "") {
        let text = String(cString: rd_kafka_error_string(error))
        self.init(
            code: rd_kafka_error_code(error).rawValue,
            message: context.isEmpty ? text : "\(context): \(text)",
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            isRetriable: rd_kafka_error_is_retriable(error) != 0
        )
        rd_kafka_error_destroy(error)
    }

    public var description: String { "KafkaError(\(code)): \(message)" }

    // Errors raised by this wrapper itself, outside librdkafka's code space.
    public static func configuration(_ message: String) -> KafkaError {
        KafkaError(code: -10_001, message: "invalid configuration: \(message)")
    }
    public static let shutDown = KafkaError(code: -10_002, message: "the Kafka client is shut down")
    /// Not produced: an earlier message of its key in the same batch was refused.
    public static let withheld = KafkaError(code: -10_003, message: "withheld behind a refused message of its key")
    public static func timedOut(_ what: String) -> KafkaError {
        KafkaError(code: RD_KAFKA_RESP_ERR__TIMED_OUT.rawValue, message: "\(what) timed out", isRetriable: true)
    }

    /// True when the failure is about this message itself (too large, topic unknown or not
    /// authorised, invalid record), so sending it again cannot help; false when the broker
    /// was unreachable, slow or busy, which says nothing about the message.
    public var refusesMessage: Bool {
        let refusals: [rd_kafka_resp_err_t] = [
            RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE, RD_KAFKA_RESP_ERR_INVALID_MSG, RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE,
            RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC, RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION,
            RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED, RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION, RD_KAFKA_RESP_ERR_INVALID_RECORD,
            RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE, RD_KAFKA_RESP_ERR_POLICY_VIOLATION, RD_KAFKA_RESP_ERR__INVALID_ARG,
            RD_KAFKA_RESP_ERR__BAD_MSG,
        ]
        return refusals.contains { $0.rawValue == code }
    }
}
