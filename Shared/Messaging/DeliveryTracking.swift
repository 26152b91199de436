import Synchronization

/// Waits for the delivery reports of one `send` call (one message or a batch).
///
/// Reports may arrive on the poll thread before or after the waiter installs its
/// continuation: `install` resumes at once when every report is already in.
final class DeliveryBatch: Sendable {
    typealias Outcome = Result<DeliveryReport, KafkaError>

    private struct State {
        var outcomes: [Outcome?]
        var remaining: Int
        var continuation: CheckedContinuation<[Outcome], Never>?
    }

    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(outcomes: Array(repeating: nil, count: count), remaining: count))
    }

    func install(_ continuation: CheckedContinuation<[Outcome], Never>) {
        let ready: [Outcome]? = state.withLock { state in
            if state.remaining == 0 { return state.outcomes.map { $0 ?? .failure(.shutDown) } }
            state.continuation = continuation
            return nil
        }
        if let ready { continuation.resume(returning: ready) }
    }

    func complete(index: Int, with outcome: Outcome) {
        let finished: (CheckedContinuation<[Outcome], Never>, [Outcome])? = state.withLock { state in
            guard state.outcomes[index] == nil else { return nil }
            state.outcomes[index] = outcome
            state.remaining -= 1
            guard state.remaining == 0, let continuation = state.continuation else { return nil }
            state.continuation = nil
            return (continuation, state.outcomes.map { $0 ?? .failure(.shutDown) })
        }
        if let (continuation, outcomes) = finished { continuation.resume(returning: outcomes) }
    }
}

/// Maps librdkafka's per-message opaque (a counter) back to the waiting batch.
final class DeliveryRegistry: Sendable {
    private struct State {
        var nextID: UInt = 1
        var waiting: [UInt: (DeliveryBatch, Int)] = [:]
    }

    private let state = Mutex(State())

    func register(_ batch: DeliveryBatch, index: Int) -> UInt {
        state.withLock { state in
            let id = state.nextID
            state.nextID &+= 1
            if state.nextID == 0 { state.nextID = 1 }  // 0 would be a null opaque pointer
            state.waiting[id] = (batch, index)
            return id
        }
    }

    func complete(_ id: UInt, with outcome: DeliveryBatch.Outcome) {
        let entry = state.withLock { $0.waiting.removeValue(forKey: id) }
        if let (batch, index) = entry { batch.complete(index: index, with: outcome) }
    }

    func failAll(with error: KafkaError) {
        let entries = state.withLock { state in
            defer { state.waiting.removeAll() }
            return Array(state.waiting.values)
        }
        for (batch, index) in entries { batch.complete(index: index, with: .failure(error)) }
    }

    var count: Int { state.withLock { $0.waiting.count } }
}
