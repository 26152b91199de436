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

    init(_ err: rd_kafka_resp_err_t, context: String = "") {
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
    public static func timedOut(_ what: String) -> KafkaError {
        KafkaError(code: RD_KAFKA_RESP_ERR__TIMED_OUT.rawValue, message: "\(what) timed out", isRetriable: true)
    }
}
