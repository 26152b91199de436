import AssistanceDomain
import Contracts
import Foundation
import Logging
import RosterStore
import ServiceKit

/// The monthly roster of the disability two subsidies of a region, on the shared roster
/// (``DisabilitySubsidyRoster``): one transaction pays every subsidy due (a
/// `disability-subsidy-paid` each), records the roster and publishes its summary. A re-run pays
/// nobody twice.
enum GenerateDisabilitySubsidyRoster {
    struct Summary: Sendable, Codable {
        /// Nil when a re-run paid nobody new and left no roster.
        var rosterId: UUID?
        var region: String
        var month: String
        var paid: Int
        var totalFen: Int64
        /// Subsidies of the region not paid this time.
        var skipped: Int
        var programs: [ProgramTotal]
        var earlierRosters: [UUID]
    }

    struct ProgramTotal: Sendable, Codable {
        var program: String
        var paid: Int
        var totalFen: Int64
    }

    static func run(region: RegionCode, month: YearMonth, dependencies: ServiceDependencies, logger: Logger) async throws -> Summary {
        let run = try await RosterGeneration.run(DisabilitySubsidyRoster(), region: region, month: month, source: dependencies.source,
                                                 database: dependencies.database, logger: logger)
        return Summary(rosterId: run.rosterID, region: run.region.rawValue, month: run.month.iso, paid: run.payments,
                       totalFen: run.total.fen, skipped: run.skipped,
                       programs: run.programs.map { ProgramTotal(program: $0.program, paid: $0.payments, totalFen: $0.total.fen) },
                       earlierRosters: run.earlierRosters)
    }
}
