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
    static func run(region: RegionCode, month: YearMonth, dependencies: ServiceDependencies, logger: Logger) async throws -> RosterSummary {
        RosterSummary(try await RosterGeneration.run(DisabilitySubsidyRoster(), region: region, month: month, source: dependencies.source,
                                                     database: dependencies.database, logger: logger),
                      paymentsField: .paid)
    }
}
