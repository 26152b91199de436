import Contracts
import Foundation
import RegistryDomain

/// The free basic funeral of a death: what it covers, and where it stands.
struct FuneralGrantRecord: Sendable, Equatable {
    var id: UUID
    var basis: FuneralSubsidyBasis
    var items: [FuneralSubsidyItem]
    var total: Money
    var status: FreeBasicFuneralStatus
    /// The day it became payable (the cremation was recorded); nil until then. Grants of release 1
    /// (made when the death was recorded) have it too.
    var grantedOn: CivilDate?
    /// The day of the cremation that made it payable; nil before, and for grants of release 1.
    var crematedOn: CivilDate?
    /// The day a burial without cremation withdrew it.
    var withdrawnOn: CivilDate?
}

extension FuneralGrantRecord {
    /// Takes `status` with the days that come with it: granted on `today` for the cremation of
    /// `disposition`, withdrawn on `today`.
    mutating func move(to status: FreeBasicFuneralStatus, disposition: BodyDisposition, today: CivilDate) {
        self.status = status
        switch status {
        case .granted:
            grantedOn = today
            if case .cremated(let day) = disposition { crematedOn = day }
        case .withdrawn:
            withdrawnOn = today
        case .pendingCremation, .revoked:
            break
        }
    }
}
