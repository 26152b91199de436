import AssistanceDomain
import Contracts
import Foundation
import Logging
import RosterStore
import ServiceKit

/// The monthly payment roster (发放清册) of a region, on the shared roster (``AssistanceRoster``):
/// one transaction pays every payable case of its counties (a `benefit-paid` each), records the
/// roster and publishes its `payment-roster-generated` summary.
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
        var programs: [ProgramTotal]
        /// Rosters already generated for this region and month (a re-run lists the earlier ones).
        var earlierRosters: [UUID]
    }

    /// Households paid and their total, for one program.
    struct ProgramTotal: Sendable, Codable {
        var program: String
        var households: Int
        var totalFen: Int64
    }

    static func run(region: RegionCode, month: YearMonth, dependencies: ServiceDependencies, logger: Logger) async throws -> Summary {
        Summary(try await RosterGeneration.run(AssistanceRoster(), region: region, month: month, source: dependencies.source,
                                               database: dependencies.database, logger: logger))
    }
}

extension GeneratePaymentRoster.Summary {
    init(_ run: RosterRun) {
        self.init(rosterId: run.rosterID, region: run.region.rawValue, month: run.month.iso, households: run.payments,
                  totalFen: run.total.fen, skipped: run.skipped,
                  programs: run.programs.map {
                      GeneratePaymentRoster.ProgramTotal(program: $0.program, households: $0.payments, totalFen: $0.total.fen)
                  },
                  earlierRosters: run.earlierRosters)
    }
}
