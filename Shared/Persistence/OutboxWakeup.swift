import Synchronization

/// Wakes the relays of this process right after a transaction commits, so a command's
/// events leave at once without a database trigger (the statement-level `NOTIFY` trigger
/// serialised committing writers). Relays in other processes find the rows by their short poll.
public enum OutboxWakeup {
    private static let relays = Mutex<[Int: AsyncStream<Void>.Continuation]>([:])
    private static let nextID = Atomic<Int>(0)

    /// Called by `transaction(logger:)` after every commit. Coalesced: a relay that is busy
    /// sees one pending wake-up however many commits there were.
    public static func afterCommit() {
        for relay in relays.withLock({ Array($0.values) }) { relay.yield() }
    }

    static func register(_ continuation: AsyncStream<Void>.Continuation) -> Int {
        let id = nextID.add(1, ordering: .relaxed).newValue
        relays.withLock { $0[id] = continuation }
        return id
    }

    static func unregister(_ id: Int) {
        _ = relays.withLock { $0.removeValue(forKey: id) }
    }
}
