import Dispatch

/// Runs librdkafka calls that block (flush, metadata, commit, close, admin
/// result polling) on a Dispatch queue, never on Swift's cooperative pool,
/// where they would starve every other task for their full timeout.
package enum BlockingCalls {
    private static let queue = DispatchQueue(label: "civil.kafka.blocking", attributes: .concurrent)

    static func run<T: Sendable>(
        on serialQueue: DispatchQueue? = nil,
        _ body: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            (serialQueue ?? queue).async {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    static func run<T: Sendable>(
        on serialQueue: DispatchQueue? = nil,
        _ body: @escaping @Sendable () -> T
    ) async -> T {
        await withCheckedContinuation { continuation in
            (serialQueue ?? queue).async {
                continuation.resume(returning: body())
            }
        }
    }

    /// Runs `body` on the blocking queue without waiting for it: for a `deinit` that must destroy
    /// a librdkafka handle. `rd_kafka_destroy` waits for the handle's threads (seconds when its
    /// broker is down), and a deinit runs on whichever thread dropped the last reference — often
    /// one of the cooperative pool's few threads, which a full test run on 2 cores starved for
    /// tens of seconds (an HTTP test timed out waiting for a service whose tasks could not run).
    package static func detach(_ body: @escaping @Sendable () -> Void) {
        queue.async(execute: body)
    }
}
