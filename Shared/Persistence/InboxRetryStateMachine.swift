/// The inbox's decisions for the work in hand (a batch, or one event of it), without I/O:
/// retry or dead-letter, pause or resume, and how long to wait. `InboxConsumer` only
/// carries the actions out.
///
/// - A transient failure (the database is away) pauses the assigned partitions on its first
///   occurrence and is retried with jittered exponential backoff for as long as it lasts; it
///   never counts toward the dead-letter attempts.
/// - A permanent failure dead-letters the event at once.
/// - A handler's own failure is retried up to `maxAttempts` times, then dead-lettered.
/// - A batch that fails for a reason other than a transient one is applied one event at a
///   time, so one bad event cannot hold back the others.
/// - An attempt that runs longer than expected pauses the partitions too, until it ends.
/// - When the work in hand is done (applied or dead-lettered), paused partitions are resumed.
public struct InboxRetryStateMachine: Sendable {
    public struct Policy: Sendable, Equatable {
        /// Handler failures before an event is dead-lettered.
        public var maxAttempts: Int
        /// Wait before retrying a failed handler: `handlerBackoff × attempt`.
        public var handlerBackoff: Duration
        /// Waits while the database is away.
        public var transientBackoff: InboxBackoff

        public init(maxAttempts: Int, handlerBackoff: Duration, transientBackoff: InboxBackoff) {
            self.maxAttempts = max(maxAttempts, 1)
            self.handlerBackoff = handlerBackoff
            self.transientBackoff = transientBackoff
        }
    }

    public enum BatchAction: Sendable, Equatable {
        /// Apply the batch's events one by one instead, so one bad event cannot hold back the others.
        case applyOneByOne
        /// Wait, then try the whole batch again. `pause`: pause the assigned partitions first.
        case retry(after: Duration, pause: Bool)
    }

    public enum EventAction: Sendable, Equatable {
        /// Send the event to the dead-letter topic after this many attempts, then move on.
        case deadLetter(attempts: Int)
        /// Wait, then try again. `pause`: pause the assigned partitions first (and keep polling
        /// while waiting); false when they are already paused or the failure is the handler's.
        case retry(after: Duration, pause: Bool)
    }

    public enum DoneAction: Sendable, Equatable {
        case proceed
        /// Resume the partitions paused during an outage before going on.
        case resumeAndProceed
    }

    public let policy: Policy
    /// Handler failures of the current work (transient ones are not counted).
    public private(set) var failedAttempts = 0
    /// Consecutive transient failures of the current work; drives the backoff.
    public private(set) var transientRetries = 0
    public private(set) var isPaused = false

    public init(policy: Policy) {
        self.policy = policy
    }

    /// Applying a whole batch failed. `jitter` is a random number in `0..<1`.
    public mutating func batchFailed(_ failure: InboxFailure, jitter: Double) -> BatchAction {
        guard failure.isTransient else { return .applyOneByOne }
        return transientRetry(jitter: jitter)
    }

    /// Applying one event failed. `jitter` is a random number in `0..<1`.
    public mutating func eventFailed(_ failure: InboxFailure, jitter: Double) -> EventAction {
        switch failure {
        case .transient:
            let (delay, pause) = transientDelay(jitter: jitter)
            return .retry(after: delay, pause: pause)
        case .permanent:
            failedAttempts += 1
            return .deadLetter(attempts: failedAttempts)
        case .handlerFailed:
            failedAttempts += 1
            if failedAttempts >= policy.maxAttempts { return .deadLetter(attempts: failedAttempts) }
            return .retry(after: policy.handlerBackoff * failedAttempts, pause: false)
        }
    }

    private mutating func transientRetry(jitter: Double) -> BatchAction {
        let (delay, pause) = transientDelay(jitter: jitter)
        return .retry(after: delay, pause: pause)
    }

    /// A transient failure: never counted toward dead-lettering; pauses on its first occurrence.
    private mutating func transientDelay(jitter: Double) -> (Duration, pause: Bool) {
        transientRetries += 1
        let pause = !isPaused
        isPaused = true
        return (policy.transientBackoff.delay(attempt: transientRetries, jitter: jitter), pause)
    }

    /// The current attempt has been running longer than expected (typically: the pool is
    /// waiting for a connection the database refuses). True: pause the partitions now and keep
    /// polling while the attempt goes on, so the group is not held up by this member.
    public mutating func attemptOverran() -> Bool {
        guard !isPaused else { return false }
        isPaused = true
        return true
    }

    /// The work in hand is done (applied or dead-lettered):
    /// counters restart for the next work; partitions are resumed if they were paused.
    public mutating func workDone() -> DoneAction {
        failedAttempts = 0
        transientRetries = 0
        guard isPaused else { return .proceed }
        isPaused = false
        return .resumeAndProceed
    }

    /// Starts the next event of a batch applied one by one, keeping the pause state:
    /// the partitions stay paused until something is applied or dead-lettered.
    public mutating func nextWork() {
        failedAttempts = 0
        transientRetries = 0
    }
}
