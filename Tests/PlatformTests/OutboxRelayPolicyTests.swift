import Persistence
import TestKit
import Testing

/// The relay's decisions, without a database or a broker.
@Suite("Outbox relay policy", .tags(.unit))
struct OutboxRelayPolicyTests {
    typealias Outcome = OutboxRelayPolicy.Outcome
    let rows: [(position: Int64, key: String)] = [(1, "a"), (2, "b"), (3, "a"), (4, "c")]

    @Test("all delivered: the cursor passes the whole batch, nothing to retry")
    func allDelivered() {
        var policy = OutboxRelayPolicy(maxAttempts: 3)
        let settlement = policy.settle(rows, outcomes: Array(repeating: .delivered, count: 4))
        #expect(settlement == OutboxRelayPolicy.Settlement(passedThrough: 4))
    }

    @Test("a transient failure stops the cursor before the row; later deliveries are counted to be resent")
    func transientStops() {
        var policy = OutboxRelayPolicy(maxAttempts: 3)
        let outcomes: [Outcome] = [.delivered, .failedTransiently(reason: "timed out"), .delivered, .delivered]
        let settlement = policy.settle(rows, outcomes: outcomes)
        #expect(settlement.passedThrough == 1)
        #expect(settlement.retryFrom == 2)
        #expect(settlement.retryReason == "timed out")
        #expect(settlement.deliveredBeyond == 2)
        #expect(settlement.quarantine.isEmpty)
        // The retry does not send rows 3 and 4 again; once the cursor passes them they are forgotten.
        #expect([1, 2, 3, 4].map { policy.wasDelivered($0) } == [false, false, true, true])
        _ = policy.settle(rows, outcomes: Array(repeating: .delivered, count: 4))
        #expect([3, 4].map { policy.wasDelivered($0) } == [false, false])
    }

    @Test("rows delivered by batches in flight when a pass stopped are remembered")
    func noteDelivered() {
        var policy = OutboxRelayPolicy()
        policy.noteDelivered([8, 9])
        #expect(policy.wasDelivered(8) == true)
        #expect(policy.wasDelivered(7) == false)
    }

    @Test("a transient failure is never counted: a broker outage quarantines nothing however long it lasts")
    func transientNeverQuarantines() {
        var policy = OutboxRelayPolicy(maxAttempts: 2)
        for _ in 0..<50 {
            let settlement = policy.settle(rows, outcomes: [.failedTransiently(reason: "all brokers down"), .delivered, .delivered, .delivered])
            #expect(settlement.retryFrom == 1)
            #expect(settlement.quarantine.isEmpty)
        }
        #expect(policy.quarantinedKeys.isEmpty)
    }

    @Test("a refused row is retried until its attempts run out, then quarantined; its key's later rows are held")
    func refusedThenQuarantined() {
        var policy = OutboxRelayPolicy(maxAttempts: 3)
        let refused: [Outcome] = [.refused(reason: "too large"), .delivered, .withheld, .delivered]
        for attempt in 1...2 {
            let settlement = policy.settle(rows, outcomes: refused)
            #expect(settlement.retryFrom == 1, "attempt \(attempt)")
            #expect(settlement.passedThrough == nil)
            #expect(settlement.quarantine.isEmpty)
        }
        let third = policy.settle(rows, outcomes: refused)
        #expect(third.retryFrom == nil)
        #expect(third.passedThrough == 4)
        #expect(third.quarantine == [
            .init(position: 1, key: "a", reason: "too large", attempts: 3, heldBehind: nil),
            .init(position: 3, key: "a", reason: "held behind a quarantined row of its key", attempts: 0, heldBehind: 1),
        ])
        #expect(policy.quarantinedKeys == ["a"])
        #expect(policy.mayProduce(key: "a") == false)
        #expect(policy.mayProduce(key: "b") == true)
    }

    @Test("rows of a quarantined key in a later batch are held behind the first quarantined row")
    func laterBatchHeld() {
        var policy = OutboxRelayPolicy(maxAttempts: 1, quarantinedKeys: ["a": 7])
        let settlement = policy.settle([(10, "a"), (11, "b")], outcomes: [.withheld, .delivered])
        #expect(settlement.passedThrough == 11)
        #expect(settlement.quarantine == [.init(position: 10, key: "a", reason: "held behind a quarantined row of its key",
                                                attempts: 0, heldBehind: 7)])
    }

    @Test("a row withheld behind a row that will be retried stops the cursor at the latest there")
    func withheldBehindRetry() {
        var policy = OutboxRelayPolicy(maxAttempts: 5)
        // Row 1 was delivered; row 3 (key a) was withheld because an earlier produce of key a failed at once.
        let settlement = policy.settle(rows, outcomes: [.delivered, .delivered, .withheld, .delivered])
        #expect(settlement.passedThrough == 2)
        #expect(settlement.retryFrom == 3)
        #expect(settlement.deliveredBeyond == 1)
    }

    @Test("a delivered row clears the attempts of its position")
    func attemptsReset() {
        var policy = OutboxRelayPolicy(maxAttempts: 2)
        _ = policy.settle([(1, "a")], outcomes: [.refused(reason: "x")])
        _ = policy.settle([(1, "a")], outcomes: [.delivered])
        let again = policy.settle([(1, "a")], outcomes: [.refused(reason: "x")])
        #expect(again.retryFrom == 1)
        #expect(again.quarantine.isEmpty)
    }

    @Test("released keys flow again")
    func release() {
        var policy = OutboxRelayPolicy(maxAttempts: 1, quarantinedKeys: ["a": 1])
        #expect(policy.mayProduce(key: "a") == false)
        policy.released(key: "a")
        #expect(policy.mayProduce(key: "a") == true)
        #expect(policy.quarantinedKeys.isEmpty)
    }

    @Test("backoff doubles from its initial delay up to its cap, scaled by jitter in 0.5…1")
    func backoff() {
        var backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(1))
        let delays = (0..<6).map { _ in backoff.next(jitter: 1) }
        #expect(delays == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1)])
        backoff.reset()
        #expect(backoff.next(jitter: 0.5) == .milliseconds(50))
        #expect(backoff.next(jitter: 0.1) == .milliseconds(100))  // jitter below 0.5 is raised to 0.5
        #expect(backoff.next(jitter: 7) == .milliseconds(400))  // and above 1 lowered to 1
        for _ in 0..<100 { _ = backoff.next(jitter: 1) }
        #expect(backoff.next(jitter: 1) == .seconds(1))
    }
}
