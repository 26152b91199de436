import Foundation

/// `civil.eldercare.placement-offered.v1`: a queued applicant was offered a bed in a public
/// institution. `centralisedSupport` marks an offer made for 特困 centralised support (集中供养)
/// when Assistance granted 特困 support. Keyed by the person ref.
public struct PlacementOffered: DomainEvent {
    public static let eventType = EventType(.eldercare, "placement-offered", version: 1)

    public var entryID: UUID
    public var person: PersonRef
    public var region: RegionCode
    public var institutionID: UUID
    public var bed: CareBedType
    public var offeredOn: CivilDate
    public var centralisedSupport: Bool

    public init(entryID: UUID, person: PersonRef, region: RegionCode, institutionID: UUID, bed: CareBedType, offeredOn: CivilDate,
                centralisedSupport: Bool) {
        self.entryID = entryID
        self.person = person
        self.region = region
        self.institutionID = institutionID
        self.bed = bed
        self.offeredOn = offeredOn
        self.centralisedSupport = centralisedSupport
    }

    public var aggregateID: String { person.rawValue }
}
