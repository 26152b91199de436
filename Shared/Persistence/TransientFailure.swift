import PostgresNIO

/// Failures of the infrastructure, not of the event: a lost connection, a
/// serialization failure or deadlock, a server shutting down. An event that hits
/// one is retried until it succeeds — dead-lettering it would lose a good event.
public enum TransientFailure {
    public static func isTransient(_ error: any Error) -> Bool {
        if let transaction = error as? PostgresTransactionError {
            // A lost connection fails the body and then the rollback: any part that is transient counts.
            let parts: [(any Error)?] = [transaction.beginError, transaction.closureError, transaction.rollbackError,
                                         transaction.commitError]
            return parts.contains { $0.map(isTransient) ?? false }
        }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
            return true
        case .server:
            // SQLSTATE classes 08 (connection), 40 (serialization failure, deadlock),
            // 53 (insufficient resources), 57P (operator intervention: shutdown).
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || state.hasPrefix("40") || state.hasPrefix("53") || state.hasPrefix("57P")
        default:
            return false
        }
    }
}

/// Raised when the consumer is asked to stop while an event still cannot be applied;
/// its offset is not stored, so it is delivered again after the restart.
public struct ConsumerStopping: Error, Sendable {}
