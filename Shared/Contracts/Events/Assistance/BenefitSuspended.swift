import Foundation

/// `civil.assistance.benefit-suspended.v1`: Assistance stopped paying a case from a month on,
/// without ending it.
///
/// Published by Assistance, for instance in reaction to the Registry's `DeathRecorded` (whose event
/// id is then `causationEventID`; the death month is still paid) or when a review is pending.
/// Keyed by the case id, after its `BenefitGranted`. The payment roster leaves the case out from
/// `firstUnpaidMonth`; ElderCare and ChildProtection note the gap for the people they serve. Either
/// `BenefitReinstated` or `BenefitTerminated` follows.
public struct BenefitSuspended: DomainEvent {
    public static let eventType = EventType(.assistance, "benefit-suspended", version: 1)

    public var caseID: UUID
    public var program: AssistanceProgram
    /// Every person the case covers; at least one.
    public var recipients: [PersonRef]
    public var region: RegionCode
    /// The person whose situation caused the suspension (e.g. the deceased recipient).
    public var person: PersonRef
    /// The first month not paid.
    public var firstUnpaidMonth: YearMonth
    public var reason: BenefitSuspensionReason
    /// The id of the event that caused the suspension (e.g. a `DeathRecorded`), if any.
    public var causationEventID: UUID?

    public init(caseID: UUID, program: AssistanceProgram, recipients: [PersonRef], region: RegionCode,
                person: PersonRef, firstUnpaidMonth: YearMonth, reason: BenefitSuspensionReason,
                causationEventID: UUID?) {
        self.caseID = caseID
        self.program = program
        self.recipients = recipients
        self.region = region
        self.person = person
        self.firstUnpaidMonth = firstUnpaidMonth
        self.reason = reason
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { caseID.uuidString.lowercased() }
}
