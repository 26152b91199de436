import AssistanceDomain
import Contracts
import Logging
import PostgresNIO

/// Answers from `verification_records`: the bulk deliveries of every agency, loaded with
/// `PUT /verification-sources/{source}/records`. One instance covers all agencies in the table.
struct TableDataSource: EconomicDataSource {
    var name: String { "table" }

    func records(for people: [PersonRef], on connection: PostgresConnection, logger: Logger) async throws -> [VerificationRecord] {
        let rows = try await connection.query("""
            SELECT source, person_ref, kind, category, amount_fen, note FROM verification_records
            WHERE person_ref = ANY(\(people.map(\.rawValue)))
            ORDER BY source, person_ref, kind, category
            """, logger: logger)
        var records: [VerificationRecord] = []
        for try await (source, ref, kind, category, fen, note) in rows.decode((String, String, String, String, Int64, String).self) {
            guard let fact = Self.fact(kind: kind, category: category, fen: fen) else { continue }
            records.append(VerificationRecord(source: source, person: try PersonRef(rawValue: ref), fact: fact, note: note))
        }
        return records
    }

    static func fact(kind: String, category: String, fen: Int64) -> VerificationRecord.Fact? {
        switch kind {
        case "income": IncomeItem.Kind(rawValue: category).map { .income($0, monthly: Money(fen: fen)) }
        case "asset": AssetItem.Kind(rawValue: category).map { .asset($0, value: Money(fen: fen)) }
        default: nil
        }
    }
}
