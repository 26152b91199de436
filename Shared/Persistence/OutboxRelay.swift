import Contracts
import Foundation
import Logging
import Messaging
import Metrics
import NIOCore
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Publishes committed outbox rows to Kafka, in outbox order, with the idempotent producer.
///
/// - It claims unpublished rows with `FOR UPDATE` in position order inside one
///   transaction, produces them, waits for every delivery report, and marks only
///   the delivered rows before committing. A crash before the commit leaves the
///   rows unpublished; they are sent again (consumers' inboxes drop the duplicates).
/// - There is no cursor, so a row whose transaction commits after a higher
///   position is never skipped: it is simply unpublished at the next claim.
/// - It wakes on `NOTIFY civil_outbox` (sent by a trigger at commit), with a slow
///   poll as a fallback because notifications to a disconnected listener are lost.
/// - One relay per database is active: it holds a session advisory lock on its
///   own connection; a second replica waits in standby until the lock is free.
public final class OutboxRelay: Service, Sendable {
    public struct Configuration: Sendable {
        public var batchSize = 1_000
        /// Fallback poll interval if a notification was missed.
        public var fallbackPoll: Duration = .seconds(2)
        /// How often a standby replica retries the lock.
        public var standbyRetry: Duration = .seconds(2)
        /// How long published rows are kept for audit and replay before pruning.
        public var retention: Duration = .seconds(7 * 24 * 3600)
        public var lockKey: Int64 = 0x63_69_76_69_6c_6f_75_74  // "civilout"
        public init() {}
    }

    /// Test seam: runs between the delivery reports and the marking commit.
    public struct Faults: Sendable {
        public var afterPublishBeforeMark: (@Sendable () throws -> Void)?
        public init(afterPublishBeforeMark: (@Sendable () throws -> Void)? = nil) {
            self.afterPublishBeforeMark = afterPublishBeforeMark
        }
    }

    public enum RelayError: Error, Equatable {
        case anotherRelayIsActive
    }

    private let client: PostgresClient
    private let producer: KafkaProducer
    private let configuration: Configuration
    private let faults: Faults
    private let logger: Logger
    private let name: String
    private let stopping = Atomic<Bool>(false)
    /// Where the next claim starts while a backlog drains. Marked rows leave dead entries in the
    /// partial index until vacuum, and a claim that always scanned from the start would step over
    /// all of them: draining a million rows became quadratic. The claim starts at the first row it
    /// did not publish last time; once the backlog is drained it starts from 0 again, so a row
    /// that committed late with a lower position is published at the next wake (rows of one
    /// aggregate commit in position order — see `Outbox` — so no aggregate is reordered).
    private let scanFrom = Atomic<Int64>(0)

    public init(
        name: String, client: PostgresClient, producer: KafkaProducer, configuration: Configuration = .init(),
        faults: Faults = .init(), logger: Logger
    ) {
        self.name = name
        self.client = client
        self.producer = producer
        self.configuration = configuration
        self.faults = faults
        self.logger = logger
    }

    /// Graceful shutdown or task cancellation.
    private var shouldStop: Bool { stopping.load(ordering: .acquiring) || Task.isCancelled }

    public func run() async throws {
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await withGracefulShutdownHandler {
            var failures = 0
            while !shouldStop {
                do {
                    try await client.withConnection { connection in
                        try await self.runActive(on: connection, wakeups: wakeups, wake: wake)
                    }
                    failures = 0
                } catch {
                    if shouldStop { break }
                    failures += 1
                    logger.error("outbox relay failed; retrying", metadata: ["error": "\(error)", "relay": "\(name)"])
                    try? await Task.sleep(for: .milliseconds(min(30_000, 250 << min(failures, 7))))
                }
            }
        } onGracefulShutdown: {
            self.stopping.store(true, ordering: .releasing)
            wake.yield()
        }
        wake.finish()
        Gauge(label: "outbox_relay_active", dimensions: [("relay", name)]).record(0)
    }

