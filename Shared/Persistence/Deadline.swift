import Synchronization

/// An operation that did not answer within its limit.
public struct DeadlineExceeded: Error, CustomStringConvertible {
    public let limit: Duration
    public var description: String { "no answer within \(limit)" }
}

/// Runs `operation` in a task of its own and returns its result, or throws `DeadlineExceeded`
/// once `limit` has passed — even when the operation never returns. (postgres-nio 1.33.2 never
/// answers a query sent on a connection the server has closed, and cancellation does not free
/// it; a caller that must go on cannot wait for it.) On timeout the operation is cancelled and
/// abandoned, and `onTimeout` runs, e.g. to close the connection it was stuck on.
public func withDeadline<T: Sendable>(
    _ limit: Duration, onTimeout: @escaping @Sendable () async -> Void = {},
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let outcome = FirstOutcome(continuation)
        let abandon = Mutex<Task<Void, Never>?>(nil)
        let timer = Task {
            do { try await Task.sleep(for: limit) } catch { return }  // the answer came first
            if outcome.resume(with: .failure(DeadlineExceeded(limit: limit))) {
                abandon.withLock { $0 }?.cancel()
                await onTimeout()
            }
        }
        let work = Task {
            do {
                outcome.resume(with: .success(try await operation()))
            } catch {
                outcome.resume(with: .failure(error))
            }
            timer.cancel()
        }
        abandon.withLock { $0 = work }
    }
}

/// Resumes a continuation with whichever outcome comes first.
private final class FirstOutcome<T: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<T, any Error>?>

    init(_ continuation: CheckedContinuation<T, any Error>) {
        self.continuation = Mutex(continuation)
    }

    /// True when this call resumed it.
    @discardableResult
    func resume(with result: Result<T, any Error>) -> Bool {
        let pending = continuation.withLock { stored in
            defer { stored = nil }
            return stored
        }
        pending?.resume(with: result)
        return pending != nil
    }
}
