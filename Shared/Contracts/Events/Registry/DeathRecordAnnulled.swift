import Foundation

/// `civil.registry.death-record-annulled.v1`: the Registry annulled a death record made in error
/// (the person is alive, or the record was about someone else).
///
/// Published by the Registry. Keyed by the person ref, so it follows the record it annuls.
/// Assistance and ElderCare resume the allowances they stopped for the death, ChildProtection
/// reverses the re-examination it opened, and the Registry revokes a funeral subsidy not yet paid.
public struct DeathRecordAnnulled: DomainEvent {
    public static let eventType = EventType(.registry, "death-record-annulled", version: 1)

    /// The annulled record (`DeathRecorded.recordID`).
    public var recordID: UUID
    public var person: PersonRef
    /// The date of death the annulled record carried.
    public var annulledDateOfDeath: CivilDate
    public var annulledAt: Date
    /// Why the record was annulled, for the audit trail; never contains names or ID numbers.
    public var reason: String

    public init(recordID: UUID, person: PersonRef, annulledDateOfDeath: CivilDate, annulledAt: Date, reason: String) {
        self.recordID = recordID
        self.person = person
        self.annulledDateOfDeath = annulledDateOfDeath
        self.annulledAt = annulledAt
        self.reason = reason
    }

    public var aggregateID: String { person.rawValue }
}
