import Contracts
import Foundation
import Logging
import PostgresNIO
import Roster
import RosterStore
import ServiceKit

/// A region's monthly advanced-age allowance roster (高龄津贴发放清册), on the shared roster
/// (``AllowanceRoster``), in one transaction:
///
/// 1. grants the allowance to everyone due that month who has none yet (`allowance-granted`, once
///    per person: the grant is made by the first roster that owes the person something, so it
///    always precedes their first payment and never announces an allowance nobody pays);
/// 2. when the county requires a proof of life, marks those no proof covers as suspended
///    (`allowance-suspended`, once per suspension);
/// 3. pays everyone due and covered (`allowance-paid` each) and records the roster
///    (`allowance-roster-generated`) — ``RosterGeneration/generate(_:region:month:source:on:logger:)``.
///
/// Runs of one region and month wait for each other (the roster's own lock, taken first here so
/// that the grants are serialised too); a re-run pays and grants nobody twice.
enum GenerateAllowanceRoster {
    struct Summary: Sendable, Codable {
        /// Nil when a re-run paid nobody new and left no roster.
        var rosterId: UUID?
        var region: String
        var month: String
        var paid: Int
        var totalFen: Int64
        /// Allowances of the region not paid this time.
        var skipped: Int
        /// Allowances granted by this run.
        var granted: Int
        /// Allowances suspended by this run for a missing proof of life.
        var suspended: Int
        /// Rosters already generated for this region and month.
        var earlierRosters: [UUID]
    }

    static func run(region: RegionCode, month: YearMonth, settings: AllowanceSettings, today: CivilDate, dependencies: ServiceDependencies,
                    logger: Logger) async throws -> Summary {
        let scheme = AllowanceRoster(settings: settings)
        let prefix = PaymentRoster.regionPrefix(of: region)
        let source = dependencies.source
        return try await dependencies.database.transaction(logger: logger) { connection in
            // The key RosterGeneration serialises on; advisory locks are re-entrant within the transaction.
            let key = "roster:\(scheme.name):\(prefix):\(month.iso)"
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(key)))", logger: logger)
            let granted = try await scheme.grant(regionPrefix: prefix, month: month, today: today, source: source, on: connection, logger: logger)
            let suspended = try await scheme.suspendUncovered(regionPrefix: prefix, month: month, source: source, on: connection, logger: logger)
            let run = try await RosterGeneration.generate(scheme, region: region, month: month, source: source, on: connection, logger: logger)
            return Summary(rosterId: run.rosterID, region: run.region.rawValue, month: run.month.iso, paid: run.payments, totalFen: run.total.fen,
                           skipped: run.skipped, granted: granted, suspended: suspended, earlierRosters: run.earlierRosters)
        }
    }
}
