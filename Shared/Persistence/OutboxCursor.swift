import Contracts
import EventTransport
import Foundation
import Logging
import Messaging
import NIOCore
import PostgresNIO

/// The relay's durable position in the outbox, and the SQL that reads and moves it.
///
/// Publication proceeds in rounds. A round is a PostgreSQL snapshot: it covers every row
/// whose transaction had finished when the snapshot was taken and was not yet covered by
/// the previous round (`published`). Within a round rows go out in position order.
///
/// - No row is skipped: a transaction that took its position early and commits late is
///   not visible in the round's snapshot, so it falls into a later round, whatever its
///   position. Rows are never marked one by one; the cursor is one row.
/// - Per-key commit order: writers lock the aggregate before appending (see `Outbox`), so a
///   later event of one key has a higher position and a commit no earlier than the one
///   before it: it is in the same round at a higher position, or in a later round. (Ordering
///   by transaction id instead would not do: a transaction that got its id first but waited
///   for the aggregate's lock commits second.)
/// - A long-running transaction does not hold publication back: only rows of unfinished
///   transactions wait.
struct OutboxCursor: Sendable, Equatable {
    /// Every row visible in this snapshot is published or quarantined.
    var published: String
    /// The round in progress, if any, and the last position of it that is settled.
    var round: String?
    var roundPosition: Int64

    static func load(on session: RelaySession) async throws -> OutboxCursor {
        let rows = try await session.query(
            "SELECT published::text, round::text, round_position FROM outbox_cursor")
        for try await (published, round, position) in rows.decode((String, String?, Int64).self) {
            return OutboxCursor(published: published, round: round, roundPosition: position)
        }
        throw OutboxCursorError.missing
    }

    /// The positions of the round in progress past its settled position, or of a new round
    /// taken now. Empty when nothing is pending; nothing is written either way.
    func nextRound(on session: RelaySession) async throws -> (round: String, positions: [Int64]) {
        let after = round == nil ? Int64(0) : roundPosition
        // `round` falls back to the statement's own snapshot, which sees exactly the rows it covers.
        let rows = try await session.query("""
            WITH c AS (SELECT \(published)::pg_snapshot AS published,
                              coalesce(\(round)::pg_snapshot, pg_current_snapshot()) AS round)
            SELECT c.round::text,
                   coalesce((SELECT array_agg(o.position ORDER BY o.position) FROM outbox o
                             WHERE o.xid >= pg_snapshot_xmin(c.published)
                               AND NOT pg_visible_in_snapshot(o.xid, c.published)
                               AND pg_visible_in_snapshot(o.xid, c.round)
                               AND o.position > \(after)), '{}')
            FROM c
            """)
        for try await (snapshot, positions) in rows.decode((String, [Int64]).self) {
            return (snapshot, positions)
        }
        throw OutboxCursorError.missing
    }

    /// Moves the cursor through `position` of `round` and quarantines `entries`, in one statement.
    /// A finished round becomes the published snapshot.
    static func advance(
        round: String, through position: Int64, roundFinished: Bool, quarantine entries: [OutboxRelayPolicy.QuarantineEntry],
        on session: RelaySession
    ) async throws {
        try await session.query("""
            WITH q AS (
                INSERT INTO outbox_quarantine (position, message_key, topic, event_type, reason, attempts, held_behind)
                SELECT u.pos, o.message_key, o.topic, o.event_type, u.reason, u.attempts, nullif(u.held, -1)
                FROM unnest(\(entries.map(\.position))::bigint[], \(entries.map(\.reason))::text[],
                            \(entries.map(\.attempts))::int[], \(entries.map { $0.heldBehind ?? -1 })::bigint[])
                     AS u(pos, reason, attempts, held)
                JOIN outbox o ON o.position = u.pos
                ON CONFLICT (position) DO NOTHING
            )
            UPDATE outbox_cursor SET
                published = CASE WHEN \(roundFinished) THEN \(round)::pg_snapshot ELSE published END,
                round = CASE WHEN \(roundFinished) THEN NULL ELSE \(round)::pg_snapshot END,
                round_position = CASE WHEN \(roundFinished) THEN 0 ELSE \(position) END,
                updated_at = now()
            """)
    }
}

enum OutboxCursorError: Error, CustomStringConvertible {
    case missing
    var description: String { "the outbox_cursor row is missing: platform migration 3 has not run" }
}

/// One outbox row, read for publication.
struct OutboxRow: Sendable {
    var position: Int64
    var topic: String
    var key: String
    var message: OutgoingMessage

    /// Reads the rows at `positions`, in position order.
    static func fetch(_ positions: ArraySlice<Int64>, on session: RelaySession) async throws -> [OutboxRow] {
        let rows = try await session.query("""
            SELECT position, id, topic, message_key, source, event_type, event_time, subject, dataschema,
                   content_type, extensions::text, payload
            FROM outbox WHERE position = ANY(\(Array(positions))::bigint[]) ORDER BY position
            """)
        var result: [OutboxRow] = []
        result.reserveCapacity(positions.count)
        for try await row in rows.decode(
            (Int64, UUID, String, String, String, String, Date, String?, String?, String, String, ByteBuffer).self
        ) {
            let (position, id, topic, key, source, type, time, subject, dataschema, contentType, extensionsJSON, payload) = row
            let extensions = extensionsJSON == "{}" ? [:]
                : (try? EventJSON.decoder.decode([String: String].self, from: Data(extensionsJSON.utf8))) ?? [:]
            let event = CloudEvent(
                id: id, source: source, type: type, time: time, subject: subject, dataschema: dataschema,
                datacontenttype: contentType, key: key, data: Array(payload.readableBytesView), extensions: extensions)
            result.append(OutboxRow(position: position, topic: topic, key: key,
                                    message: OutgoingMessage(cloudEvent: event, topic: topic)))
        }
        return result
    }
}
