import Contracts
import Foundation
import RegistryDomain

/// A recorded death, with the resident ID: it stays in the Registry's database, events carry the
/// person ref only.
struct DeathRecord: Sendable, Equatable {
    var id: UUID
    var residentID: ResidentID
    var person: PersonRef
    var dateOfDeath: CivilDate
    var region: RegionCode
    var source: DeathCertificateSource
    var status: DeathRecordStatus
}
