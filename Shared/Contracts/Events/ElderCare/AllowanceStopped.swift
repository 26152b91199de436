import Foundation

/// `civil.eldercare.allowance-stopped.v1`: an allowance stops after the holder's death (the
/// Registry's `DeathRecorded`, or a `DeathRecordCorrected` that moves the date).
///
/// The month of death is paid; nothing from `firstUnpaidMonth` on. Months already paid past it are
/// claimed back (`recoveryClaimID`, `recoveryMonths`, `recoveryAmount`; none when nothing was
/// overpaid or an open claim already covers it). Keyed by the allowance id.
public struct AllowanceStopped: DomainEvent {
    public static let eventType = EventType(.eldercare, "allowance-stopped", version: 1)

    public var allowanceID: UUID
    public var person: PersonRef
    public var region: RegionCode
    public var dateOfDeath: CivilDate
    public var firstUnpaidMonth: YearMonth
    public var recoveryClaimID: UUID?
    /// The months claimed back by this stop, in order (empty when none).
    public var recoveryMonths: [YearMonth]
    /// What `recoveryMonths` claim, in fen (zero when none).
    public var recoveryAmount: Money
    /// The Registry event that caused the stop.
    public var causationEventID: UUID?

    public init(allowanceID: UUID, person: PersonRef, region: RegionCode, dateOfDeath: CivilDate, firstUnpaidMonth: YearMonth,
                recoveryClaimID: UUID?, recoveryMonths: [YearMonth], recoveryAmount: Money, causationEventID: UUID?) {
        self.allowanceID = allowanceID
        self.person = person
        self.region = region
        self.dateOfDeath = dateOfDeath
        self.firstUnpaidMonth = firstUnpaidMonth
        self.recoveryClaimID = recoveryClaimID
        self.recoveryMonths = recoveryMonths
        self.recoveryAmount = recoveryAmount
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { allowanceID.uuidString.lowercased() }
}
