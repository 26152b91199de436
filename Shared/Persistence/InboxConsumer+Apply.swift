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
        return try await client.transaction(logger: logger) { connection in
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
                // The previous handler's statements may have been the connection's last (see `transaction(logger:)`).
                guard !connection.isClosed else { throw ConnectionLost() }
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
        return try await client.transaction(logger: logger) { connection in
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
}
