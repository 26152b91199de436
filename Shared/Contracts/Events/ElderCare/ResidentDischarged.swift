import Foundation

/// `civil.eldercare.discharged.v1`: a resident left the institution and the bed is free again.
/// `causationEventID` is the Registry's `death-recorded` when the discharge followed a death.
/// Keyed by the person ref.
public struct ResidentDischarged: DomainEvent {
    public static let eventType = EventType(.eldercare, "discharged", version: 1)

    public var entryID: UUID
    public var person: PersonRef
    public var region: RegionCode
    public var institutionID: UUID
    public var bed: CareBedType
    public var dischargedOn: CivilDate
    /// `death`, `left-voluntarily`, `transferred` or `trial-unsuccessful`.
    public var reason: String
    public var causationEventID: UUID?

    public init(entryID: UUID, person: PersonRef, region: RegionCode, institutionID: UUID, bed: CareBedType, dischargedOn: CivilDate,
                reason: String, causationEventID: UUID?) {
        self.entryID = entryID
        self.person = person
        self.region = region
        self.institutionID = institutionID
        self.bed = bed
        self.dischargedOn = dischargedOn
        self.reason = reason
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { person.rawValue }
}
