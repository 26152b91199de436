import Foundation

/// `civil.eldercare.allowance-resumed.v1`: a suspended or stopped allowance is paid again, with
/// the months owed meanwhile paid back.
///
/// Reasons: `proof-of-life` (a late proof of life; back-pay as the county's policy says),
/// `death-annulled` (the Registry's `DeathRecordAnnulled`: open recovery claims are cancelled) and
/// `death-corrected` (a later corrected date of death: the months up to it are paid back; an
/// `AllowanceStopped` with the new date follows). Keyed by the allowance id.
public struct AllowanceResumed: DomainEvent {
    public static let eventType = EventType(.eldercare, "allowance-resumed", version: 1)

    public var allowanceID: UUID
    public var person: PersonRef
    public var region: RegionCode
    public var reason: Reason
    /// The first month paid again (for a corrected death: the first month paid back).
    public var resumedFrom: YearMonth
    /// The months paid back now, in order (empty when none).
    public var backPaidMonths: [YearMonth]
    public var backPayAmount: Money
    public var causationEventID: UUID?

    public init(allowanceID: UUID, person: PersonRef, region: RegionCode, reason: Reason, resumedFrom: YearMonth,
                backPaidMonths: [YearMonth], backPayAmount: Money, causationEventID: UUID?) {
        self.allowanceID = allowanceID
        self.person = person
        self.region = region
        self.reason = reason
        self.resumedFrom = resumedFrom
        self.backPaidMonths = backPaidMonths
        self.backPayAmount = backPayAmount
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { allowanceID.uuidString.lowercased() }

    public enum Reason: String, Codable, Sendable, CaseIterable {
        case proofOfLife = "proof-of-life"
        case deathAnnulled = "death-annulled"
        case deathCorrected = "death-corrected"
    }
}
