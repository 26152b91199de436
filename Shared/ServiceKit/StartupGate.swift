import ServiceLifecycle
import Synchronization

/// Holds back services (relay, consumers) until start-up work — migrations and
/// topic creation — has finished, and lets them go quietly if it failed.
public final class StartupGate: Sendable {
    private enum State { case closed([CheckedContinuation<Bool, Never>]), open, abandoned }
    private let state = Mutex(State.closed([]))

    public init() {}

    public func open() { finish(with: true) }
    public func abandon() { finish(with: false) }

    private func finish(with opened: Bool) {
        let waiters: [CheckedContinuation<Bool, Never>] = state.withLock { state in
            guard case .closed(let waiters) = state else { return [] }
            state = opened ? .open : .abandoned
            return waiters
        }
        waiters.forEach { $0.resume(returning: opened) }
    }

    /// True once opened; false if abandoned.
    public func wait() async -> Bool {
        await withCheckedContinuation { continuation in
            let immediate: Bool? = state.withLock { state in
                switch state {
                case .open: return true
                case .abandoned: return false
                case .closed(var waiters):
                    waiters.append(continuation)
                    state = .closed(waiters)
                    return nil
                }
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
    }

    public var isOpen: Bool { state.withLock { if case .open = $0 { true } else { false } } }
}

/// Runs `service` once the gate opens. A service that starts later never sees a missing table.
public struct GatedService: Service {
    let gate: StartupGate
    let service: any Service

    public init(_ service: any Service, after gate: StartupGate) {
        self.gate = gate
        self.service = service
    }

    public func run() async throws {
        let opened = await withGracefulShutdownHandler {
            await gate.wait()
        } onGracefulShutdown: {
            gate.abandon()
        }
        guard opened else {
            // Stay until shutdown: returning early would read as a failure to the ServiceGroup.
            try? await gracefulShutdown()
            return
        }
        try await service.run()
    }
}
