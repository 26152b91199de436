import AssistanceDomain
import Contracts
import Logging
import PostgresNIO

/// `verification_records`: the agencies' bulk deliveries that the table-backed source answers from.
enum VerificationRecordStore {
    /// One delivered record, as stored.
    struct Record: Sendable {
        var personRef: String
        /// `income` or `asset`.
        var kind: String
        var category: String
        var amountFen: Int64
        var note: String
    }

    /// A delivery replaces what `source` said before about the people it lists.
    static func replace(source: String, with records: [Record], on connection: PostgresConnection, logger: Logger) async throws {
        let refs = records.map(\.personRef)
        try await connection.query("""
            DELETE FROM verification_records WHERE source = \(source) AND person_ref = ANY(\(Array(Set(refs))))
            """, logger: logger)
        try await connection.query("""
            INSERT INTO verification_records (source, person_ref, kind, category, amount_fen, note)
            SELECT \(source), * FROM unnest(\(refs)::text[], \(records.map(\.kind))::text[], \(records.map(\.category))::text[],
                                            \(records.map(\.amountFen))::bigint[], \(records.map(\.note))::text[])
            """, logger: logger)
    }

    /// Everything any agency delivered about `people`, as verification facts (records of an
    /// unknown kind or category are skipped).
    static func records(for people: [PersonRef], on connection: PostgresConnection, logger: Logger) async throws -> [VerificationRecord] {
        let rows = try await connection.query("""
            SELECT source, person_ref, kind, category, amount_fen, note FROM verification_records
            WHERE person_ref = ANY(\(people.map(\.rawValue)))
            ORDER BY source, person_ref, kind, category
            """, logger: logger)
        var records: [VerificationRecord] = []
        for try await (source, ref, kind, category, fen, note) in rows.decode((String, String, String, String, Int64, String).self) {
            guard let fact = VerificationRecord.Fact(kind: kind, category: category, amount: Money(fen: fen)) else { continue }
            records.append(VerificationRecord(source: source, person: try PersonRef(rawValue: ref), fact: fact, note: note))
        }
        return records
    }
}
