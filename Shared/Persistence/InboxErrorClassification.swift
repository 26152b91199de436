import Contracts
import PostgresNIO

/// What a failed inbox attempt says about the event in hand.
///
/// The inbox must tell "the database is away" from "this event is bad": the first
/// is waited out with the partitions paused and never dead-letters anything, the
/// second is dead-lettered (at once, or after a bounded number of attempts).
public enum InboxFailure: Sendable, Hashable {
    /// Retrying later will succeed once the database is back (or the race is over).
    /// Never counts toward the dead-letter attempts.
    case transient(TransientCause)
    /// Retrying cannot help: the event is malformed or breaks the contract. Dead-lettered at once.
    case permanent
    /// A handler's own error (a rule it refuses, a bug): retried a bounded number of times,
    /// because it may depend on other events, then dead-lettered.
    case handlerFailed

    public enum TransientCause: String, Sendable, Hashable, CaseIterable {
        /// The connection was lost, refused or never made (network, restart, pool circuit breaker).
        case connection
        /// The server is there but cannot serve now: SQLSTATE classes 53 and 57P (shutdown, too many connections).
        case unavailable
        /// The transaction lost a race: serialization failure (40001) or deadlock (40P01).
        case conflict
    }

    public var isTransient: Bool {
        if case .transient = self { return true }
        return false
    }
}

/// Sorts errors into `InboxFailure`. Pure: it only looks at the error values.
public enum InboxErrorClassification {
    public static func classify(_ error: any Error) -> InboxFailure {
        switch error {
        case is any PermanentEventError:
            return .permanent
        case let error as PostgresTransactionError:
            return classify(transaction: error)
        case let error as PSQLError:
            return classify(psqlCode: error.code, sqlState: error.serverInfo?[.sqlState])
        case _ where isPoolError(error):
            return .transient(.connection)
        case is ConnectionLost, is ChannelClosedWhileWaiting, is DeadlineExceeded, is ChannelError, is IOError, is NIOConnectionError, is EventLoopError:
            return .transient(.connection)
        case is CancellationError:
            // Only raised while the consumer stops; the event is redelivered after a restart.
            return .transient(.connection)
        default:
            return .handlerFailed
        }
    }

    /// postgres-nio maps its pool's errors to `PSQLError` except one: the circuit breaker
    /// (`connectionCreationCircuitBreakerTripped`, after 60 s without a connection) surfaces as
    /// `ConnectionPoolError` of the underscored `_ConnectionPoolModule`, which this target does not
    /// depend on; so it is recognised by its type's name.
    static func isPoolError(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).hasSuffix(".ConnectionPoolError")
    }

    /// postgres-nio reports every failure of a transaction, its own and the body's.
    /// A permanent body error stays permanent even if the rollback then failed (the server
    /// rolls back a dropped transaction by itself); otherwise any transient part makes it
    /// transient, since a handler error raised while the connection was dying is not the event's fault.
    static func classify(transaction error: PostgresTransactionError) -> InboxFailure {
        classify(body: error.closureError, others: [error.beginError, error.commitError, error.rollbackError])
    }

    static func classify(body: (any Error)?, others: [(any Error)?]) -> InboxFailure {
        if let body, classify(body) == .permanent { return .permanent }
        let classes = ([body] + others).compactMap { $0 }.map { classify($0) }
        if let transient = classes.first(where: \.isTransient) { return transient }
        return classes.first ?? .handlerFailed
    }

    /// A postgres-nio error code, with the server's SQLSTATE when the server sent one.
    public static func classify(psqlCode code: PSQLError.Code, sqlState: String?) -> InboxFailure {
        switch code {
        case .server:
            guard let sqlState else { return .handlerFailed }
            return classify(sqlState: sqlState)
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed,
             .queryCancelled:
            return .transient(.connection)
        case .sslUnsupported, .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest,
             .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            // Raised while connecting: no event can be applied until the connection is fixed,
            // so dead-lettering would only move every event aside.
            return .transient(.connection)
        default:
            // Decoding, protocol or statement errors belong to what the handler ran.
            return .handlerFailed
        }
    }

    /// SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (operator
    /// intervention: admin/crash shutdown, cannot connect now), and 40001/40P01 are transient.
    public static func classify(sqlState: String) -> InboxFailure {
        if sqlState.hasPrefix("08") { return .transient(.connection) }
        if sqlState.hasPrefix("53") || sqlState.hasPrefix("57P") { return .transient(.unavailable) }
        if sqlState == "40001" || sqlState == "40P01" { return .transient(.conflict) }
        return .handlerFailed
    }
}
