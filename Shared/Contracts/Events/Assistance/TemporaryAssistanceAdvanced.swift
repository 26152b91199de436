import Foundation

/// `civil.assistance.temporary-assistance-advanced.v1`: a township advanced 临时救助 from its
/// reserve fund (备用金) before the full approval, as "先行救助" allows.
///
/// Published by Assistance when the advance is paid. Keyed by the case id, before the case's
/// `BenefitGranted`. `withinTarget` says whether the advance was paid within `targetHours` of the
/// report. Consumed by ministry dashboards (response times); ChildProtection and ElderCare note
/// emergency support given to the people they serve.
public struct TemporaryAssistanceAdvanced: DomainEvent {
    public static let eventType = EventType(.assistance, "temporary-assistance-advanced", version: 1)

    public var caseID: UUID
    public var kind: TemporaryAssistanceKind
    /// The person helped.
    public var person: PersonRef
    /// Where the emergency happened (for urgent help, not necessarily the registered residence).
    public var region: RegionCode
    /// When the emergency was reported to the township.
    public var reportedAt: Date
    /// When the advance was paid.
    public var advancedAt: Date
    /// The amount advanced, in fen.
    public var amount: Money
    /// Whether `advancedAt` is within `targetHours` of `reportedAt`.
    public var withinTarget: Bool
    /// The response-time target that applied, in hours.
    public var targetHours: Int

    public init(caseID: UUID, kind: TemporaryAssistanceKind, person: PersonRef, region: RegionCode, reportedAt: Date,
                advancedAt: Date, amount: Money, withinTarget: Bool, targetHours: Int) {
        self.caseID = caseID
        self.kind = kind
        self.person = person
        self.region = region
        self.reportedAt = reportedAt
        self.advancedAt = advancedAt
        self.amount = amount
        self.withinTarget = withinTarget
        self.targetHours = targetHours
    }

    public var aggregateID: String { caseID.uuidString.lowercased() }
}
