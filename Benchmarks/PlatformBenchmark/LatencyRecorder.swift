import Contracts
import Foundation
import Persistence
import Synchronization

/// Commit instants of commands, matched with the consumer's commit of the same event.
final class LatencyRecorder: Sendable {
    private struct State {
        var committed: [UUID: ContinuousClock.Instant] = [:]
        var samples: [Double] = []
    }
    private let state = Mutex(State())

    func commandCommitted(_ id: UUID) {
        let now = ContinuousClock.now
        state.withLock { $0.committed[id] = now }
    }

    func consumerCommitted(_ id: UUID) {
        let now = ContinuousClock.now
        state.withLock { state in
            if let start = state.committed.removeValue(forKey: id) {
                state.samples.append((now - start).milliseconds)
            }
        }
    }

    var count: Int { state.withLock { $0.samples.count } }
    func reset() { state.withLock { $0.samples.removeAll() } }
    var samples: [Double] { state.withLock { $0.samples } }
}

extension LatencyRecorder: InboxConsumerHooks {
    func handled(_ event: CloudEvent) { consumerCommitted(event.id) }
}

/// Hands out work item numbers to concurrent writers.
final class Tickets: Sendable {
    private let value = Atomic<Int>(0)
    func next() -> Int { value.add(1, ordering: .relaxed).oldValue }
}

/// Calls per second of `work(0..<count)` with `writers` tasks taking turns from one counter.
func callsPerSecond(_ count: Int, writers: Int, _ work: @escaping @Sendable (Int) async throws -> Void) async throws -> Double {
    let next = Tickets()
    let start = ContinuousClock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<writers {
            group.addTask {
                while true {
                    let index = next.next()
                    if index >= count { return }
                    try await work(index)
                }
            }
        }
        try await group.waitForAll()
    }
    return Double(count) / (ContinuousClock.now - start).seconds
}
