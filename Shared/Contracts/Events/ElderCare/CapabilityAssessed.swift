import Foundation

/// `civil.eldercare.capability-assessed.v1`: an assessor recorded a capability assessment
/// (老年人能力评估, GB/T 42195-2022).
///
/// Carries the level only, not the item scores (health data stays in ElderCare). Assistance may
/// read the 特困 care tier from it; the statistics count 失能 elderly. Keyed by the person ref.
public struct CapabilityAssessed: DomainEvent {
    public static let eventType = EventType(.eldercare, "capability-assessed", version: 1)

    public var assessmentID: UUID
    public var person: PersonRef
    public var level: CapabilityRating
    /// Where the assessment was made (the county or township).
    public var region: RegionCode
    public var assessedOn: CivilDate

    public init(assessmentID: UUID, person: PersonRef, level: CapabilityRating, region: RegionCode, assessedOn: CivilDate) {
        self.assessmentID = assessmentID
        self.person = person
        self.level = level
        self.region = region
        self.assessedOn = assessedOn
    }

    public var aggregateID: String { person.rawValue }
}
