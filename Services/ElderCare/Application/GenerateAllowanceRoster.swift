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
    /// The shared ``RosterSummary`` and what this run granted and suspended besides. The
    /// allowance's API lists no `programs` (it has one), so the summary leaves them out.
    struct Summary: Sendable {
        var roster: RosterSummary
        /// Allowances granted by this run.
        var granted: Int
        /// Allowances suspended by this run for a missing proof of life.
        var suspended: Int

        init(_ run: RosterRun, granted: Int, suspended: Int) {
            roster = RosterSummary(run, paymentsField: .paid)
            roster.programs = nil
            self.granted = granted
            self.suspended = suspended
        }
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
            return Summary(run, granted: granted, suspended: suspended)
        }
    }
}

extension GenerateAllowanceRoster.Summary: Encodable {
    private enum CodingKeys: String, CodingKey {
        case granted, suspended
    }

    /// The summary's fields and the two counts side by side in one object, as the API documents.
    func encode(to encoder: any Encoder) throws {
        try roster.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(granted, forKey: .granted)
        try container.encode(suspended, forKey: .suspended)
    }
}
