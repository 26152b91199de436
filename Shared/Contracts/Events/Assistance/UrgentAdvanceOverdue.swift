import Foundation

/// `civil.assistance.urgent-advance-overdue.v1`: an urgent 临时救助 report was not advanced
/// (先行救助) within the response-time target of its report.
///
/// Published by Assistance's casework sweep once per case, the first time it finds the case still
/// not advanced after `targetHours`; an advance paid later is `temporary-assistance-advanced` with
/// `withinTarget` false. Keyed by the case id, like that event. Consumed by the statistics (how
/// often and where the 24-hour target is missed).
public struct UrgentAdvanceOverdue: DomainEvent {
    public static let eventType = EventType(.assistance, "urgent-advance-overdue", version: 1)

    public var caseID: UUID
    /// The person to be helped.
    public var person: PersonRef
    /// Where the emergency happened.
    public var region: RegionCode
    /// The township that took the report and advances from its reserve.
    public var township: RegionCode
    public var reportedAt: Date
    /// The response-time target missed, in hours.
    public var targetHours: Int
    /// When the sweep found the case overdue.
    public var detectedAt: Date

    public init(caseID: UUID, person: PersonRef, region: RegionCode, township: RegionCode, reportedAt: Date, targetHours: Int,
                detectedAt: Date) {
        self.caseID = caseID
        self.person = person
        self.region = region
        self.township = township
        self.reportedAt = reportedAt
        self.targetHours = targetHours
        self.detectedAt = detectedAt
    }

    public var aggregateID: String { caseID.uuidString.lowercased() }
}
