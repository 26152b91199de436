import Foundation

/// `civil.eldercare.allowance-roster-generated.v1`: ElderCare generated a region's monthly
/// advanced-age allowance roster (高龄津贴发放清册).
///
/// Published once per roster, after its `AllowancePaid` events. Keyed by `"<region>:<YYYY-MM>"`,
/// so a re-run roster follows the earlier one. Totals only, no persons.
public struct AllowanceRosterGenerated: DomainEvent {
    public static let eventType = EventType(.eldercare, "allowance-roster-generated", version: 1)

    public var rosterID: UUID
    public var region: RegionCode
    public var month: YearMonth
    /// Older people paid on this roster.
    public var paid: Int
    /// The roster's total, in fen.
    public var total: Money
    /// Allowances of the region not paid by this roster (suspended, stopped, or paid before).
    public var skipped: Int
    public var generatedAt: Date

    public init(rosterID: UUID, region: RegionCode, month: YearMonth, paid: Int, total: Money, skipped: Int, generatedAt: Date) {
        self.rosterID = rosterID
        self.region = region
        self.month = month
        self.paid = paid
        self.total = total
        self.skipped = skipped
        self.generatedAt = generatedAt
    }

    public var aggregateID: String { "\(region.rawValue):\(month.iso)" }
}
