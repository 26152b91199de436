import Foundation

/// `civil.assistance.disability-subsidy-roster-generated.v1`: Assistance generated a region's
/// monthly roster of the disability two subsidies (残疾人两项补贴发放清册).
///
/// A type of its own, not `payment-roster-generated`: that event's programs are the
/// `AssistanceProgram`s of benefit cases, and adding the subsidies there would break its consumers.
/// Published once per roster, after its `DisabilitySubsidyPaid` events. Keyed by
/// `"<region>:<YYYY-MM>"`, so a re-run roster follows the earlier one. Totals only, no persons.
public struct DisabilitySubsidyRosterGenerated: DomainEvent {
    public static let eventType = EventType(.assistance, "disability-subsidy-roster-generated", version: 1)

    public var rosterID: UUID
    public var region: RegionCode
    public var month: YearMonth
    /// Subsidies paid on this roster.
    public var paid: Int
    /// The roster's total, in fen.
    public var total: Money
    /// Per subsidy: how many paid and their total.
    public var programs: [DisabilitySubsidyRosterTotal]
    /// Subsidies of the region not paid by this roster (stopped, ended, not started, or paid before).
    public var skipped: Int
    public var generatedAt: Date

    public init(rosterID: UUID, region: RegionCode, month: YearMonth, paid: Int, total: Money, programs: [DisabilitySubsidyRosterTotal],
                skipped: Int, generatedAt: Date) {
        self.rosterID = rosterID
        self.region = region
        self.month = month
        self.paid = paid
        self.total = total
        self.programs = programs
        self.skipped = skipped
        self.generatedAt = generatedAt
    }

    public var aggregateID: String { "\(region.rawValue):\(month.iso)" }
}

/// One subsidy's share of a disability-subsidy roster.
public struct DisabilitySubsidyRosterTotal: Codable, Sendable, Hashable {
    public var program: DisabilitySubsidyProgram
    public var paid: Int
    public var total: Money

    public init(program: DisabilitySubsidyProgram, paid: Int, total: Money) {
        self.program = program
        self.paid = paid
        self.total = total
    }
}
