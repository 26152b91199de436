import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import ServiceKit

/// A region's coverage of the two subsidies in a month (``DisabilitySubsidyCoverage``), counted
/// from Assistance's own records and published as `disability-subsidy-coverage-counted` in the same
/// transaction, so the statistics compute 覆盖率 without reading persons. The answer also names
/// the uncovered, for the county to reach (应补尽补).
enum CountDisabilitySubsidyCoverage {
    static func run(region: RegionCode, month: YearMonth, policy: DisabilitySubsidyPolicy, today: CivilDate,
                    dependencies: ServiceDependencies, logger: Logger) async throws -> [DisabilitySubsidyCoverage] {
        try await dependencies.database.transaction(logger: logger) { connection in
            let known = try await DisabilitySubsidyCoverageStore.known(regionPrefix: String(region.significantPrefix), on: connection, logger: logger)
            let paid = try await DisabilitySubsidyCoverageStore.paid(regionPrefix: String(region.significantPrefix), month: month, on: connection, logger: logger)
            let coverage = DisabilitySubsidyCoverage.count(known: known, paid: paid, in: month, policy: policy)
            try await Outbox.append(
                DisabilitySubsidyCoverageCounted(
                    region: region, month: month,
                    programs: coverage.map { DisabilitySubsidyCoverageFigure(program: $0.kind.program, eligible: $0.eligible, covered: $0.covered) },
                    countedOn: today),
                source: dependencies.source, on: connection, logger: logger)
            return coverage
        }
    }
}
