import Foundation

/// `civil.eldercare.visit-overdue.v1`: a registered key elder's visit was not made by its due day.
///
/// Published once per person and due day by ElderCare's periodic sweep, the day after the due
/// day (or later, if the sweep did not run). `daily` means an emergency mode covered the region.
/// Keyed by the person ref. Township offices chase the visit; dashboards count visits on time.
public struct VisitOverdue: DomainEvent {
    public static let eventType = EventType(.eldercare, "visit-overdue", version: 1)

    public enum Cadence: String, Codable, Sendable, CaseIterable {
        case daily, weekly, monthly, quarterly
    }

    public var person: PersonRef
    public var region: RegionCode
    /// The last day the visit was due.
    public var dueOn: CivilDate
    public var cadence: Cadence
    /// The day the sweep found it.
    public var detectedOn: CivilDate

    public init(person: PersonRef, region: RegionCode, dueOn: CivilDate, cadence: Cadence, detectedOn: CivilDate) {
        self.person = person
        self.region = region
        self.dueOn = dueOn
        self.cadence = cadence
        self.detectedOn = detectedOn
    }

    public var aggregateID: String { person.rawValue }
}
