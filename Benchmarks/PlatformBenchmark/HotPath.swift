import Contracts
import EventTransport
import Foundation
import Logging
import Messaging
import NIOCore
import Persistence
import PostgresNIO
import TestSupport

/// The relay's per-batch read, timed outside the relay (`--only hotpath`): `OutboxRow.fetch`'s
/// statement and decoding replicated as they are, against a leaner variant that builds the
/// Kafka headers straight from the row (no CloudEvent round trip, no UUID/extension JSON
/// work, bytes copied once). Both produce the same headers; the check is printed.
enum HotPath {
    static let sql = """
        SELECT position, id, topic, message_key, source, event_type, event_time, subject, dataschema,
               content_type, extensions::text, payload
        FROM outbox WHERE position = ANY($1::bigint[]) ORDER BY position
        """

    static func run(logger: Logger) async throws {
        try await TestDatabase.with("benchhot", logger: logger) { database in
            try await Migrator(client: database.client, logger: logger).migrate([(PlatformMigrations.scope, PlatformMigrations.all)])
            let count = 10_000
            for first in stride(from: 0, to: count, by: 1_000) {
                try await database.client.transaction(logger: logger) { connection in
                    let events = try (first..<first + 1_000).map { (topic, try CloudEvent.wrap(event($0), source: source)) }
                    try await Outbox.append(events, on: connection, logger: logger)
                }
            }
            try await database.client.withConnection { connection in
                var positions: [Int64] = []
                for try await position in try await connection.query("SELECT position FROM outbox ORDER BY position", logger: logger).decode(Int64.self) {
                    positions.append(position)
                }
                func timed(_ body: ([Int64]) async throws -> [OutgoingMessage]) async throws -> (Double, [OutgoingMessage]) {
                    var best = Double.infinity
                    var last: [OutgoingMessage] = []
                    for _ in 0..<3 {
                        let start = ContinuousClock.now
                        for first in stride(from: 0, to: positions.count, by: 1_000) {
                            last = try await body(Array(positions[first..<first + 1_000]))
                        }
                        best = min(best, (ContinuousClock.now - start).milliseconds / Double(positions.count / 1_000))
                    }
                    return (best, last)
                }
                let (sqlOnly, _) = try await timed { batch in
                    var bindings = PostgresBindings(); bindings.append(batch)
                    var n = 0
                    for try await _ in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger) { n += 1 }
                    return []
                }
                let (current, currentMessages) = try await timed { batch in try await currentFetch(batch, connection) }
                let (lean, leanMessages) = try await timed { batch in try await leanFetch(batch, connection) }
                let same = zip(currentMessages, leanMessages).allSatisfy {
                    $0.headers == $1.headers && $0.key == $1.key && $0.value == $1.value && $0.topic == $1.topic
                } && currentMessages.count == leanMessages.count
                print("")
                print("Relay hot path: read 1000 outbox rows into messages (best of 3 passes over \(count) rows)")
                print(String(format: "  statement only (rows not decoded)                %6.2f ms / 1000 rows", sqlOnly))
                print(String(format: "  as OutboxRow.fetch: 12 columns -> CloudEvent -> OutgoingMessage   %6.2f ms / 1000 rows", current))
                print(String(format: "  lean: headers built from the row's columns                        %6.2f ms / 1000 rows   (same messages: %@)",
                             lean, same ? "yes" : "NO"))
            }
        }
    }

    static func currentFetch(_ positions: [Int64], _ connection: PostgresConnection) async throws -> [OutgoingMessage] {
        var bindings = PostgresBindings(); bindings.append(positions)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        var result: [OutgoingMessage] = []
        result.reserveCapacity(positions.count)
        for try await row in rows.decode(
            (Int64, UUID, String, String, String, String, Date, String?, String?, String, String, ByteBuffer).self
        ) {
            let (_, id, topic, key, source, type, time, subject, dataschema, contentType, extensionsJSON, payload) = row
            let extensions = extensionsJSON == "{}" ? [:]
                : (try? EventJSON.decoder.decode([String: String].self, from: Data(extensionsJSON.utf8))) ?? [:]
            let event = CloudEvent(
                id: id, source: source, type: type, time: time, subject: subject, dataschema: dataschema,
                datacontenttype: contentType, key: key, data: Array(payload.readableBytesView), extensions: extensions)
            result.append(OutgoingMessage(cloudEvent: event, topic: topic))
        }
        return result
    }

    /// `id::text` is PostgreSQL's lowercase form (what `uuidString.lowercased()` gives); text
    /// columns are taken as bytes; the time is formatted by the same `RFC3339.format`;
    /// extensions are parsed only when there are any.
    static func leanFetch(_ positions: [Int64], _ connection: PostgresConnection) async throws -> [OutgoingMessage] {
        var bindings = PostgresBindings(); bindings.append(positions)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT id::text, topic, message_key, source, event_type, event_time, subject, dataschema,
                   content_type, extensions::text, payload
            FROM outbox WHERE position = ANY($1::bigint[]) ORDER BY position
            """, binds: bindings), logger: logger)
        var result: [OutgoingMessage] = []
        result.reserveCapacity(positions.count)
        for try await row in rows.decode(
            (ByteBuffer, String, ByteBuffer, ByteBuffer, ByteBuffer, Date, ByteBuffer?, ByteBuffer?, ByteBuffer, String, ByteBuffer).self
        ) {
            let (id, topic, key, source, type, time, subject, dataschema, contentType, extensionsJSON, payload) = row
            var headers: [KafkaHeader] = []
            headers.reserveCapacity(8)
            headers.append(KafkaHeader(name: "ce_specversion", value: specVersion))
            headers.append(KafkaHeader(name: "ce_id", value: Array(id.readableBytesView)))
            headers.append(KafkaHeader(name: "ce_source", value: Array(source.readableBytesView)))
            headers.append(KafkaHeader(name: "ce_type", value: Array(type.readableBytesView)))
            headers.append(KafkaHeader(name: "ce_time", string: RFC3339.format(time)))
            headers.append(KafkaHeader(name: "content-type", value: Array(contentType.readableBytesView)))
            if let subject { headers.append(KafkaHeader(name: "ce_subject", value: Array(subject.readableBytesView))) }
            if let dataschema { headers.append(KafkaHeader(name: "ce_dataschema", value: Array(dataschema.readableBytesView))) }
            if extensionsJSON != "{}",
               let extensions = try? EventJSON.decoder.decode([String: String].self, from: Data(extensionsJSON.utf8)) {
                for (name, value) in extensions.sorted(by: { $0.key < $1.key }) { headers.append(KafkaHeader(name: "ce_\(name)", string: value)) }
            }
            result.append(OutgoingMessage(topic: topic, key: Array(key.readableBytesView), value: Array(payload.readableBytesView),
                                          headers: headers))
        }
        return result
    }

    static let specVersion = Array(CloudEvent.specVersion.utf8)
}