    /// Holds the advisory lock (waiting in standby while another replica has it),
    /// listens for notifications and publishes until shutdown.
    private func runActive(
        on connection: PostgresConnection, wakeups: AsyncStream<Void>, wake: AsyncStream<Void>.Continuation
    ) async throws {
        while !shouldStop {
            let rows = try await connection.query("SELECT pg_try_advisory_lock(\(configuration.lockKey))", logger: logger)
            var acquired = false
            for try await locked in rows.decode(Bool.self) { acquired = locked }
            if acquired { break }
            logger.debug("outbox relay in standby: another replica holds the lock", metadata: ["relay": "\(name)"])
            try await Task.sleep(for: configuration.standbyRetry)
        }
        guard !shouldStop else { return }
        logger.info("outbox relay active", metadata: ["relay": "\(name)"])
        Gauge(label: "outbox_relay_active", dimensions: [("relay", name)]).record(1)
        defer { Gauge(label: "outbox_relay_active", dimensions: [("relay", name)]).record(0) }

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await connection.listen(on: "civil_outbox") { notifications in
                    for try await _ in notifications { wake.yield() }
                }
            }
            group.addTask { [configuration] in
                while !Task.isCancelled {
                    try await Task.sleep(for: configuration.fallbackPoll)
                    wake.yield()
                }
            }
            wake.yield()
            var lastPrune = ContinuousClock.now
            var backoff = Duration.zero
            for await _ in wakeups {
                if shouldStop { break }
                if backoff > .zero { try? await Task.sleep(for: backoff) }
                do {
                    while !shouldStop {
                        let batch = try await publishBatch(on: connection)
                        if batch.failed > 0 {
                            backoff = min(max(backoff * 2, .milliseconds(200)), .seconds(10))
                            break
                        }
                        backoff = .zero
                        if batch.published < configuration.batchSize { break }
                    }
                } catch let error as SimulatedCrash {
                    throw error
                } catch {
                    logger.warning("outbox publish failed", metadata: ["error": "\(error)", "relay": "\(name)"])
                    backoff = min(max(backoff * 2, .milliseconds(200)), .seconds(10))
                }
                if ContinuousClock.now - lastPrune > .seconds(600) {
                    try await prune(on: connection)
                    lastPrune = .now
                }
            }
            group.cancelAll()
            _ = try await connection.query("SELECT pg_advisory_unlock(\(configuration.lockKey))", logger: logger)
        }
    }

    /// Publishes at most one batch from a pooled connection. For tools and tests; the
    /// service uses `run()`. Throws `anotherRelayIsActive` when a running relay holds the lock.
    @discardableResult
    public func publishOnce() async throws -> (published: Int, failed: Int) {
        try await client.withConnection { connection in try await self.publishBatch(on: connection) }
    }

    private func publishBatch(on connection: PostgresConnection) async throws -> (published: Int, failed: Int) {
        try await connection.transaction(logger: logger) { tx in
            // Reentrant for the active relay's session; refuses any other session.
            let lockRows = try await tx.query("SELECT pg_try_advisory_xact_lock(\(configuration.lockKey))", logger: logger)
            var locked = false
            for try await value in lockRows.decode(Bool.self) { locked = value }
            guard locked else { throw RelayError.anotherRelayIsActive }

            let rows = try await tx.query("""
                SELECT position, id, topic, message_key, source, event_type, event_time, subject, dataschema,
                       content_type, extensions::text, payload
                FROM outbox WHERE published_at IS NULL AND position >= \(scanFrom.load(ordering: .relaxed))
                ORDER BY position LIMIT \(configuration.batchSize) FOR UPDATE
                """, logger: logger)
            var positions: [Int64] = []
            var keys: [String] = []
            var messages: [OutgoingMessage] = []
            for try await row in rows.decode(
                (Int64, UUID, String, String, String, String, Date, String?, String?, String, String, ByteBuffer).self
            ) {
                let (position, id, topic, key, source, type, time, subject, dataschema, contentType, extensionsJSON, payload) = row
                let extensions = extensionsJSON == "{}" ? [:]
                    : (try? EventJSON.decoder.decode([String: String].self, from: Data(extensionsJSON.utf8))) ?? [:]
                let event = CloudEvent(
                    id: id, source: source, type: type, time: time, subject: subject, dataschema: dataschema,
                    datacontenttype: contentType, key: key, data: Array(payload.readableBytesView), extensions: extensions)
                positions.append(position)
                keys.append(key)
                messages.append(OutgoingMessage(cloudEvent: event, topic: topic))
            }
            guard !messages.isEmpty else {
                scanFrom.store(0, ordering: .relaxed)
                return (0, 0)
            }

            let results = await producer.send(batch: messages)
            try faults.afterPublishBeforeMark?()

            // Mark delivered rows, except those behind a failed row of the same key:
            // they were sent, but must be sent again after it to keep the aggregate's order.
            var blockedKeys = Set<String>()
            var markPositions: [Int64] = []
            var markPartitions: [Int32] = []
            var markOffsets: [Int64] = []
            var failed = 0
            var firstUnmarked: Int64?
            for (index, result) in results.enumerated() {
                switch result {
                case .success(let report) where !blockedKeys.contains(keys[index]):
                    markPositions.append(positions[index])
                    markPartitions.append(report.partition)
                    markOffsets.append(report.offset)
                case .success:
                    failed += 1
                    firstUnmarked = firstUnmarked ?? positions[index]
                case .failure(let error):
                    failed += 1
                    firstUnmarked = firstUnmarked ?? positions[index]
                    blockedKeys.insert(keys[index])
                    if failed == 1 {
                        logger.warning("outbox delivery failed; will retry", metadata: ["error": "\(error)", "relay": "\(name)"])
                    }
                }
            }
            if !markPositions.isEmpty {
                try await tx.query("""
                    UPDATE outbox AS o SET published_at = now(), kafka_partition = u.part, kafka_offset = u.off
                    FROM unnest(\(markPositions)::bigint[], \(markPartitions)::int[], \(markOffsets)::bigint[]) AS u(pos, part, off)
                    WHERE o.position = u.pos
                    """, logger: logger)
            }
            // Still draining: continue after this batch (or at its first unpublished row); caught up:
            // the next claim scans from the start, for rows that committed late.
            let drained = messages.count < configuration.batchSize
            scanFrom.store(drained ? 0 : (firstUnmarked ?? (positions.last ?? 0) + 1), ordering: .relaxed)
            Counter(label: "outbox_published_total", dimensions: [("relay", name)]).increment(by: markPositions.count)
            if failed > 0 { Counter(label: "outbox_delivery_failures_total", dimensions: [("relay", name)]).increment(by: failed) }
            return (markPositions.count, failed)
        }
    }

    private func prune(on connection: PostgresConnection) async throws {
        let seconds = Int64(configuration.retention.components.seconds)
        try await connection.query("""
            DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - make_interval(secs => \(seconds))
            """, logger: logger)
    }

    /// The number of rows not yet published; exported as a gauge by the service runtime.
    public func backlog() async throws -> Int {
        let rows = try await client.query("SELECT count(*) FROM outbox WHERE published_at IS NULL", logger: logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}

/// Thrown by test fault hooks to make a component die as if its process were killed.
public struct SimulatedCrash: Error, Sendable, Equatable {
    public let point: String
    public init(_ point: String) { self.point = point }
}
