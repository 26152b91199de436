import Logging
import PostgresNIO

/// The one way this suite runs a transaction, on a pooled connection or a given one.
///
/// - It never writes to a connection the server has already closed. postgres-nio 1.33.2
///   drops the failed write of a query sent on a closed connection (`channel.write(task,
///   promise: nil)`), so the query never returns and nothing cancels it; after a PostgreSQL
///   restart a pooled connection can be handed out just closed. The state is checked before
///   BEGIN, before COMMIT and before ROLLBACK, and `ConnectionLost` is thrown instead (a
///   transient error: the inbox waits it out, HTTP answers 503). A statement already in flight
///   when the connection closes fails normally. The window between a check and its write
///   remains: a statement written just as the connection closes never returns. Work that must
///   go on (the inbox) runs with a `TransactionWatch`, which records the connection here so that
///   the work can be abandoned once it has closed. The real fix belongs in postgres-nio.
/// - The body's own error is rethrown as it is (callers branch on rule violations, permanent
///   event errors, simulated crashes).
/// - After a commit it wakes this process's outbox relays (`OutboxWakeup`).
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
        guard !isClosed else { throw ConnectionLost() }
        let watch = TransactionWatch.current
        watch?.began(on: self)
        defer { watch?.ended() }
        try await query("BEGIN", logger: logger)
        var bodyFinished = false
        do {
            let value = try await body(self)
            bodyFinished = true
            guard !isClosed else { throw ConnectionLost() }
            try await query("COMMIT", logger: logger)
            OutboxWakeup.afterCommit()
            return value
        } catch {
            if !bodyFinished && !isClosed {
                // A failed rollback changes nothing for the caller: the server discards the transaction.
                try? await query("ROLLBACK", logger: logger)
            }
            throw error
        }
    }
}

/// The database closed the connection before the transaction could finish: nothing was committed.
public struct ConnectionLost: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "the database closed the connection; nothing was committed" }
}
