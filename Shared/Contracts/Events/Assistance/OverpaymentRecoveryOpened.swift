import Foundation

/// `civil.assistance.overpayment-recovery-opened.v1`: Assistance opened a claim to recover
/// benefit paid for months after a recipient's death.
///
/// Published by Assistance in reaction to the Registry's `DeathRecorded` (whose event id is then
/// `causationEventID`) when months after the death month had already been paid. Keyed by the case
/// id, after its `BenefitSuspended` or `BenefitTerminated`. Finance starts recovery from the estate
/// or household; a later `BenefitReinstated` (the death record annulled) drops the claim.
public struct OverpaymentRecoveryOpened: DomainEvent {
    public static let eventType = EventType(.assistance, "overpayment-recovery-opened", version: 1)

    public var claimID: UUID
    public var caseID: UUID
    public var program: AssistanceProgram
    /// The deceased recipient.
    public var person: PersonRef
    public var region: RegionCode
    public var dateOfDeath: CivilDate
    /// The months paid after the death month, in order; at least one.
    public var months: [YearMonth]
    /// The amount to recover for `months`, in fen.
    public var amount: Money
    /// The id of the event that caused the claim (normally the `DeathRecorded`), if any.
    public var causationEventID: UUID?

    public init(claimID: UUID, caseID: UUID, program: AssistanceProgram, person: PersonRef, region: RegionCode,
                dateOfDeath: CivilDate, months: [YearMonth], amount: Money, causationEventID: UUID?) {
        self.claimID = claimID
        self.caseID = caseID
        self.program = program
        self.person = person
        self.region = region
        self.dateOfDeath = dateOfDeath
        self.months = months
        self.amount = amount
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { caseID.uuidString.lowercased() }
}
