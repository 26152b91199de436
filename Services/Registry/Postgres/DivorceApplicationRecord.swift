import Contracts
import Foundation
import RegistryDomain

/// An application for divorce by agreement, restored into the domain value that decides it.
struct DivorceApplicationRecord: Sendable {
    var id: UUID
    var marriageID: UUID
    var office: RegistrationOfficeCode
    var partyA: PersonRef
    var partyB: PersonRef
    var divorce: DivorceByAgreement
}
