import Synchronization

/// What readiness and metrics need to know of a relay: whether it can publish.
public final class OutboxRelayHealth: Sendable {
    public enum State: Sendable, Equatable {
        case starting
        /// Another replica holds the lock and publishes; this one is healthy and waits.
        case standby
        case active
        /// The relay lost its connection or a pass failed; it is reconnecting.
        case failing(reason: String, since: ContinuousClock.Instant)
        case stopped
    }

    private let state = Mutex(State.starting)

    public init() {}

    public var current: State { state.withLock { $0 } }

    func set(_ new: State) { state.withLock { $0 = new } }

    /// Records a failure, keeping the time of the first one in a row.
    func failed(_ reason: String) {
        state.withLock { state in
            if case .failing(_, let since) = state {
                state = .failing(reason: reason, since: since)
            } else {
                state = .failing(reason: reason, since: .now)
            }
        }
    }
}
