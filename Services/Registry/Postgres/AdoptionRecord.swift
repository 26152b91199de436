import Contracts
import Foundation

/// A registered (or dissolved) adoption as its certificate shows it.
struct AdoptionRecord: Sendable, Equatable {
    /// `registered` or `dissolved`.
    enum Status: String, Sendable {
        case registered
        case dissolved
    }

    var id: UUID
    var certificateNumber: String
    var registeredOn: CivilDate
    var status: Status
}
