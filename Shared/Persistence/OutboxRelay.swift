import Contracts
import Foundation
import Logging
import Messaging
import Metrics
import NIOCore
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Publishes committed outbox rows to Kafka with the idempotent producer: no row is
/// skipped, and the events of one key leave in commit order.
///
/// - What to publish comes from `OutboxCursor`: rounds of rows whose transactions had
///   finished at a snapshot, in position order. The cursor is one row, moved after the
///   delivery reports; a crash before it moves sends those rows again (inboxes drop them).
/// - Batches are pipelined: up to `pipelineDepth` are in flight while the oldest is settled,
///   and the cursor moves only through the highest contiguous delivered position.
/// - What to do with failures is `OutboxRelayPolicy`'s decision: a broker outage is retried
///   with backoff from the first undelivered row; a row the broker refuses `maxAttempts`
///   times goes to `outbox_quarantine`, and later rows of its key are held there behind it
///   while every other key keeps flowing.
/// - It works on a session of its own, not a pooled one: any database error closes that
///   connection, which drops the advisory lock, and after a jittered backoff both are taken
///   again (`health` says `failing` meanwhile). Its recovery therefore never waits on the pool.
/// - It wakes in-process after each commit (`OutboxWakeup`) and polls every `poll` for rows
///   written by other processes.
/// - One relay per database is active: it holds a session advisory lock; a second replica
///   waits in standby until the lock is free.
public final class OutboxRelay: Service, Sendable {
    public struct Configuration: Sendable {
        public var batchSize = 1_000
        /// Batches produced ahead of the one being settled.
        public var pipelineDepth = 4
        /// How often the relay looks for rows committed by other processes.
        public var poll: Duration = .milliseconds(100)
        /// How often a standby replica retries the lock.
        public var standbyRetry: Duration = .seconds(2)
        /// How long published rows are kept for audit and replay before pruning.
        public var retention: Duration = .seconds(7 * 24 * 3600)
        public var lockKey: Int64 = 0x63_69_76_69_6c_6f_75_74  // "civilout"
        /// Refusals of one row by the broker before it is quarantined.
        public var maxAttempts = 5
        /// Between retries of an undelivered row.
        public var retryBackoff = Backoff(initial: .milliseconds(200), maximum: .seconds(10))
        /// Between attempts to get a database session back.
        /// Capped low: a database back from a restart should be used within seconds.
        public var reconnectBackoff = Backoff(initial: .milliseconds(250), maximum: .seconds(2))
        /// How often the lag gauges are refreshed and release requests are looked for.
        public var statusInterval: Duration = .seconds(2)
        /// A statement of the relay that has not answered by then counts as a lost session.
        public var statementDeadline: Duration = .seconds(120)
        /// After a graceful shutdown begins, how long in-flight work may take before it is cancelled.
        public var shutdownGrace: Duration = .seconds(8)
        public init() {}
    }

    public enum RelayError: Error, Equatable {
        case anotherRelayIsActive
    }

    public let health = OutboxRelayHealth()
    private let database: DatabaseConfiguration
    private let client: PostgresClient
    private let producer: KafkaProducer
    private let configuration: Configuration
    private let hooks: any OutboxRelayHooks
    private let logger: Logger
    private let name: String
    private let stopping = Atomic<Bool>(false)

    /// `database` is where the relay opens its own session; `client` serves status reads.
    public init(
        name: String, database: DatabaseConfiguration, client: PostgresClient, producer: KafkaProducer,
        configuration: Configuration = .init(), hooks: any OutboxRelayHooks = NoOutboxRelayHooks(), logger: Logger
    ) {
        self.name = name
        self.database = database
        self.client = client
        self.producer = producer
        self.configuration = configuration
        self.hooks = hooks
        self.logger = logger
    }

    private var shouldStop: Bool { stopping.load(ordering: .acquiring) || Task.isCancelled }

