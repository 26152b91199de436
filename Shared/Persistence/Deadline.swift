import NIOCore
import Synchronization

/// An operation that did not answer within its limit.
public struct DeadlineExceeded: Error, CustomStringConvertible {
    public let limit: Duration
    public var description: String { "no answer within \(limit)" }
}

/// An operation abandoned because the connection it was waiting on closed first.
public struct ChannelClosedWhileWaiting: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "the connection closed before the answer came" }
}

/// Something that says when to stop waiting for an operation: it is handed a `fire` callback,
/// which it calls (at most once matters) when the operation's connection is gone.
public struct AbandonSignal: Sendable {
    let register: @Sendable (_ fire: @escaping @Sendable () -> Void) -> Void

    public init(register: @escaping @Sendable (_ fire: @escaping @Sendable () -> Void) -> Void) {
        self.register = register
    }

    /// Fires when `closeFuture` completes (a connection's channel closed).
    public static func closing(_ closeFuture: EventLoopFuture<Void>) -> AbandonSignal {
        AbandonSignal { fire in closeFuture.whenComplete { _ in fire() } }
    }
}

/// Runs `operation` in a task of its own and returns its result, or gives up on it — even when
/// it never returns — once `limit` has passed (`DeadlineExceeded`; nil: no limit), once `signal`
/// fires (`ChannelClosedWhileWaiting`), or when the caller is cancelled (`CancellationError`).
///
/// postgres-nio 1.33.2 never answers a query sent on a connection the server has closed, and
/// cancellation does not free it; a caller that must go on cannot wait for it, and a caller
/// that is shutting down must not wait out the deadline either. An abandoned operation is
/// cancelled and `onAbandon` runs, e.g. to close the connection it was stuck on.
public func withDeadline<T: Sendable>(
    _ limit: Duration?, abandoningWhen signal: AbandonSignal? = nil,
    onAbandon: @escaping @Sendable () async -> Void = {},
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let wait = AbandonableWait<T>(onAbandon: onAbandon)
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            wait.start(continuation, limit: limit, operation: operation)
            signal?.register { wait.giveUp(ChannelClosedWhileWaiting()) }
            if Task.isCancelled { wait.giveUp(CancellationError()) }
        }
    } onCancel: {
        wait.giveUp(CancellationError())
    }
}

/// One `withDeadline` call: the operation's task, its timer, and whichever outcome came first.
private final class AbandonableWait<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var work: Task<Void, Never>?
        var timer: Task<Void, Never>?
        /// Set by a give-up that came before `start`: the caller is resumed as soon as it waits.
        var earlyError: (any Error)?
    }
    private let state = Mutex(State())
    private let onAbandon: @Sendable () async -> Void

    init(onAbandon: @escaping @Sendable () async -> Void) {
        self.onAbandon = onAbandon
    }

    func start(_ continuation: CheckedContinuation<T, any Error>, limit: Duration?,
               operation: @escaping @Sendable () async throws -> T) {
        let early = state.withLock { state -> (any Error)? in
            if let error = state.earlyError { return error }
            state.continuation = continuation
            return nil
        }
        if let early {
            continuation.resume(throwing: early)
            return
        }
        let timer = limit.map { limit in
            Task {
                do { try await Task.sleep(for: limit) } catch { return }  // the answer came first
                self.giveUp(DeadlineExceeded(limit: limit))
            }
        }
        let work = Task {
            let result: Result<T, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            self.finish(with: result)
        }
        state.withLock {
            $0.timer = timer
            $0.work = work
        }
    }

    /// Resumes the caller with `error` unless the operation answered first, then abandons it.
    func giveUp(_ error: any Error) {
        let taken = state.withLock { state -> (CheckedContinuation<T, any Error>, Task<Void, Never>?, Task<Void, Never>?)? in
            guard let continuation = state.continuation else {
                if state.work == nil { state.earlyError = state.earlyError ?? error }
                return nil
            }
            state.continuation = nil
            return (continuation, state.work, state.timer)
        }
        guard let (continuation, work, timer) = taken else { return }
        continuation.resume(throwing: error)
        timer?.cancel()
        work?.cancel()
        let onAbandon = self.onAbandon
        Task { await onAbandon() }
    }

    private func finish(with result: Result<T, any Error>) {
        let taken = state.withLock { state -> (CheckedContinuation<T, any Error>, Task<Void, Never>?)? in
            guard let continuation = state.continuation else { return nil }
            state.continuation = nil
            return (continuation, state.timer)
        }
        guard let (continuation, timer) = taken else { return }
        continuation.resume(with: result)
        timer?.cancel()
    }
}
