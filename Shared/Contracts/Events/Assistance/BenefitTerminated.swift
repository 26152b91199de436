import Foundation

/// `civil.assistance.benefit-terminated.v1`: Assistance ended a social-assistance benefit.
///
/// Published by Assistance, for instance in reaction to the Registry's `DeathRecorded` (whose event
/// id is then `causationEventID`). Keyed by the case id, after its `BenefitGranted`. The Registry's
/// free-basic-funeral rule still treats the recipients as covered up to and including
/// `lastCoveredDay`, so a recipient whose benefit ended because they died still qualifies;
/// ElderCare and ChildProtection update the coverage of the people they serve.
public struct BenefitTerminated: DomainEvent {
    public static let eventType = EventType(.assistance, "benefit-terminated", version: 1)

    public var caseID: UUID
    public var program: AssistanceProgram
    /// Every person the benefit covered until now; at least one.
    public var recipients: [PersonRef]
    public var region: RegionCode
    /// The last day the benefit covered, inclusive.
    public var lastCoveredDay: CivilDate
    public var reason: BenefitTerminationReason
    /// The id of the event that caused the termination (e.g. a `DeathRecorded`), if any.
    public var causationEventID: UUID?

    public init(caseID: UUID, program: AssistanceProgram, recipients: [PersonRef], region: RegionCode,
                lastCoveredDay: CivilDate, reason: BenefitTerminationReason, causationEventID: UUID?) {
        self.caseID = caseID
        self.program = program
        self.recipients = recipients
        self.region = region
        self.lastCoveredDay = lastCoveredDay
        self.reason = reason
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { caseID.uuidString.lowercased() }
}
