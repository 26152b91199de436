import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
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

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies) {
        // An agency's delivery covers the whole bureau (people of every county): no region.
        routes.put("/verification-sources/:source/records", RoutePolicy(roles: [.policy], region: .none)) { request, context -> Loaded in
            let source = try RequestParsing.nonEmpty(try context.parameters.require("source"), field: "source")
            let delivery = try await request.decode(as: Delivery.self, context: context)
            var records: [VerificationRecordStore.Record] = []
            for record in delivery.records {
                records.append(try record.parse(key: dependencies.personRefKey))
            }
            try await DeliverVerificationRecords.run(source: source, records: records, dependencies: dependencies, logger: context.logger)
            return Loaded(source: source, people: Set(records.map(\.personRef)).count, records: records.count)
        }
    }
}

extension VerificationSourceRoutes.Record {
    /// The record as stored, with the person as a person ref. Refuses a record naming nobody
    /// (`verification.person-missing`), of an unknown kind or category (`verification.invalid-record`)
    /// or with a negative amount.
    func parse(key: PersonRefKey) throws(RuleViolation) -> VerificationRecordStore.Record {
        let person = try PersonIdentification.person(
            personRef: personRef, residentId: residentId, key: key,
            missing: .invalid("verification.person-missing", "each record needs exactly one of personRef and residentId"))
        guard VerificationRecord.Fact(kind: kind, category: category, amount: Money(fen: amountFen)) != nil else {
            throw .invalid("verification.invalid-record", "kind/category \(kind)/\(category) is not known")
        }
        _ = try RequestParsing.fen(amountFen, field: "amountFen")
        return VerificationRecordStore.Record(personRef: person.rawValue, kind: kind, category: category, amountFen: amountFen,
                                              note: note ?? "")
    }
}
