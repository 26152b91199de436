import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceKit

/// `PUT /verification-sources/{source}/records`: an agency's bulk delivery for the table-backed
/// source. The delivery replaces what that source said before about the people it lists; resident
/// IDs are turned into person refs on arrival and never stored.
enum VerificationSourceRoutes {
    struct Delivery: Decodable, Sendable {
        var records: [Record]
    }

    struct Record: Decodable, Sendable {
        var residentId: String?
        var personRef: String?
        /// `income` (monthly) or `asset` (value).
        var kind: String
        /// An income kind (`wages`, `business`, `property`, `transfer`, `pension`, `other`) or an asset
        /// kind (`financial`, `vehicle`, `additional-property`, `other`).
        var category: String
        var amountFen: Int64
        var note: String?
    }

    struct Loaded: ResponseEncodable {
        var source: String
        var people: Int
        var records: Int
    }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies) {
        router.put("/verification-sources/:source/records") { request, context -> Loaded in
            let source = try RequestParsing.nonEmpty(context.parameters.get("source") ?? "", field: "source")
            let delivery = try await request.decode(as: Delivery.self, context: context)
            var refs: [String] = []
            var kinds: [String] = []
            var categories: [String] = []
            var amounts: [Int64] = []
            var notes: [String] = []
            for record in delivery.records {
                let person: PersonRef
                switch (record.personRef, record.residentId) {
                case (let ref?, nil): person = try RequestParsing.personRef(ref, field: "personRef")
                case (nil, let id?): person = PersonRef.derive(from: try RequestParsing.residentID(id, field: "residentId"),
                                                              key: dependencies.personRefKey)
                default: throw Problem.badRequest("verification.person-missing", "each record needs exactly one of personRef and residentId")
                }
                guard TableDataSource.fact(kind: record.kind, category: record.category, fen: record.amountFen) != nil else {
                    throw Problem.badRequest("verification.invalid-record", "kind/category \(record.kind)/\(record.category) is not known")
                }
                _ = try RequestParsing.fen(record.amountFen, field: "amountFen")
                refs.append(person.rawValue)
                kinds.append(record.kind)
                categories.append(record.category)
                amounts.append(record.amountFen)
                notes.append(record.note ?? "")
            }
            try await dependencies.database.transaction(logger: context.logger) { connection in
                try await replace(source: source, refs: refs, kinds: kinds, categories: categories, amounts: amounts, notes: notes,
                                  on: connection, logger: context.logger)
            }
            return Loaded(source: source, people: Set(refs).count, records: refs.count)
        }
    }

    /// A delivery replaces what the source said before about the people it lists.
    static func replace(source: String, refs: [String], kinds: [String], categories: [String], amounts: [Int64], notes: [String],
                        on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            DELETE FROM verification_records WHERE source = \(source) AND person_ref = ANY(\(Array(Set(refs))))
            """, logger: logger)
        try await connection.query("""
            INSERT INTO verification_records (source, person_ref, kind, category, amount_fen, note)
            SELECT \(source), * FROM unnest(\(refs)::text[], \(kinds)::text[], \(categories)::text[], \(amounts)::bigint[], \(notes)::text[])
            """, logger: logger)
    }
}
