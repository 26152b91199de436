/// Exponential backoff with jitter: `initial · multiplierⁿ⁻¹`, capped at `maximum`, of which a
/// random half is kept ("equal jitter"), so replicas that lost the database together do not
/// come back to it in lockstep, and no wait is shorter than half its step.
public struct InboxBackoff: Sendable, Equatable {
    public var initial: Duration
    public var maximum: Duration
    public var multiplier: Int

    public init(initial: Duration, maximum: Duration, multiplier: Int = 2) {
        self.initial = initial
        self.maximum = max(maximum, initial)
        self.multiplier = max(multiplier, 1)
    }

    /// The step before jitter for the `attempt`-th retry (1-based).
    public func step(attempt: Int) -> Duration {
        var delay = initial
        var remaining = max(attempt, 1) - 1
        while remaining > 0 && delay < maximum {
            delay *= multiplier
            remaining -= 1
        }
        return min(delay, maximum)
    }

    /// The wait before the `attempt`-th retry; `jitter` is a random number in `0..<1`
    /// (passed in, so the policy stays pure and testable).
    public func delay(attempt: Int, jitter: Double) -> Duration {
        let step = step(attempt: attempt)
        let unit = min(max(jitter, 0), 1)
        return step / 2 + (step / 2) * unit
    }
}
