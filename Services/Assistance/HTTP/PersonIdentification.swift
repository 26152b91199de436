import Contracts
import ServiceKit

/// A person a request names by exactly one of `personRef` and `residentId`. A resident ID is
/// turned into the person ref at once and never kept.
enum PersonIdentification {
    /// `missing` is the refusal when neither or both are given (each route has its own code).
    static func person(personRef: String?, residentId: String?, fieldPrefix: String = "", key: PersonRefKey,
                       missing: RuleViolation) throws(RuleViolation) -> PersonRef {
        switch (personRef, residentId) {
        case (let ref?, nil):
            return try RequestParsing.personRef(ref, field: fieldPrefix + "personRef")
        case (nil, let id?):
            return PersonRef.derive(from: try RequestParsing.residentID(id, field: fieldPrefix + "residentId"), key: key)
        default:
            throw missing
        }
    }
}
