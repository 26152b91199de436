import Foundation

/// `civil.eldercare.visit-completed.v1`: a visitor recorded a visit (探访关爱) to a registered person.
///
/// The findings and the visitor are not carried (free text about the person's home and health);
/// the risk flags are, as kinds (each opened a follow-up). Keyed by the person ref. Dashboards
/// compute the monthly visit rate and the risks found per region.
public struct VisitCompleted: DomainEvent {
    public static let eventType = EventType(.eldercare, "visit-completed", version: 1)

    public enum Mode: String, Codable, Sendable, CaseIterable {
        case inPerson = "in-person"
        case phoneOrVideo = "phone-or-video"
    }

    public enum Risk: String, Codable, Sendable, CaseIterable {
        case health
        case safety
        case livingConditions = "living-conditions"
        case mentalState = "mental-state"
        case supporterNeglect = "supporter-neglect"
        case financialHardship = "financial-hardship"
    }

    public var visitID: UUID
    public var person: PersonRef
    public var region: RegionCode
    public var visitedOn: CivilDate
    public var mode: Mode
    public var riskFlags: [Risk]

    public init(visitID: UUID, person: PersonRef, region: RegionCode, visitedOn: CivilDate, mode: Mode, riskFlags: [Risk]) {
        self.visitID = visitID
        self.person = person
        self.region = region
        self.visitedOn = visitedOn
        self.mode = mode
        self.riskFlags = riskFlags
    }

    public var aggregateID: String { person.rawValue }
}
