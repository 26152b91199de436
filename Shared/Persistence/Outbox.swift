import Contracts
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Writes events into the outbox inside the caller's transaction, so the state
/// change and its events commit — or roll back — together.
///
/// Ordering: command handlers lock the aggregate they change (`SELECT … FOR UPDATE`
/// or an `UPDATE`), so two transactions on one aggregate insert their outbox rows
/// in commit order, and the relay publishes them in that order.
public enum Outbox {
    /// Appends a typed domain event to the outbox of the current transaction.
    @discardableResult
    public static func append<E: DomainEvent>(
        _ event: E, source: String, causationID: UUID? = nil, id: UUID = UUID(), time: Date = Date(),
        on connection: PostgresConnection, logger: Logger
    ) async throws -> CloudEvent {
        let envelope = try CloudEvent.wrap(event, source: source, id: id, time: time, causationID: causationID)
        try await append([(E.eventType.topic, envelope)], on: connection, logger: logger)
        return envelope
    }

    /// Appends already-wrapped events, in order, with multi-row inserts.
    public static func append(
        _ events: [(topic: String, event: CloudEvent)], on connection: PostgresConnection, logger: Logger
    ) async throws {
        // 11 binds per row; PostgreSQL allows 65,535 per statement.
        for chunk in stride(from: 0, to: events.count, by: 1_000).map({ events[$0..<min($0 + 1_000, events.count)] }) {
            var query = PostgresQuery(unsafeSQL: "")
            var sql = """
                INSERT INTO outbox (id, topic, message_key, source, event_type, event_time, subject, dataschema,
                                    content_type, extensions, payload) VALUES
                """
            var bindings = PostgresBindings(capacity: chunk.count * 11)
            for (index, item) in chunk.enumerated() {
                let base = index * 11
                sql += index == 0 ? " " : ", "
                sql += "(" + (1...11).map { n in n == 10 ? "$\(base + n)::jsonb" : "$\(base + n)" }.joined(separator: ", ") + ")"
                let event = item.event
                bindings.append(event.id)
                bindings.append(item.topic)
                bindings.append(event.key)
                bindings.append(event.source)
                bindings.append(event.type)
                bindings.append(event.time)
                bindings.append(event.subject)
                bindings.append(event.dataschema)
                bindings.append(event.datacontenttype)
                bindings.append(event.extensions.isEmpty ? "{}" : try String(decoding: EventJSON.encoder.encode(event.extensions), as: UTF8.self))
                bindings.append(ByteBuffer(bytes: event.data))
            }
            query = PostgresQuery(unsafeSQL: sql, binds: bindings)
            try await connection.query(query, logger: logger)
        }
    }
}
