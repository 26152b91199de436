import Foundation
import Logging
import ServiceLifecycle

/// Makes a shutdown always end: once a graceful shutdown begins, the process exits after
/// `limit` whatever is still running.
///
/// The service group cancels what outlives its graceful period, but a task stuck on
/// postgres-nio 1.33.2's dropped write to a closed connection ignores cancellation too, and
/// an HTTP request stuck that way would hold the server's shutdown for ever. Exiting is safe:
/// an uncommitted transaction is rolled back by the server, an unpublished outbox row is
/// published after the restart, and an event whose offset was not stored is redelivered and
/// dropped by the inbox if it was already applied.
struct ShutdownDeadline: Service {
    let limit: Duration
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        let limit = self.limit
        let logger = self.logger
        Task.detached {
            try? await Task.sleep(for: limit)
            logger.critical("shutdown did not finish within \(limit); exiting with work still in flight (it is redone after the restart)")
            exit(1)
        }
    }
}
