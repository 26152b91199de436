import Contracts
import ElderCareDomain
import Foundation

/// One row of `assessments`, as the API lists it.
struct StoredAssessment: Sendable {
    var id: UUID
    var person: PersonRef
    var region: RegionCode
    var assessment: CapabilityAssessment
    var assessor: String
}
