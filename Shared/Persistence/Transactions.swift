import Logging
import PostgresNIO

/// `withTransaction` that, after a clean rollback, rethrows the body's own error, and
/// after a commit wakes this process's outbox relays (`OutboxWakeup`).
///
/// postgres-nio wraps every failure in `PostgresTransactionError`; callers here
/// branch on the body's error (a rule violation, a permanent event error, a
/// simulated crash), so it is unwrapped once, in one place.
extension PostgresClient {
    public func transaction<Result>(
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        try await withConnection(isolation: isolation) { connection in
            try await connection.transaction(logger: logger, isolation: isolation, body)
        }
    }
}

extension PostgresConnection {
    public func transaction<Result>(
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        do {
            let result = try await withTransaction(logger: logger, isolation: isolation, body)
            OutboxWakeup.afterCommit()
            return result
        } catch let error as PostgresTransactionError {
            throw error.underlying
        }
    }
}

extension PostgresTransactionError {
    /// The body's error when the rollback went fine; otherwise the whole story.
    var underlying: any Error {
        if let closureError, rollbackError == nil { return closureError }
        if let beginError { return beginError }
        if let commitError, closureError == nil { return commitError }
        return self
    }
}
