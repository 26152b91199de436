import Dispatch

/// Runs librdkafka calls that block (flush, metadata, commit, close, admin
/// result polling) on a Dispatch queue, never on Swift's cooperative pool,
/// where they would starve every other task for their full timeout.
enum BlockingCalls {
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
}
