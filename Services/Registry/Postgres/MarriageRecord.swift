import Contracts
import Foundation
import RegistryDomain

/// A registered marriage as the Registry keeps it, with the number of its original certificate.
struct MarriageRecord: Sendable, Equatable {
    var id: UUID
    var certificateNumber: String
    var office: String
    var partyA: PersonRef
    var partyB: PersonRef
    var registeredOn: CivilDate
    var status: MarriageStatus
}

/// The two parties of a marriage, and where it stands: what a divorce application needs.
struct MarriageParties: Sendable {
    var idA: ResidentID
    var idB: ResidentID
    var refA: PersonRef
    var refB: PersonRef
    var office: RegistrationOfficeCode
    var status: MarriageStatus
}

/// A person's marital status: married (with the current marriage), divorced (no current marriage,
/// at least one ended by divorce) or unmarried.
struct MaritalStatusRecord: Sendable {
    var person: PersonRef
    var currentMarriage: UUID?
    var divorced: Bool
}
