import Contracts
import Foundation

/// A bed offered to a queued applicant.
public struct WaitingListOffer: Sendable, Hashable, Codable {
    public let institution: UUID
    public let bed: BedType
    public let offeredOn: CivilDate

    public init(institution: UUID, bed: BedType, offeredOn: CivilDate) {
        self.institution = institution
        self.bed = bed
        self.offeredOn = offeredOn
    }
}
