import Contracts
import Foundation
import Roster

/// What one roster run did for a region and month.
public struct RosterRun: Sendable {
    /// The roster recorded; nil when a re-run paid nobody new and so left no roster.
    public var rosterID: UUID?
    public var region: RegionCode
    public var month: YearMonth
    /// Payments made by this run, all programs.
    public var payments: Int
    public var total: Money
    /// Programs with payments on this run, by name.
    public var programs: [PaymentRoster.ProgramTotal]
    /// Open beneficiaries of the region not paid by this run (suspended, ended, or paid before).
    public var skipped: Int
    /// Rosters generated earlier for this scheme, region and month, oldest first.
    public var earlierRosters: [UUID]
}
