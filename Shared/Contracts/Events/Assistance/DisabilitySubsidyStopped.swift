import Foundation

/// `civil.assistance.disability-subsidy-stopped.v1`: a disability subsidy stops being paid after
/// `lastPaidMonth` — at the end of a gradual exit (渐退) when eligibility ended, or from the month
/// after a death.
///
/// Published by Assistance once per stop (a repeated notice or a duplicate death publishes
/// nothing). Keyed by the subsidy id. `causationEventID` is the `death-recorded` event when a
/// death stopped it.
public struct DisabilitySubsidyStopped: DomainEvent {
    public static let eventType = EventType(.assistance, "disability-subsidy-stopped", version: 1)

    public var subsidyID: UUID
    public var person: PersonRef
    public var region: RegionCode
    public var program: DisabilitySubsidyProgram
    public var reason: DisabilitySubsidyStopReason
    /// The last month paid.
    public var lastPaidMonth: YearMonth
    public var causationEventID: UUID?

    public init(subsidyID: UUID, person: PersonRef, region: RegionCode, program: DisabilitySubsidyProgram,
                reason: DisabilitySubsidyStopReason, lastPaidMonth: YearMonth, causationEventID: UUID?) {
        self.subsidyID = subsidyID
        self.person = person
        self.region = region
        self.program = program
        self.reason = reason
        self.lastPaidMonth = lastPaidMonth
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { subsidyID.uuidString.lowercased() }
}
