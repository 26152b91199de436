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
    static func run(region: RegionCode, month: YearMonth, dependencies: ServiceDependencies, logger: Logger) async throws -> RosterSummary {
        RosterSummary(try await RosterGeneration.run(AssistanceRoster(), region: region, month: month, source: dependencies.source,
                                                     database: dependencies.database, logger: logger),
                      paymentsField: .households)
    }
}
