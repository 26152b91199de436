import Foundation

/// `civil.eldercare.allowance-paid.v1`: one person's advanced-age allowance for one month was paid
/// on an allowance roster.
///
/// Published by ElderCare for every payment of a generated roster (`AllowanceRosterGenerated`,
/// same `rosterID`); PostgreSQL builds the payload. Keyed by the allowance id.
public struct AllowancePaid: DomainEvent {
    public static let eventType = EventType(.eldercare, "allowance-paid", version: 1)

    public var rosterID: UUID
    public var allowanceID: UUID
    public var person: PersonRef
    public var region: RegionCode
    /// The month paid for.
    public var month: YearMonth
    /// The tier's amount for the month, in fen.
    public var amount: Money

    public init(rosterID: UUID, allowanceID: UUID, person: PersonRef, region: RegionCode, month: YearMonth, amount: Money) {
        self.rosterID = rosterID
        self.allowanceID = allowanceID
        self.person = person
        self.region = region
        self.month = month
        self.amount = amount
    }

    public var aggregateID: String { allowanceID.uuidString.lowercased() }
}
