import NIOCore
import NIOPosix
import Persistence
import Synchronization
import TestKit
import Testing

/// `withDeadline` gives up on an operation that never answers — at its limit, when the channel
/// it waits on closes, or when the caller is cancelled — and runs `onAbandon` each time.
///
/// Time bounds are far from the limits they are compared with: at the start of a full run the
/// two cooperative threads are busy with hundreds of tests and a 200 ms timer was seen to fire
/// after 57 s.
@Suite("Deadline")
struct DeadlineTests {
    /// Never returns, even when cancelled: what a query on a closed postgres-nio connection does.
    @Sendable static func neverAnswers() async throws -> Int {
        await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
        return 0
    }

    @Test("an answer within the limit is returned and nothing is abandoned")
    func answers() async throws {
        let abandoned = Atomic<Int>(0)
        let value = try await withDeadline(.seconds(600), onAbandon: { abandoned.add(1, ordering: .relaxed) }) { 42 }
        #expect(value == 42)
        try await Task.sleep(for: .milliseconds(50))
        #expect(abandoned.load(ordering: .relaxed) == 0)
    }

    @Test("an operation's own error reaches the caller")
    func operationError() async throws {
        struct Refused: Error {}
        await #expect(throws: Refused.self) { try await withDeadline(.seconds(600)) { () async throws -> Int in throw Refused() } }
    }

    @Test("an operation that never answers is given up at its limit, and onAbandon runs")
    func limit() async throws {
        let abandoned = Atomic<Int>(0)
        let started = ContinuousClock.now
        await #expect(throws: DeadlineExceeded.self) {
            try await withDeadline(.milliseconds(200), onAbandon: { abandoned.add(1, ordering: .relaxed) }, Self.neverAnswers)
        }
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(200), "waited \(waited)")
        _ = try await eventually(timeout: .seconds(30)) { abandoned.load(ordering: .relaxed) == 1 }
        #expect(abandoned.load(ordering: .relaxed) == 1)
    }

    @Test("the channel it waits on closes: given up at once, long before the limit")
    func channelCloses() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let closed = loop.makePromise(of: Void.self)
        let abandoned = Atomic<Int>(0)
        let started = ContinuousClock.now
        loop.scheduleTask(in: .milliseconds(100)) { closed.succeed() }
        await #expect(throws: ChannelClosedWhileWaiting.self) {
            try await withDeadline(.seconds(600), abandoningWhen: .closing(closed.futureResult),
                                   onAbandon: { abandoned.add(1, ordering: .relaxed) }, Self.neverAnswers)
        }
        let waited = ContinuousClock.now - started
        #expect(waited < .seconds(300), "waited \(waited)")
        _ = try await eventually(timeout: .seconds(30)) { abandoned.load(ordering: .relaxed) == 1 }
        #expect(abandoned.load(ordering: .relaxed) == 1)
    }

    @Test("a channel already closed: given up without waiting")
    func alreadyClosed() async throws {
        let closed = MultiThreadedEventLoopGroup.singleton.next().makeSucceededVoidFuture()
        await #expect(throws: ChannelClosedWhileWaiting.self) {
            try await withDeadline(.seconds(120), abandoningWhen: .closing(closed), Self.neverAnswers)
        }
    }

    @Test("the caller is cancelled (a shutdown): it stops waiting at once instead of at the limit")
    func cancelled() async throws {
        let abandoned = Atomic<Int>(0)
        let waiter = Task {
            try await withDeadline(.seconds(600), onAbandon: { abandoned.add(1, ordering: .relaxed) }, Self.neverAnswers)
        }
        try await Task.sleep(for: .milliseconds(100))
        let started = ContinuousClock.now
        waiter.cancel()
        let result = await waiter.result
        let waited = ContinuousClock.now - started
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(waited < .seconds(300), "waited \(waited)")
        _ = try await eventually(timeout: .seconds(30)) { abandoned.load(ordering: .relaxed) == 1 }
        #expect(abandoned.load(ordering: .relaxed) == 1)
    }
}
