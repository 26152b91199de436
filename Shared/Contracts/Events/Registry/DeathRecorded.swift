import Foundation

/// Who certified a death (死亡医学证明 by a hospital, a police report, or a community certificate).
public enum DeathCertificateSource: String, Codable, Sendable, CaseIterable {
    case hospital
    case police
    case community
}

/// `civil.registry.death-recorded.v1`: the Registry recorded a death.
///
/// Keyed by the person ref, so every event about one person stays in order.
/// Assistance and ElderCare stop allowances, ChildProtection re-examines the
/// children, and the Registry grants the free basic funeral when it applies.
public struct DeathRecorded: DomainEvent {
    public static let eventType = EventType(.registry, "death-recorded", version: 1)

    public var recordID: UUID
    public var person: PersonRef
    public var dateOfDeath: CivilDate
    /// County (or finer) where the death occurred.
    public var region: RegionCode
    public var source: DeathCertificateSource
    public var recordedAt: Date

    public init(recordID: UUID, person: PersonRef, dateOfDeath: CivilDate, region: RegionCode,
                source: DeathCertificateSource, recordedAt: Date) {
        self.recordID = recordID
        self.person = person
        self.dateOfDeath = dateOfDeath
        self.region = region
        self.source = source
        self.recordedAt = recordedAt
    }

    public var aggregateID: String { person.rawValue }
}
