import Foundation

/// `civil.assistance.payment-roster-generated.v1`: Assistance generated a county's monthly payment
/// roster (发放花名册) for the paying bank.
///
/// Published by Assistance once per region and month, after the roster's `BenefitPaid` events.
/// Keyed by `"<region>:<YYYY-MM>"` (e.g. `"620423:2026-04"`), so a regenerated roster follows the
/// earlier one. Carries totals only, no persons. Consumed by ministry dashboards and finance
/// reconciliation (households and totals per program).
public struct PaymentRosterGenerated: DomainEvent {
    public static let eventType = EventType(.assistance, "payment-roster-generated", version: 1)

    public var rosterID: UUID
    /// The county the roster pays.
    public var region: RegionCode
    /// The month paid for.
    public var month: YearMonth
    /// Households paid on the roster, all programs.
    public var households: Int
    /// The roster's total, in fen; the sum of the programs' totals.
    public var total: Money
    /// Households and total per program; programs with no households are left out.
    public var programs: [RosterProgramTotal]
    /// Cases left off the roster (suspended, or failing a payment check).
    public var skipped: Int
    public var generatedAt: Date
    /// Households and total per urban/rural area and program (the programs' totals split by the
    /// standard the households are paid on); absent from payloads of releases before it.
    public var areas: [RosterAreaTotal]?

    public init(rosterID: UUID, region: RegionCode, month: YearMonth, households: Int, total: Money,
                programs: [RosterProgramTotal], skipped: Int, generatedAt: Date, areas: [RosterAreaTotal]? = nil) {
        self.rosterID = rosterID
        self.region = region
        self.month = month
        self.households = households
        self.total = total
        self.programs = programs
        self.skipped = skipped
        self.generatedAt = generatedAt
        self.areas = areas
    }

    public var aggregateID: String { "\(region.rawValue):\(month.iso)" }
}
