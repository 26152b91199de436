/// The outbox relay's decisions, kept apart from its I/O so they can be tested
/// exhaustively without a database or a broker: which rows the cursor may pass,
/// which rows go to quarantine, where to retry from, and which keys are held back.
///
/// The relay feeds it each batch in position order with what happened to every row;
/// it answers with a `Settlement` that the relay carries out (one cursor update,
/// quarantine rows in the same statement, a retry point and a backoff).
public struct OutboxRelayPolicy: Sendable {
    /// What became of one produced (or withheld) row.
    public enum Outcome: Sendable, Equatable {
        case delivered
        /// Broker unreachable, timed out, queue full: says nothing about the row itself, never counted.
        case failedTransiently(reason: String)
        /// The broker or librdkafka refused this message (too large, topic not authorised, …).
        case refused(reason: String)
        /// Not produced, because an earlier row of its key failed or is quarantined.
        case withheld
    }

    /// One row the cursor passes without publishing it.
    public struct QuarantineEntry: Sendable, Equatable {
        public var position: Int64
        public var key: String
        public var reason: String
        public var attempts: Int
        /// For a row held back behind a quarantined row of its key: that row's position.
        public var heldBehind: Int64?

        public init(position: Int64, key: String, reason: String, attempts: Int, heldBehind: Int64?) {
            self.position = position
            self.key = key
            self.reason = reason
            self.attempts = attempts
            self.heldBehind = heldBehind
        }
    }

    public struct Settlement: Sendable, Equatable {
        /// The cursor may move through this position (every row up to it is delivered or quarantined).
        public var passedThrough: Int64?
        public var quarantine: [QuarantineEntry] = []
        /// Set when the batch stopped at an undelivered row: the next pass starts there, after a backoff.
        public var retryFrom: Int64?
        public var retryReason: String?
        /// Rows after the stopping row that were delivered anyway; a retry does not send them again.
        public var deliveredBeyond = 0

        public init(
            passedThrough: Int64? = nil, quarantine: [QuarantineEntry] = [], retryFrom: Int64? = nil,
            retryReason: String? = nil, deliveredBeyond: Int = 0
        ) {
            self.passedThrough = passedThrough
            self.quarantine = quarantine
            self.retryFrom = retryFrom
            self.retryReason = retryReason
            self.deliveredBeyond = deliveredBeyond
        }
    }

    /// Refusals of one row before it is quarantined.
    public let maxAttempts: Int
    private var attempts: [Int64: Int] = [:]
    /// Keys with a quarantined row: their later rows are withheld until an operator releases the key.
    public private(set) var quarantinedKeys: Set<String>
    /// The first quarantined position of each quarantined key, for the `heldBehind` of later rows.
    private var quarantinedAt: [String: Int64] = [:]
    /// Rows delivered beyond a row that stopped the cursor. A retry does not send them again
    /// (after a crash they are, and inboxes drop them). Rows of the stopping row's key are never
    /// here: they were withheld, or queued behind it in its partition.
    private var deliveredAhead = Set<Int64>()

    public init(maxAttempts: Int = 5, quarantinedKeys: [String: Int64] = [:]) {
        self.maxAttempts = max(1, maxAttempts)
        self.quarantinedKeys = Set(quarantinedKeys.keys)
        self.quarantinedAt = quarantinedKeys
    }

    /// Whether a row of `key` may be produced now. Rows of a quarantined key are withheld.
    public func mayProduce(key: String) -> Bool { !quarantinedKeys.contains(key) }

    /// Whether the row was delivered in an earlier pass that stopped before it; it is not produced again.
    public func wasDelivered(_ position: Int64) -> Bool { deliveredAhead.contains(position) }

    /// Records rows delivered in batches that were in flight when a pass stopped.
    public mutating func noteDelivered(_ positions: [Int64]) { deliveredAhead.formUnion(positions) }

    /// Settles one batch, given in position order. Walks the rows: delivered rows let the
    /// cursor pass; the first row that must be retried stops the walk; a row refused
    /// `maxAttempts` times is quarantined, and so is every later row of its key.
    public mutating func settle(_ rows: [(position: Int64, key: String)], outcomes: [Outcome]) -> Settlement {
        precondition(rows.count == outcomes.count, "one outcome per row")
        var settlement = Settlement()
        for (index, row) in rows.enumerated() {
            switch outcomes[index] {
            case .delivered:
                settlement.passedThrough = row.position
                attempts[row.position] = nil
                deliveredAhead.remove(row.position)
            case .withheld where quarantinedKeys.contains(row.key):
                settlement.quarantine.append(QuarantineEntry(
                    position: row.position, key: row.key, reason: "held behind a quarantined row of its key",
                    attempts: 0, heldBehind: quarantinedAt[row.key]))
                settlement.passedThrough = row.position
            case .refused(let reason):
                let count = (attempts[row.position] ?? 0) + 1
                if count >= maxAttempts {
                    attempts[row.position] = nil
                    quarantinedKeys.insert(row.key)
                    quarantinedAt[row.key] = quarantinedAt[row.key] ?? row.position
                    settlement.quarantine.append(QuarantineEntry(
                        position: row.position, key: row.key, reason: reason, attempts: count, heldBehind: nil))
                    settlement.passedThrough = row.position
                } else {
                    attempts[row.position] = count
                    return stop(settlement, at: index, of: rows, outcomes: outcomes, reason: reason)
                }
            case .failedTransiently(let reason):
                return stop(settlement, at: index, of: rows, outcomes: outcomes, reason: reason)
            case .withheld:
                // Withheld behind a row of its key that will be retried: retry from here at the latest.
                return stop(settlement, at: index, of: rows, outcomes: outcomes, reason: "held behind an earlier row of its key")
            }
        }
        return settlement
    }

    private mutating func stop(
        _ settlement: Settlement, at index: Int, of rows: [(position: Int64, key: String)], outcomes: [Outcome], reason: String
    ) -> Settlement {
        var settlement = settlement
        settlement.retryFrom = rows[index].position
        settlement.retryReason = reason
        for later in (index + 1)..<rows.count where outcomes[later] == .delivered {
            deliveredAhead.insert(rows[later].position)
            settlement.deliveredBeyond += 1
        }
        return settlement
    }

    /// Forgets a key's quarantine once an operator's release published its rows.
    public mutating func released(key: String) {
        quarantinedKeys.remove(key)
        quarantinedAt[key] = nil
    }
}

/// Capped exponential backoff with jitter, for reconnecting and retrying.
public struct Backoff: Sendable, Equatable {
    public let initial: Duration
    public let maximum: Duration
    public private(set) var failures = 0

    public init(initial: Duration = .milliseconds(200), maximum: Duration = .seconds(10)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The next delay: `initial × 2^(failures)`, capped, scaled by `jitter` in 0.5…1
    /// (so replicas that failed together do not retry together).
    public mutating func next(jitter: Double) -> Duration {
        let exponent = min(failures, 30)
        failures += 1
        let base = min(initial * (1 << exponent), maximum)
        return base * min(1, max(0.5, jitter))
    }

    public mutating func reset() { failures = 0 }
}
