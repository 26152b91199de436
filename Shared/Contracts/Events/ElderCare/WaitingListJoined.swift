import Foundation

/// `civil.eldercare.waiting-list-joined.v1`: a person applied for a place in a public institution
/// (公建养老机构入住轮候). Keyed by the person ref, like the application's later events.
public struct WaitingListJoined: DomainEvent {
    public static let eventType = EventType(.eldercare, "waiting-list-joined", version: 1)

    public var entryID: UUID
    public var person: PersonRef
    public var region: RegionCode
    /// The priority class on the day of application: `dependent-extreme-poverty`, `extreme-poverty`,
    /// `priority-group` or `general` (it may change while the person waits).
    public var priority: String
    public var appliedOn: CivilDate

    public init(entryID: UUID, person: PersonRef, region: RegionCode, priority: String, appliedOn: CivilDate) {
        self.entryID = entryID
        self.person = person
        self.region = region
        self.priority = priority
        self.appliedOn = appliedOn
    }

    public var aggregateID: String { person.rawValue }
}
