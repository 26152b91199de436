import Contracts
import Foundation
import Logging
import PostgresNIO
import TestSupport

/// What the Registry committed and what the consumers applied, read from their databases.
///
/// Sent = the life events in the Registry's outbox (committed, whether or not the HTTP
/// caller saw the answer: a command killed after its commit still counts). Applied = the
/// consumer's journal rows. The per-key commit order is the outbox position order: the
/// driver sends one person's commands one after another, each after the previous one's
/// commit, so their positions rise in commit order.
enum EffectLedger {
    /// The event types the journals record and the driver causes.
    static let journalTypes = [DeathRecorded.eventType.rawValue, DeathRecordCorrected.eventType.rawValue,
                               DeathRecordAnnulled.eventType.rawValue]

    struct Committed: Sendable {
        /// Outbox position of each committed life event.
        var position: [UUID: Int64]
        var ids: [UUID] { Array(position.keys) }
        var count: Int { position.count }
    }

    struct JournalRow: Sendable {
        var eventID: UUID
        var personRef: String
        /// Application order: a harness-added sequence column (see `instrumentJournal`).
        var sequence: Int64
    }

    static func committed(_ cluster: ScratchPostgres, database: String, logger: Logger) async throws -> Committed {
        try await cluster.withConnection(database: database) { connection in
            let rows = try await connection.query(
                "SELECT id, position FROM outbox WHERE event_type = ANY(\(journalTypes))", logger: logger)
            var position: [UUID: Int64] = [:]
            for try await (id, at) in rows.decode((UUID, Int64).self) { position[id] = at }
            return Committed(position: position)
        }
    }

    static func journal(_ cluster: ScratchPostgres, database: String, logger: Logger) async throws -> [JournalRow] {
        try await cluster.withConnection(database: database) { connection in
            let rows = try await connection.query(
                "SELECT event_id, person_ref, harness_seq FROM life_events ORDER BY harness_seq", logger: logger)
            var journal: [JournalRow] = []
            for try await (id, person, sequence) in rows.decode((UUID, String, Int64).self) {
                journal.append(JournalRow(eventID: id, personRef: person, sequence: sequence))
            }
            return journal
        }
    }

    /// How many of `ids` the consumer has applied.
    static func appliedCount(of ids: [UUID], _ cluster: ScratchPostgres, database: String, logger: Logger) async throws -> Int {
        try await cluster.withConnection(database: database) { connection in
            let rows = try await connection.query(
                "SELECT count(DISTINCT event_id) FROM life_events WHERE event_id = ANY(\(ids))", logger: logger)
            for try await count in rows.decode(Int64.self) { return Int(count) }
            return 0
        }
    }

    /// Makes a second application of an event visible: the journal's primary key
    /// (event_id, person_ref) would turn it into a failed transaction (then retries and a
    /// dead letter), hiding it; without the key it is a second row. A sequence column
    /// records the order rows were applied in (`received_at` is the transaction's start
    /// time, shared by a whole batch). Done before any event arrives; harness only.
    static func instrumentJournal(_ cluster: ScratchPostgres, database: String, logger: Logger) async throws {
        try await cluster.withConnection(database: database) { connection in
            try await connection.query("""
                ALTER TABLE life_events DROP CONSTRAINT life_events_pkey, ADD COLUMN harness_seq bigserial
                """, logger: logger)
            try await connection.query("CREATE INDEX life_events_harness_event ON life_events (event_id)", logger: logger)
        }
    }
}

/// One consumer's effects compared with what the Registry committed.
public struct ConsumerCount: Sendable, CustomStringConvertible {
    public var service: String
    /// Committed events applied at least once.
    public var applied = 0
    /// Committed events never applied.
    public var lost = 0
    /// Extra applications: journal rows beyond the first for one event and person.
    public var appliedTwice = 0
    /// Adjacent journal entries of one person applied in the opposite of commit order.
    public var orderViolations = 0
    /// Redeliveries the inbox recognised and dropped (`inbox_events_total{outcome="duplicate"}`).
    public var duplicatesDropped = 0
    /// Good events sent to the dead-letter topic (an effect lost until replayed).
    public var goodDeadLettered = 0
    /// Poison messages dead-lettered, and the reasons their headers gave.
    public var poisonDeadLettered = 0
    public var poisonReasons: [String] = []

    public var description: String {
        "\(service): applied \(applied), lost \(lost), twice \(appliedTwice), order violations \(orderViolations), "
            + "duplicates dropped \(duplicatesDropped), good dead-lettered \(goodDeadLettered), poison dead-lettered \(poisonDeadLettered)"
    }

    static func compare(service: String, committed: EffectLedger.Committed, journal: [EffectLedger.JournalRow]) -> ConsumerCount {
        var count = ConsumerCount(service: service)
        var seen: [String: Int] = [:]  // "event person" -> rows
        var byPerson: [String: [Int64]] = [:]
        for row in journal {
            guard let position = committed.position[row.eventID] else { continue }  // not a driven event
            let key = "\(row.eventID) \(row.personRef)"
            seen[key, default: 0] += 1
            if seen[key] == 1 { byPerson[row.personRef, default: []].append(position) }
        }
        count.appliedTwice = seen.values.reduce(0) { $0 + max(0, $1 - 1) }
        let appliedIDs = Set(journal.map(\.eventID))
        count.applied = committed.ids.filter { appliedIDs.contains($0) }.count
        count.lost = committed.count - count.applied
        count.orderViolations = byPerson.values.reduce(0) { total, positions in
            total + zip(positions, positions.dropFirst()).filter { $0 > $1 }.count
        }
        return count
    }
}
