/// Where the outbox relay lets its owner step in, for instance to observe its progress.
/// An error thrown from a hook ends the relay's pass as a lost database session would: the
/// cursor has not moved, so the rows concerned are published again (inboxes drop the copies).
public protocol OutboxRelayHooks: Sendable {
    /// The delivery reports of a batch are in; the cursor has not moved past the batch yet.
    func deliveryReportsReceived() throws
}

extension OutboxRelayHooks {
    public func deliveryReportsReceived() throws {}
}

/// The relay's default: nothing happens at the hook points.
public struct NoOutboxRelayHooks: OutboxRelayHooks {
    public init() {}
}
