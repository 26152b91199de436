import Contracts
import Foundation

/// The free basic funeral granted for a death.
struct FuneralGrantRecord: Sendable, Equatable {
    /// `granted`, or `revoked` when the death was annulled.
    enum Status: String, Sendable {
        case granted
        case revoked
    }

    var id: UUID
    var basis: FuneralSubsidyBasis
    var items: [FuneralSubsidyItem]
    var total: Money
    var grantedOn: CivilDate
    var status: Status
}
