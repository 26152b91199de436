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
    /// The programs' payments split by the scheme's ``RosterScheme/totalsPart``, by program and
    /// part; empty when the scheme has none.
    public var parts: [PartTotal] = []
    /// Open beneficiaries of the region not paid by this run (suspended, ended, or paid before).
    public var skipped: Int
    /// Rosters generated earlier for this scheme, region and month, oldest first.
    public var earlierRosters: [UUID]
}

extension RosterRun {
    /// One part of a program's payments on a run (``RosterScheme/totalsPart``).
    public struct PartTotal: Sendable, Hashable {
        public var program: String
        /// The part's value; nil for payments the expression gave no value.
        public var part: String?
        public var payments: Int
        public var total: Money

        public init(program: String, part: String?, payments: Int, total: Money) {
            self.program = program
            self.part = part
            self.payments = payments
            self.total = total
        }
    }
}