    public func run() async throws {
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let registration = OutboxWakeup.register(wake)
        defer { OutboxWakeup.unregister(registration) }
        // The loop runs in its own task so a shutdown that outlasts `shutdownGrace` can cancel it:
        // a lease or a query against a database that went away must never hold the process.
        let work = Task { await self.loop(wakeups: wakeups, wake: wake) }
        let grace = configuration.shutdownGrace
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await work.value
            } onGracefulShutdown: {
                self.stopping.store(true, ordering: .releasing)
                wake.yield()
                Task {
                    try? await Task.sleep(for: grace)
                    work.cancel()
                }
            }
        } onCancel: {
            work.cancel()
        }
        wake.finish()
        health.set(.stopped)
        Gauge(label: "outbox_relay_active", dimensions: [("relay", name)]).record(0)
    }

    /// Takes a session, publishes until stopped, and on any failure drops the session and
    /// takes a new one after a backoff.
    private func loop(wakeups: AsyncStream<Void>, wake: AsyncStream<Void>.Continuation) async {
        var reconnect = configuration.reconnectBackoff
        while !shouldStop {
            do {
                try await withSession { connection in
                    try await self.runActive(on: connection, wakeups: wakeups, wake: wake, reconnect: &reconnect)
                }
            } catch {
                if shouldStop { break }
                health.failed(String(reflecting: error))
                Gauge(label: "outbox_relay_active", dimensions: [("relay", name)]).record(0)
                Counter(label: "outbox_relay_reconnects_total", dimensions: [("relay", name)]).increment()
                let delay = reconnect.next(jitter: .random(in: 0.5...1))
                logger.error("outbox relay lost its database session; reconnecting",
                             metadata: ["error": "\(String(reflecting: error))", "relay": "\(name)", "retry.in": "\(delay)"])
                try? await Task.sleep(for: delay)
            }
        }
    }

    /// Holds the advisory lock (waiting in standby while another replica has it) and
    /// publishes whenever woken, until shutdown.
    private func runActive(
        on connection: RelaySession, wakeups: AsyncStream<Void>, wake: AsyncStream<Void>.Continuation,
        reconnect: inout Backoff
    ) async throws {
        while !shouldStop {
            if try await tryLock(on: connection) { break }
            health.set(.standby)
            logger.debug("outbox relay in standby: another replica holds the lock", metadata: ["relay": "\(name)"])
            try await Task.sleep(for: configuration.standbyRetry)
        }
        guard !shouldStop else { return }
        var policy = OutboxRelayPolicy(
            maxAttempts: configuration.maxAttempts, quarantinedKeys: try await quarantinedKeys(on: connection))
        var cursor = try await OutboxCursor.load(on: connection)
        health.set(.active)
        reconnect.reset()
        logger.info("outbox relay active", metadata: ["relay": "\(name)"])
        Gauge(label: "outbox_relay_active", dimensions: [("relay", name)]).record(1)

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [configuration] in
                while !Task.isCancelled {
                    try await Task.sleep(for: configuration.poll)
                    wake.yield()
                }
            }
            wake.yield()
            var retry = configuration.retryBackoff
            var lastStatus = ContinuousClock.now - configuration.statusInterval
            var lastPrune = ContinuousClock.now
            for await _ in wakeups {
                if shouldStop { break }
                if ContinuousClock.now - lastStatus >= configuration.statusInterval {
                    try await releaseRequested(on: connection, policy: &policy)
                    try await recordStatus(on: connection)
                    lastStatus = .now
                }
                switch try await drain(on: connection, cursor: &cursor, policy: &policy, maxBatches: nil) {
                case .caughtUp:
                    retry.reset()
                case .stoppedAt(let reason):
                    let delay = retry.next(jitter: .random(in: 0.5...1))
                    logger.warning("outbox delivery failed; retrying from the first undelivered row",
                                   metadata: ["error": "\(reason)", "relay": "\(name)", "retry.in": "\(delay)"])
                    try await Task.sleep(for: delay)
                    wake.yield()
                }
                if ContinuousClock.now - lastPrune > .seconds(600) {
                    try await prune(on: connection)
                    lastPrune = .now
                }
            }
            group.cancelAll()
            try await connection.query("SELECT pg_advisory_unlock(\(configuration.lockKey))")
        }
    }

    /// Opens the relay's own connection for `body` and always closes it afterwards.
    private func withSession<T>(_ body: (RelaySession) async throws -> T) async throws -> T {
        let connection = try await PostgresConnection.connect(
            configuration: database.connectionConfiguration, id: 0x6f7574, logger: logger)
        do {
            let session = RelaySession(connection: connection, logger: logger, deadline: configuration.statementDeadline)
            // The relay's statements are short and repeated: planning them with JIT cost more than
            // running them (measured: a 30,000-row backlog drained at 36,000 events/s with JIT, 52,000 without).
            try await session.query("SET jit = off")
            let result = try await body(session)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private func tryLock(on connection: RelaySession) async throws -> Bool {
        let rows = try await connection.query("SELECT pg_try_advisory_lock(\(configuration.lockKey))")
        for try await locked in rows.decode(Bool.self) { return locked }
        return false
    }

    /// Publishes at most one batch. For tools and tests; the service uses `run()`.
    /// Throws `anotherRelayIsActive` when a running relay holds the lock.
    @discardableResult
    public func publishOnce() async throws -> (published: Int, failed: Int) {
        try await withSession { connection in
            guard try await self.tryLock(on: connection) else { throw RelayError.anotherRelayIsActive }
            do {
                var policy = OutboxRelayPolicy(
                    maxAttempts: self.configuration.maxAttempts, quarantinedKeys: try await self.quarantinedKeys(on: connection))
                var cursor = try await OutboxCursor.load(on: connection)
                let published = self.publishedCounter.value
                let failed = self.failedCounter.value
                _ = try await self.drain(on: connection, cursor: &cursor, policy: &policy, maxBatches: 1)
                try await connection.query("SELECT pg_advisory_unlock(\(self.configuration.lockKey))")
                return (self.publishedCounter.value - published, self.failedCounter.value - failed)
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(self.configuration.lockKey))")
                throw error
            }
        }
    }

    /// Publishes everything pending now, pipelined as `run()` does, on one session, and returns
    /// when caught up or stopped at an undelivered row. For tools and benchmarks (a roster's
    /// million events); a service uses `run()`.
    @discardableResult
    public func publishPending() async throws -> (published: Int, failed: Int) {
        try await withSession { connection in
            guard try await self.tryLock(on: connection) else { throw RelayError.anotherRelayIsActive }
            var policy = OutboxRelayPolicy(
                maxAttempts: self.configuration.maxAttempts, quarantinedKeys: try await self.quarantinedKeys(on: connection))
            var cursor = try await OutboxCursor.load(on: connection)
            let published = self.publishedCounter.value
            let failed = self.failedCounter.value
            _ = try await self.drain(on: connection, cursor: &cursor, policy: &policy, maxBatches: nil)
            try await connection.query("SELECT pg_advisory_unlock(\(self.configuration.lockKey))")
            return (self.publishedCounter.value - published, self.failedCounter.value - failed)
        }
    }

    enum DrainResult: Equatable {
        case caughtUp
        case stoppedAt(reason: String)
    }

    /// A batch produced and not yet settled.
    private struct InFlight {
        var rows: [OutboxRow]
        /// Per row: nil when produced (its outcome comes from `deliveries`); else withheld or already delivered.
        var prefilled: [OutboxRelayPolicy.Outcome?]
        var deliveries: PendingDeliveries
    }

    /// Publishes every pending round, pipelined, until caught up, stopped at an undelivered
    /// row, or `maxBatches` are settled. Database errors propagate: the caller drops the session.
    private func drain(
        on connection: RelaySession, cursor: inout OutboxCursor, policy: inout OutboxRelayPolicy, maxBatches: Int?
    ) async throws -> DrainResult {
        var settledBatches = 0
        while true {
            let (round, positions) = try await cursor.nextRound(on: connection)
            guard let last = positions.last else { return .caughtUp }
            var next = positions.startIndex
            var inFlight: [InFlight] = []
            var blockedKeys = Set<String>()
            let depth = maxBatches == nil ? max(1, configuration.pipelineDepth) : 1
            while next < positions.endIndex || !inFlight.isEmpty {
                while inFlight.count < depth, next < positions.endIndex, !shouldStop {
                    let slice = positions[next..<min(next + configuration.batchSize, positions.endIndex)]
                    next = slice.endIndex
                    inFlight.append(try await produce(slice, on: connection, policy: policy, blockedKeys: &blockedKeys))
                }
                guard !inFlight.isEmpty else { return .caughtUp }  // stopping
                let head = inFlight.removeFirst()
                let outcomes = await settleOutcomes(of: head)
                try hooks.deliveryReportsReceived()
                let settlement = policy.settle(head.rows.map { ($0.position, $0.key) }, outcomes: outcomes)
                if let through = settlement.passedThrough {
                    let finished = through == last
                    try await OutboxCursor.advance(
                        round: round, through: through, roundFinished: finished, quarantine: settlement.quarantine,
                        on: connection)
                    cursor = finished
                        ? OutboxCursor(published: round, round: nil, roundPosition: 0)
                        : OutboxCursor(published: cursor.published, round: round, roundPosition: through)
                    let published = head.rows.indices.filter { head.rows[$0].position <= through && outcomes[$0] == .delivered }.count
                    publishedCounter.add(published)
                    Counter(label: "outbox_published_total", dimensions: [("relay", name)]).increment(by: published)
                    recordQuarantine(settlement.quarantine)
                }
                settledBatches += 1
                if let from = settlement.retryFrom {
                    let failed = outcomes.filter { if case .delivered = $0 { false } else { true } }.count
                    failedCounter.add(failed)
                    Counter(label: "outbox_delivery_failures_total", dimensions: [("relay", name)]).increment(by: failed)
                    // Later batches were produced: what they delivered is not sent again on retry.
                    for rest in inFlight {
                        let outcomes = await settleOutcomes(of: rest)
                        policy.noteDelivered(rest.rows.indices.filter { outcomes[$0] == .delivered }.map { rest.rows[$0].position })
                    }
                    return .stoppedAt(reason: "\(settlement.retryReason ?? "undelivered") (position \(from))")
                }
                if let maxBatches, settledBatches >= maxBatches {
                    for rest in inFlight { _ = await rest.deliveries.outcomes() }
                    return .caughtUp
                }
            }
            if shouldStop { return .caughtUp }
        }
    }

    /// Reads a batch and produces it, withholding rows of keys that are quarantined or
    /// blocked behind a row librdkafka refused at once in this pass.
    private func produce(
        _ positions: ArraySlice<Int64>, on connection: RelaySession, policy: OutboxRelayPolicy,
        blockedKeys: inout Set<String>
    ) async throws -> InFlight {
        let rows = try await OutboxRow.fetch(positions, on: connection)
        var prefilled = [OutboxRelayPolicy.Outcome?](repeating: nil, count: rows.count)
        var messages: [OutgoingMessage] = []
        var produced: [Int] = []
        messages.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            if blockedKeys.contains(row.key) || !policy.mayProduce(key: row.key) {
                prefilled[index] = .withheld
            } else if policy.wasDelivered(row.position) {
                prefilled[index] = .delivered
            } else {
                messages.append(row.message)
                produced.append(index)
            }
        }
        let deliveries = producer.enqueue(batch: messages, holdingKeysAfterRefusal: true)
        for failed in deliveries.failedAtOnce { blockedKeys.insert(rows[produced[failed]].key) }
        return InFlight(rows: rows, prefilled: prefilled, deliveries: deliveries)
    }

    /// Waits for a batch's delivery reports and says what became of each row.
    private func settleOutcomes(of batch: InFlight) async -> [OutboxRelayPolicy.Outcome] {
        let results = await batch.deliveries.outcomes()
        var next = results.makeIterator()
        return batch.prefilled.map { prefilled in
            if let prefilled { return prefilled }
            switch next.next() {
            case .success?: return .delivered
            case .failure(let error)? where error == .withheld: return .withheld
            case .failure(let error)?: return error.refusesMessage ? .refused(reason: "\(error)") : .failedTransiently(reason: "\(error)")
            case nil: return .failedTransiently(reason: "no delivery report")
            }
        }
    }

    private func recordQuarantine(_ entries: [OutboxRelayPolicy.QuarantineEntry]) {
        guard !entries.isEmpty else { return }
        Counter(label: "outbox_quarantined_total", dimensions: [("relay", name)]).increment(by: entries.count)
        for entry in entries where entry.heldBehind == nil {
            logger.error("outbox row quarantined: the broker refused it; later rows of its key are held behind it",
                         metadata: ["relay": "\(name)", "outbox.position": "\(entry.position)", "kafka.key": "\(entry.key)",
                                    "attempts": "\(entry.attempts)", "error": "\(entry.reason)"])
        }
    }

    /// Keys with quarantined rows, and the first quarantined position of each.
    private func quarantinedKeys(on connection: RelaySession) async throws -> [String: Int64] {
        let rows = try await connection.query(
            "SELECT message_key, min(position) FROM outbox_quarantine GROUP BY message_key")
        var keys: [String: Int64] = [:]
        for try await (key, position) in rows.decode((String, Int64).self) { keys[key] = position }
        return keys
    }

    /// Publishes the quarantined rows of every key an operator asked to retry
    /// (`UPDATE outbox_quarantine SET retry_requested_at = now() WHERE message_key = …`), in
    /// position order. A key whose rows are all delivered leaves quarantine; otherwise its
    /// request is cleared and its attempts counted.
    private func releaseRequested(on connection: RelaySession, policy: inout OutboxRelayPolicy) async throws {
        let rows = try await connection.query("""
            SELECT message_key, array_agg(position ORDER BY position) FROM outbox_quarantine
            WHERE message_key IN (SELECT message_key FROM outbox_quarantine WHERE retry_requested_at IS NOT NULL)
            GROUP BY message_key
            """)
        var requests: [(String, [Int64])] = []
        for try await request in rows.decode((String, [Int64]).self) { requests.append(request) }
        for (key, positions) in requests {
            let outboxRows = try await OutboxRow.fetch(positions[...], on: connection)
            let results = await producer.send(batch: outboxRows.map(\.message))
            let failures = results.compactMap { if case .failure(let error) = $0 { error } else { nil } }
            if failures.isEmpty {
                try await connection.query(
                    "DELETE FROM outbox_quarantine WHERE position = ANY(\(positions)::bigint[])")
                policy.released(key: key)
                logger.notice("quarantined outbox rows released and published",
                              metadata: ["relay": "\(name)", "kafka.key": "\(key)", "rows": "\(positions.count)"])
            } else {
                try await connection.query("""
                    UPDATE outbox_quarantine SET retry_requested_at = NULL, attempts = attempts + 1, reason = \("\(failures[0])")
                    WHERE message_key = \(key)
                    """)
                logger.error("release of quarantined outbox rows failed; they stay quarantined",
                             metadata: ["relay": "\(name)", "kafka.key": "\(key)", "error": "\(failures[0])"])
            }
        }
    }

    /// Refreshes the lag gauges: rows waiting, the age of the oldest, rows in quarantine.
    private func recordStatus(on connection: RelaySession) async throws {
        let status = try await Self.status(query: { try await connection.query($0) })
        Gauge(label: "outbox_pending_rows", dimensions: [("relay", name)]).record(status.pending)
        Gauge(label: "outbox_lag_seconds", dimensions: [("relay", name)]).record(status.oldestPendingAge)
        Gauge(label: "outbox_quarantined_rows", dimensions: [("relay", name)]).record(status.quarantined)
    }

    public struct Status: Sendable, Equatable {
        public var pending: Int
        /// Seconds since the oldest unpublished row was written; 0 when none waits.
        public var oldestPendingAge: Double
        public var quarantined: Int
    }

    /// The outbox's publication status, read with any connection of the database
    /// (readiness reads it from the pool, so a standby replica can answer too).
    public static func status(client: PostgresClient, logger: Logger) async throws -> Status {
        try await status(query: { try await client.query($0, logger: logger) })
    }

    private static func status(query: (PostgresQuery) async throws -> PostgresRowSequence) async throws -> Status {
        let rows = try await query("""
            SELECT (SELECT count(*) FROM outbox_pending)::bigint,
                   (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox_pending)::float8,
                   (SELECT count(*) FROM outbox_quarantine)::bigint
            """)
        for try await (pending, age, quarantined) in rows.decode((Int, Double, Int).self) {
            return Status(pending: pending, oldestPendingAge: max(0, age), quarantined: quarantined)
        }
        return Status(pending: 0, oldestPendingAge: 0, quarantined: 0)
    }

    private func prune(on connection: RelaySession) async throws {
        let seconds = Int64(configuration.retention.components.seconds)
        try await connection.query("""
            DELETE FROM outbox o USING outbox_cursor c
            WHERE o.xid < pg_snapshot_xmin(c.published)
              AND o.created_at < now() - make_interval(secs => \(seconds))
              AND NOT EXISTS (SELECT 1 FROM outbox_quarantine q WHERE q.position = o.position)
            """)
    }

    /// The number of rows not yet published.
    public func backlog() async throws -> Int {
        try await Self.status(client: client, logger: logger).pending
    }

    private let publishedCounter = RelayCount()
    private let failedCounter = RelayCount()
}

/// A running total the relay keeps for `publishOnce`'s answer.
private final class RelayCount: Sendable {
    private let total = Atomic<Int>(0)
    func add(_ count: Int) { total.add(count, ordering: .relaxed) }
    var value: Int { total.load(ordering: .relaxed) }
}
