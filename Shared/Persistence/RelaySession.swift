import Logging
import PostgresNIO
import Synchronization

/// The outbox relay's own database connection, with every statement bounded.
///
/// postgres-nio 1.33.2 drops the write of a query sent on a connection the server has
/// already closed, and the query then never returns (cancellation does not free it). The
/// relay must notice a lost session and start over, so each statement first checks that the
/// connection is open, and is abandoned with `SessionLost` when it outlives `deadline`
/// (the connection is closed then, so nothing else is sent on it).
struct RelaySession: Sendable {
    let connection: PostgresConnection
    let logger: Logger
    let deadline: Duration

    struct SessionLost: Error, CustomStringConvertible {
        var reason: String
        var description: String { "the relay's database session is lost: \(reason)" }
    }

    @discardableResult
    func query(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        guard !connection.isClosed else { throw SessionLost(reason: "connection closed") }
        let connection = self.connection
        let logger = self.logger
        let deadline = self.deadline
        return try await withCheckedThrowingContinuation { continuation in
            let outcome = FirstOutcome(continuation)
            let timer = Task {
                try await Task.sleep(for: deadline)  // cancelled when the answer comes first
                if outcome.resume(with: .failure(SessionLost(reason: "no answer within \(deadline)"))) {
                    try? await connection.close()
                }
            }
            Task {
                do {
                    outcome.resume(with: .success(try await connection.query(query, logger: logger)))
                } catch {
                    outcome.resume(with: .failure(error))
                }
                timer.cancel()
            }
        }
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
