import Contracts

/// Where the inbox consumer lets its owner step in, for instance to measure latency.
/// An error thrown from a hook ends the consumer's run before the offset is stored, so the
/// event is delivered again after a restart (and found in the inbox).
public protocol InboxConsumerHooks: Sendable {
    /// The consumer is done with `event`: its transaction committed (it was applied, or found
    /// already applied), or its handler kept failing and it was dead-lettered. Its Kafka offset
    /// is not stored yet.
    func handled(_ event: CloudEvent) throws
}

extension InboxConsumerHooks {
    public func handled(_ event: CloudEvent) throws {}
}

/// The consumer's default: nothing happens at the hook points.
public struct NoInboxConsumerHooks: InboxConsumerHooks {
    public init() {}
}
