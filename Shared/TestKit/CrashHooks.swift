import Contracts
import Persistence
import Synchronization

/// Relay hooks that crash once a batch's delivery reports are in, before the cursor moves:
/// the batch reached Kafka, and the next relay sends it again.
public struct CrashBeforeCursorMoves: OutboxRelayHooks {
    public init() {}

    public func deliveryReportsReceived() throws {
        throw SimulatedCrash("relay after publish")
    }
}

/// Inbox hooks that crash once the `crashAt`-th event is handled, before its offset is stored:
/// the event is applied, and delivered again after the restart.
public final class CrashAfterCommit: InboxConsumerHooks {
    private let crashAt: Int
    private let handledCount = Atomic<Int>(0)

    public init(crashAt: Int) {
        self.crashAt = crashAt
    }

    public func handled(_ event: CloudEvent) throws {
        if handledCount.add(1, ordering: .relaxed).newValue == crashAt {
            throw SimulatedCrash("consumer after commit")
        }
    }
}
