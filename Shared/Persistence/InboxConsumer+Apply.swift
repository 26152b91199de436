import Contracts
import Foundation
import Messaging
import Logging
import PostgresNIO

/// The inbox's writes: the inbox rows and the handlers, in one transaction.
extension InboxConsumer {
    /// Inserts the batch's inbox rows and runs the handlers of the new events, in order,
    /// in one transaction. Returns the ids of the events applied now.
    func applyBatch(_ items: [Item]) async throws -> Set<UUID> {
        let logger = self.logger
        let group = self.group
        return try await inboxTransaction(logger: logger) { connection in
            let rows = try await connection.query("""
                INSERT INTO inbox (consumer_group, source, event_id, event_type, topic, kafka_partition, kafka_offset)
                SELECT \(group), * FROM unnest(\(items.map(\.event.source))::text[], \(items.map(\.event.id))::uuid[],
                    \(items.map(\.event.type))::text[], \(items.map(\.message.topic))::text[],
                    \(items.map(\.message.partition))::int[], \(items.map(\.message.offset))::bigint[])
                ON CONFLICT DO NOTHING RETURNING source, event_id
                """, logger: logger)
            var new = Set<String>()
            for try await (source, id) in rows.decode((String, UUID).self) { new.insert("\(source) \(id)") }
            var applied = Set<UUID>()
            for item in items where new.remove("\(item.event.source) \(item.event.id)") != nil {
                // The previous handler's statements may have been the connection's last (see inboxTransaction).
                guard !connection.isClosed else { throw InboxConnectionLost() }
                try await item.handler(EventContext(event: item.event, connection: connection, logger: logger))
                applied.insert(item.event.id)
            }
            return applied
        }
    }

    /// Runs the handler and the inbox insert in one transaction; false for a duplicate.
    func apply(_ event: CloudEvent, message: KafkaMessage, handler: EventHandlers.Handler) async throws -> Bool {
        let logger = self.logger
        let group = self.group
        return try await inboxTransaction(logger: logger) { connection in
            let rows = try await connection.query("""
                INSERT INTO inbox (consumer_group, source, event_id, event_type, topic, kafka_partition, kafka_offset)
                VALUES (\(group), \(event.source), \(event.id), \(event.type), \(message.topic),
                        \(message.partition), \(message.offset))
                ON CONFLICT DO NOTHING RETURNING 1
                """, logger: logger)
            var inserted = false
            for try await _ in rows { inserted = true }
            guard inserted else { return false }
            try await handler(EventContext(event: event, connection: connection, logger: logger))
            return true
        }
    }

    /// A transaction that never writes to a connection the server has already closed.
    ///
    /// postgres-nio 1.33.2 hangs forever on a query sent to a closed connection (the write's
    /// failure is dropped: `channel.write(task, promise: nil)`), and its `withTransaction` sends
    /// ROLLBACK or COMMIT whatever happened. A server that terminates the backend between two
    /// statements (a restart, `pg_terminate_backend`) would leave the inbox waiting for good.
    /// So the state is checked before BEGIN, COMMIT and ROLLBACK; a statement already in flight
    /// when the connection closes fails normally. (The window between the check and the write
    /// remains; the fix belongs in postgres-nio.)
    private func inboxTransaction<Result: Sendable>(
        logger: Logger, _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await client.withConnection { connection in
            guard !connection.isClosed else { throw InboxConnectionLost() }
            try await connection.query("BEGIN", logger: logger)
            let result: Result
            do {
                result = try await body(connection)
            } catch {
                if !connection.isClosed { try? await connection.query("ROLLBACK", logger: logger) }
                throw error
            }
            guard !connection.isClosed else { throw InboxConnectionLost() }
            try await connection.query("COMMIT", logger: logger)
            return result
        }
    }
}

/// The database closed the connection during an inbox transaction: nothing was committed.
struct InboxConnectionLost: Error, CustomStringConvertible {
    var description: String { "the database closed the connection during the transaction" }
}
