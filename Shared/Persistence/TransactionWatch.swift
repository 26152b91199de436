import PostgresNIO
import Synchronization

/// Which connection a unit of work is running a transaction on, so that a supervisor can give up
/// on the work once that connection has closed.
///
/// postgres-nio 1.33.2 never answers a statement written to a connection the server has just
/// closed (a PostgreSQL restart between two statements of a handler), so the inbox would wait for
/// that handler forever. The inbox runs each attempt with a watch in `current`;
/// `PostgresConnection.transaction` records its connection there while it runs; the inbox, once
/// an attempt overruns, checks `connectionClosed` and abandons the attempt (a transient error:
/// the event is retried on a new connection; the server rolled the transaction back).
public final class TransactionWatch: Sendable {
    @TaskLocal public static var current: TransactionWatch?

    private struct State {
        var connection: PostgresConnection?
        var fire: (@Sendable () -> Void)?
        var fired = false
    }
    private let state = Mutex(State())

    public init() {}

    /// Fires when `fireIfConnectionClosed()` finds the transaction's connection closed.
    public var signal: AbandonSignal {
        AbandonSignal { fire in
            let firedAlready = self.state.withLock { state -> Bool in
                state.fire = fire
                return state.fired
            }
            if firedAlready { fire() }
        }
    }

    func began(on connection: PostgresConnection) {
        state.withLock { $0.connection = connection }
    }

    func ended() {
        state.withLock { $0.connection = nil }
    }

    /// True (and the signal fired) when a transaction is running on a connection that has closed.
    @discardableResult
    public func fireIfConnectionClosed() -> Bool {
        let fire = state.withLock { state -> (@Sendable () -> Void)?? in
            guard !state.fired, let connection = state.connection, connection.isClosed else { return nil }
            state.fired = true
            return .some(state.fire)
        }
        guard let fire else { return false }
        fire?()
        return true
    }
}
