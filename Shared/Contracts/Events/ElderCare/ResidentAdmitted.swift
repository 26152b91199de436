import Foundation

/// `civil.eldercare.admitted.v1`: an applicant moved into the institution offered (trial stay);
/// the bed is occupied from this day. `priority` is the class the person was placed in, so the
/// statistics can count 特困 elderly in centralised support. Keyed by the person ref.
public struct ResidentAdmitted: DomainEvent {
    public static let eventType = EventType(.eldercare, "admitted", version: 1)

    public var entryID: UUID
    public var person: PersonRef
    public var region: RegionCode
    public var institutionID: UUID
    public var bed: CareBedType
    public var priority: String
    public var admittedOn: CivilDate

    public init(entryID: UUID, person: PersonRef, region: RegionCode, institutionID: UUID, bed: CareBedType, priority: String,
                admittedOn: CivilDate) {
        self.entryID = entryID
        self.person = person
        self.region = region
        self.institutionID = institutionID
        self.bed = bed
        self.priority = priority
        self.admittedOn = admittedOn
    }

    public var aggregateID: String { person.rawValue }
}
