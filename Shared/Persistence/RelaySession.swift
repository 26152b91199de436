import Logging
import PostgresNIO

/// The outbox relay's own database connection, with every statement bounded.
///
/// postgres-nio 1.33.2 drops the write of a query sent on a connection the server has
/// already closed, and the query then never returns (cancellation does not free it). The
/// relay must notice a lost session and start over, so each statement is abandoned with
/// `SessionLost` as soon as the connection's channel closes (a killed backend is noticed at
/// once, even when the query's write raced the close) or when it outlives `deadline` (the
/// connection is closed then, so nothing else is sent on it). A relay cancelled at shutdown
/// stops waiting at once too.
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
        do {
            return try await withDeadline(
                deadline, abandoningWhen: .closing(connection.closeFuture), onAbandon: { try? await connection.close() }
            ) {
                try await connection.query(query, logger: logger)
            }
        } catch let exceeded as DeadlineExceeded {
            throw SessionLost(reason: exceeded.description)
        } catch let closed as ChannelClosedWhileWaiting {
            throw SessionLost(reason: closed.description)
        }
    }
}
