import Foundation

/// `civil.assistance.lead-closed.v1`: a caseworker closed a monitoring lead (household or
/// outreach); a closed lead takes no further follow-up.
///
/// The closing note is not carried (free text that may name people). Keyed like the lead's
/// raising event: the household id, or for an outreach lead the person ref. Dashboards count
/// leads closed per region and how long they stayed open.
public struct LeadClosed: DomainEvent {
    public static let eventType = EventType(.assistance, "lead-closed", version: 1)

    public var leadID: UUID
    /// The household of a household lead; nil for an outreach lead.
    public var householdID: UUID?
    public var person: PersonRef
    /// Where the lead was followed up: the household's current county, or the outreach lead's region.
    public var region: RegionCode
    /// The day the lead was raised, so its time open can be counted without the raising event.
    public var detectedOn: CivilDate
    public var closedOn: CivilDate

    public init(leadID: UUID, householdID: UUID?, person: PersonRef, region: RegionCode, detectedOn: CivilDate, closedOn: CivilDate) {
        self.leadID = leadID
        self.householdID = householdID
        self.person = person
        self.region = region
        self.detectedOn = detectedOn
        self.closedOn = closedOn
    }

    public var aggregateID: String { householdID?.uuidString.lowercased() ?? person.rawValue }
}
