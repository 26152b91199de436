import Logging
import Messaging
import Metrics

/// Carrying out the state machine's outage actions: pause, wait while polling, resume.
extension InboxConsumer {
    /// Pauses the partitions (first time only), counts the retry, and waits `delay` while
    /// polling. False when the consumer is stopping: the work in hand is then left unacknowledged.
    func waitOutOutage(
        _ failure: InboxFailure, error: any Error, delay: Duration, pause: Bool, consumer: KafkaConsumer
    ) async -> Bool {
        let cause = if case .transient(let cause) = failure { cause.rawValue } else { "unknown" }
        Counter(label: "inbox_transient_retries_total", dimensions: [("group", group), ("cause", cause)]).increment()
        if pause {
            guard !consumer.isStopping else { return false }
            logger.warning("database unavailable; partitions paused until it is back",
                           metadata: ["kafka.group": "\(group)", "error": "\(String(reflecting: error))"])
            await pausePartitions(consumer)
        } else {
            logger.debug("database still unavailable; retrying", metadata: ["error": "\(error)", "delay": "\(delay)"])
        }
        return await wait(delay, consumer: consumer, serving: true)
    }

    /// Resumes paused partitions. False when the consumer is stopping.
    func resumePartitions(_ consumer: KafkaConsumer) async -> Bool {
        do {
            try await consumer.resume()
        } catch {
            if consumer.isStopping { return false }
            logger.error("could not resume partitions", metadata: ["error": "\(error)"])
        }
        recordPaused(0)
        logger.info("database available again; partitions resumed", metadata: ["kafka.group": "\(group)"])
        return true
    }

    /// Waits `delay`. While `serving`, the consumer is polled meanwhile (partitions are paused),
    /// in slices short enough to notice a stop within 100 ms. False when the consumer is stopping.
    func wait(_ delay: Duration, consumer: KafkaConsumer, serving: Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + delay
        while !consumer.isStopping && !Task.isCancelled {
            let left = clock.now.duration(to: deadline)
            guard left > .zero else { return true }
            if serving {
                await consumer.serve(for: min(left, .milliseconds(100)))
                recordPaused(consumer.pausedPartitionCount)
            } else {
                try? await Task.sleep(for: min(left, .milliseconds(100)))
            }
        }
        return false
    }

    private enum AttemptStep<T: Sendable>: Sendable {
        case finished(T)
        case overran
        case stopping
        /// The connection watch ended (the attempt finished, or its connection closed and it was abandoned).
        case watched
    }

    /// Runs one attempt while keeping the group served. During an outage postgres-nio's pool
    /// holds a lease until a connection can be made (or its circuit breaker trips, after 60 s),
    /// and the group must not wait that long for this member: once the attempt has run for
    /// `pauseSlowAttemptsAfter` (or at once, when already paused) the partitions are paused and
    /// the consumer is polled until the attempt ends. If the consumer stops meanwhile, the
    /// attempt is cancelled (a waiting lease gives up) and its error reported.
    ///
    /// A slow attempt is also watched (`TransactionWatch`): if the connection its transaction runs
    /// on has closed, postgres-nio may never answer the statement it wrote, so the attempt is
    /// abandoned with `ChannelClosedWhileWaiting` (transient: retried on a new connection).
    func attempt<T: Sendable>(
        _ machine: inout InboxRetryStateMachine, consumer: KafkaConsumer, _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let overrun = configuration.pauseSlowAttemptsAfter
        let watch = TransactionWatch()
        return try await withThrowingTaskGroup(of: AttemptStep<T>.self) { tasks in
            tasks.addTask {
                .finished(try await withDeadline(nil, abandoningWhen: watch.signal) {
                    try await TransactionWatch.$current.withValue(watch) { try await body() }
                })
            }
            if machine.isPaused {
                tasks.addTask { await Self.serve(consumer) }
                tasks.addTask { await Self.watchConnection(watch) }
            } else {
                tasks.addTask {
                    try? await Task.sleep(for: overrun)
                    return .overran
                }
            }
            while let step = try await tasks.next() {
                switch step {
                case .finished(let result):
                    tasks.cancelAll()
                    return result
                case .overran:
                    guard !Task.isCancelled, !consumer.isStopping, machine.attemptOverran() else { continue }
                    logger.warning("database call still running; partitions paused until it ends",
                                   metadata: ["kafka.group": "\(group)", "after": "\(overrun)"])
                    await pausePartitions(consumer)
                    tasks.addTask { await Self.serve(consumer) }
                    tasks.addTask { await Self.watchConnection(watch) }
                case .stopping:
                    tasks.cancelAll()  // give up waiting for a connection
                case .watched:
                    continue
                }
            }
            throw CancellationError()
        }
    }

    /// Polls the (paused) consumer until cancelled or stopped.
    private static func serve<T>(_ consumer: KafkaConsumer) async -> AttemptStep<T> {
        while !Task.isCancelled && !consumer.isStopping {
            await consumer.serve(for: .milliseconds(100))
        }
        return .stopping
    }

    /// Abandons the attempt once the connection of its transaction has closed; checked every 100 ms.
    private static func watchConnection<T>(_ watch: TransactionWatch) async -> AttemptStep<T> {
        while !Task.isCancelled, !watch.fireIfConnectionClosed() {
            try? await Task.sleep(for: .milliseconds(100))
        }
        return .watched
    }

    private func pausePartitions(_ consumer: KafkaConsumer) async {
        do {
            recordPaused(try await consumer.pause())
        } catch {
            // Not paused, but still polled while waiting: what arrives is withheld, not lost.
            logger.error("could not pause partitions", metadata: ["error": "\(error)"])
        }
    }

    func recordPaused(_ count: Int) {
        Gauge(label: "inbox_paused_partitions", dimensions: [("group", group)]).record(count)
    }
}
