import Foundation

/// `civil.registry.death-record-corrected.v1`: the Registry corrected the date of death of a
/// recorded death (e.g. a mistyped medical certificate).
///
/// Published by the Registry. Keyed by the person ref, like `DeathRecorded`, so it follows the
/// record it corrects. Assistance and ElderCare recompute the last covered day of stopped
/// allowances (paying or reclaiming the difference), and the Registry re-examines funeral subsidies.
public struct DeathRecordCorrected: DomainEvent {
    public static let eventType = EventType(.registry, "death-record-corrected", version: 1)

    /// The corrected record (`DeathRecorded.recordID`).
    public var recordID: UUID
    public var person: PersonRef
    /// The date of death as recorded before this correction.
    public var previousDateOfDeath: CivilDate
    /// The corrected date of death.
    public var dateOfDeath: CivilDate
    /// County (or finer) where the death occurred, after the correction.
    public var region: RegionCode
    public var correctedAt: Date
    /// Why the record was corrected, for the audit trail; never contains names or ID numbers.
    public var reason: String

    public init(recordID: UUID, person: PersonRef, previousDateOfDeath: CivilDate, dateOfDeath: CivilDate,
                region: RegionCode, correctedAt: Date, reason: String) {
        self.recordID = recordID
        self.person = person
        self.previousDateOfDeath = previousDateOfDeath
        self.dateOfDeath = dateOfDeath
        self.region = region
        self.correctedAt = correctedAt
        self.reason = reason
    }

    public var aggregateID: String { person.rawValue }
}
