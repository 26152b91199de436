import Contracts
import Foundation
import Logging
import Messaging
import Persistence
import PostgresNIO
import ServiceLifecycle
import Synchronization
import Testing
import TestSupport

/// An event whose handler appends a row to `effects` with no uniqueness at all,
/// so any double application shows up as an extra row.
struct EffectRequested: DomainEvent {
    static let eventType = EventType(.registry, "test-effect-requested", version: 1)
    var aggregateID: String
    var sequence: Int
}

enum Pipeline {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "effects", statements: [
            "CREATE TABLE commands (id bigserial PRIMARY KEY, aggregate_id text NOT NULL, sequence int NOT NULL)",
            "CREATE TABLE effects (id bigserial PRIMARY KEY, event_id uuid NOT NULL, sequence int NOT NULL)",
        ])
    ]

    static func migrate(_ database: TestDatabase) async throws {
        try await Migrator(client: database.client, logger: TestKafka.logger).migrate([
            (PlatformMigrations.scope, PlatformMigrations.all), ("pipeline", migrations),
        ])
    }

    /// A command: the business row and its event in one transaction.
    static func command(_ database: TestDatabase, aggregate: String, sequence: Int) async throws {
        let logger = TestKafka.logger
        try await database.client.withTransaction(logger: logger) { connection in
            try await connection.query(
                "INSERT INTO commands (aggregate_id, sequence) VALUES (\(aggregate), \(sequence))", logger: logger)
            try await Outbox.append(EffectRequested(aggregateID: aggregate, sequence: sequence),
                                    source: "urn:civil:test", on: connection, logger: logger)
        }
    }

    static var handlers: EventHandlers {
        var handlers = EventHandlers()
        handlers.on(EffectRequested.self) { event, context in
            try await context.connection.query(
                "INSERT INTO effects (event_id, sequence) VALUES (\(context.event.id), \(event.sequence))",
                logger: context.logger)
        }
        return handlers
    }

    static func consumer(
        _ database: TestDatabase, kafka: TestKafka, producer: KafkaProducer, group: String = "pipeline",
        hooks: any InboxConsumerHooks = NoInboxConsumerHooks(), maxAttempts: Int = 5, handlers: EventHandlers? = nil
    ) -> InboxConsumer {
        var configuration = InboxConsumer.Configuration(
            kafka: kafka.consumerConfiguration(group: group, topics: [EffectRequested.eventType.topic]))
        configuration.maxAttempts = maxAttempts
        configuration.retryBackoff = .milliseconds(20)
        return InboxConsumer(configuration: configuration, client: database.client, deadLetterProducer: producer,
                             handlers: handlers ?? Self.handlers, hooks: hooks, logger: TestKafka.logger)
    }

    static func relay(
        _ database: TestDatabase, producer: KafkaProducer, hooks: any OutboxRelayHooks = NoOutboxRelayHooks(),
        configure: (inout OutboxRelay.Configuration) -> Void = { _ in }
    ) -> OutboxRelay {
        var configuration = OutboxRelay.Configuration()
        configuration.poll = .milliseconds(50)
        configuration.standbyRetry = .milliseconds(200)
        configuration.reconnectBackoff = Backoff(initial: .milliseconds(100), maximum: .seconds(1))
        configure(&configuration)
        return OutboxRelay(name: "test", database: database.configuration, client: database.client, producer: producer, configuration: configuration,
                           hooks: hooks, logger: TestKafka.logger)
    }

    /// How many effects were applied, and for how many distinct sequences: equal when none was
    /// applied twice (every event of these tests has a sequence of its own).
    static func effects(_ database: TestDatabase) async throws -> (total: Int, distinct: Int) {
        (try await count(database, "SELECT count(*) FROM effects"),
         try await count(database, "SELECT count(DISTINCT sequence) FROM effects"))
    }

    /// The single integer `sql` selects.
    static func count(_ database: TestDatabase, _ sql: String) async throws -> Int {
        let rows = try await database.client.query(PostgresQuery(unsafeSQL: sql), logger: TestKafka.logger)
        for try await value in rows.decode(Int.self) { return value }
        return 0
    }

    /// Runs services in a ServiceGroup for the duration of `body`, then shuts them down gracefully.
    static func running<T: Sendable>(_ services: [any Service], _ body: @Sendable () async throws -> T) async throws -> T {
        let group = ServiceGroup(configuration: .init(services: services, logger: TestKafka.logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let result: Result<T, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }
}

/// Counts the events an inbox consumer has handled (applied, found already applied, or
/// dead-lettered), so a test can wait for every delivery, duplicates included.
final class HandledEvents: InboxConsumerHooks {
    private let state = Mutex<(count: Int, last: ContinuousClock.Instant)>((0, .now))

    func handled(_ event: CloudEvent) {
        state.withLock { $0 = ($0.count + 1, .now) }
    }

    var count: Int { state.withLock { $0.count } }

    /// Waits until at least `count` events were handled and then none for `quiet`: a duplicate
    /// delivery comes right behind its original on the same partition, so by then it was handled.
    /// Returns how many were handled.
    func settled(atLeast count: Int, quiet: Duration = .seconds(1), timeout: Duration = .seconds(60)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let (handled, last) = state.withLock { $0 }
            if handled >= count, ContinuousClock.now - last >= quiet { return handled }
            try await Task.sleep(for: .milliseconds(50))
        }
        return self.count
    }
}
