import Foundation

/// `civil.assistance.lead-followed-up.v1`: a caseworker recorded a follow-up of a monitoring lead
/// (a visit, a call, a re-verification started) — a `low-income-risk-detected` household lead or
/// an `outreach-lead-raised` one. Each follow-up is one event; the lead stays open.
///
/// The caseworker's note is not carried: it is free text that may name people, and topics carry
/// person refs only. Keyed like the lead's raising event: the household id, or for an outreach
/// lead the person ref, so a lead's events stay in order. Dashboards measure how fast leads are
/// taken up (主动发现, 早发现、早救助).
public struct LeadFollowedUp: DomainEvent {
    public static let eventType = EventType(.assistance, "lead-followed-up", version: 1)

    public var leadID: UUID
    /// The household of a household lead; nil for an outreach lead.
    public var householdID: UUID?
    public var person: PersonRef
    /// Where the lead is followed up: the household's current county, or the outreach lead's region.
    public var region: RegionCode
    public var followedUpOn: CivilDate

    public init(leadID: UUID, householdID: UUID?, person: PersonRef, region: RegionCode, followedUpOn: CivilDate) {
        self.leadID = leadID
        self.householdID = householdID
        self.person = person
        self.region = region
        self.followedUpOn = followedUpOn
    }

    public var aggregateID: String { householdID?.uuidString.lowercased() ?? person.rawValue }
}
