import Contracts
import ElderCareDomain
import Foundation

/// An institution as stored: its id and the domain's filing, grade and beds.
struct StoredInstitution: Sendable {
    var id: UUID
    var institution: ElderCareInstitution
    /// The day the beds were last reported, nil before the first report.
    var bedsChangedOn: CivilDate?
}
