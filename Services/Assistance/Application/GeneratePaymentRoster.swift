import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import Roster
import ServiceKit

/// The monthly payment roster (发放清册) of a region: one transaction pays every payable case of
/// its counties (a `benefit-paid` each, see ``PaymentRosterStore``), records the roster and
/// publishes its `payment-roster-generated` summary.
enum GeneratePaymentRoster {
    struct Summary: Sendable, Codable {
        /// Nil when a re-run paid nobody new and left no roster.
        var rosterId: UUID?
        var region: String
        var month: String
        var households: Int
        var totalFen: Int64
        /// Open cases of the region not paid this time.
        var skipped: Int
        var programs: [PaymentRosterStore.ProgramTotal]
        /// Rosters already generated for this region and month (a re-run lists the earlier ones).
        var earlierRosters: [UUID]
    }

    static func run(region: RegionCode, month: YearMonth, dependencies: ServiceDependencies, logger: Logger) async throws -> Summary {
        try await dependencies.database.transaction(logger: logger) { connection in
            try await generate(region: region, month: month, source: dependencies.source, on: connection, logger: logger)
        }
    }

    private static func generate(region: RegionCode, month: YearMonth, source: String, on connection: PostgresConnection,
                                 logger: Logger) async throws -> Summary {
        let prefix = PaymentRoster.regionPrefix(of: region)
        let rosterID = UUID()
        try await PaymentRosterStore.serialise(prefix: prefix, month: month, on: connection, logger: logger)
        let earlier = try await PaymentRosterStore.rosterIDs(prefix: prefix, month: month, on: connection, logger: logger)
        let programs = try await PaymentRosterStore.pay(prefix: prefix, month: month, rosterID: rosterID, source: source,
                                                        on: connection, logger: logger)
        let households = programs.reduce(0) { $0 + $1.households }
        let total = programs.reduce(Int64(0)) { $0 + $1.totalFen }
        let open = try await PaymentRosterStore.openCases(prefix: prefix, on: connection, logger: logger)
        let skipped = max(0, open - households)

        // A re-run that pays nobody new leaves no trace: the month's roster is the earlier one.
        guard households > 0 || earlier.isEmpty else {
            return Summary(rosterId: nil, region: region.rawValue, month: month.iso, households: 0, totalFen: 0, skipped: skipped,
                           programs: [], earlierRosters: earlier)
        }
        try await PaymentRosterStore.insert(id: rosterID, region: region, prefix: prefix, month: month, households: households,
                                            total: Money(fen: total), skipped: skipped, on: connection, logger: logger)
        try await Outbox.append(
            PaymentRosterGenerated(
                rosterID: rosterID, region: region, month: month, households: households, total: Money(fen: total),
                programs: programs.map {
                    RosterProgramTotal(program: AssistanceProgram(rawValue: $0.program) ?? .minimumLivingAllowance,
                                       households: $0.households, total: Money(fen: $0.totalFen))
                },
                skipped: skipped, generatedAt: Date()),
            source: source, on: connection, logger: logger)
        logger.info("payment roster generated", metadata: [
            "region": "\(region)", "month": "\(month)", "households": "\(households)", "total.fen": "\(total)"])
        return Summary(rosterId: rosterID, region: region.rawValue, month: month.iso, households: households, totalFen: total,
                       skipped: skipped, programs: programs, earlierRosters: earlier)
    }
}
