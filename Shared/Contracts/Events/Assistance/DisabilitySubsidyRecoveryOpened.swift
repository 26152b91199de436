import Foundation

/// `civil.assistance.disability-subsidy-recovery-opened.v1`: Assistance opened a claim to recover
/// what a disability subsidy paid beyond what was due (追回).
///
/// Published by Assistance once per claim: in reaction to the Registry's `death-recorded` or
/// `death-record-corrected` (reason `death`, with `dateOfDeath`; the event's id is
/// `causationEventID`) when months after the death month had already been paid, and when a county
/// sets a lower amount from a month already paid (reason `amount-lowered`, with `effectiveFrom`;
/// `causationEventID` is the `disability-subsidy-standard-set`). Keyed by the subsidy id. Finance
/// starts recovery; a later `disability-subsidy-resumed` (the death record annulled) drops a death's
/// claim. Not `overpayment-recovery-opened`: that one names a 低保 case and always a death.
public struct DisabilitySubsidyRecoveryOpened: DomainEvent {
    public static let eventType = EventType(.assistance, "disability-subsidy-recovery-opened", version: 1)

    public var claimID: UUID
    public var subsidyID: UUID
    /// The recipient.
    public var person: PersonRef
    public var region: RegionCode
    public var program: DisabilitySubsidyProgram
    public var reason: DisabilitySubsidyRecoveryReason
    /// With reason `death`: the date of death.
    public var dateOfDeath: CivilDate?
    /// With reason `amount-lowered`: the first month of the lower amount.
    public var effectiveFrom: YearMonth?
    /// The months claimed, in order; at least one.
    public var months: [YearMonth]
    /// The amount to recover for `months`, in fen.
    public var amount: Money
    public var causationEventID: UUID?

    public init(claimID: UUID, subsidyID: UUID, person: PersonRef, region: RegionCode, program: DisabilitySubsidyProgram,
                reason: DisabilitySubsidyRecoveryReason, dateOfDeath: CivilDate?, effectiveFrom: YearMonth?, months: [YearMonth],
                amount: Money, causationEventID: UUID?) {
        self.claimID = claimID
        self.subsidyID = subsidyID
        self.person = person
        self.region = region
        self.program = program
        self.reason = reason
        self.dateOfDeath = dateOfDeath
        self.effectiveFrom = effectiveFrom
        self.months = months
        self.amount = amount
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { subsidyID.uuidString.lowercased() }
}
