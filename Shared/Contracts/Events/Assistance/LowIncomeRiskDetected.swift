import Foundation

/// `civil.assistance.low-income-risk-detected.v1`: low-income monitoring (低收入人口动态监测)
/// flagged a household at risk, opening a lead for a social worker to follow up (主动发现).
///
/// Published by Assistance, in reaction to a partner agency's `RiskSignalReported` (whose event id
/// is then `causationEventID`) about a member of a recipient or near-low-income household. Keyed by
/// the household id, so the leads about one household stay in order. ElderCare and ChildProtection
/// note the risk for the people they serve; dashboards count leads per signal.
public struct LowIncomeRiskDetected: DomainEvent {
    public static let eventType = EventType(.assistance, "low-income-risk-detected", version: 1)

    public var leadID: UUID
    public var householdID: UUID
    /// The member the signal is about.
    public var person: PersonRef
    /// The household's county.
    public var region: RegionCode
    public var signal: RiskSignalKind
    public var householdStatus: HouseholdRiskStatus
    /// Why the household was flagged, for the social worker.
    public var explanation: String
    public var detectedOn: CivilDate
    /// The id of the event that caused the lead (normally a `RiskSignalReported`), if any.
    public var causationEventID: UUID?

    public init(leadID: UUID, householdID: UUID, person: PersonRef, region: RegionCode, signal: RiskSignalKind,
                householdStatus: HouseholdRiskStatus, explanation: String, detectedOn: CivilDate,
                causationEventID: UUID?) {
        self.leadID = leadID
        self.householdID = householdID
        self.person = person
        self.region = region
        self.signal = signal
        self.householdStatus = householdStatus
        self.explanation = explanation
        self.detectedOn = detectedOn
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { householdID.uuidString.lowercased() }
}
