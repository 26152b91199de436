import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO
import ServiceKit

/// 两项补贴标准: a county sets the monthly amount of one subsidy from an effective month. In one
/// transaction the amount is stored and every active or exiting subsidy of that county and kind is
/// re-rated from the month (``RerateDisabilitySubsidies``). The same amount again writes and
/// re-rates nothing. A raise below the +10% of 济民发〔2022〕3号 第28项 is answered with the
/// shortfall, never refused (``DisabilitySubsidySchedule/growthShortfall(of:floor:)``).
enum PublishDisabilitySubsidyStandard {
    struct Outcome: Sendable {
        let standard: DisabilitySubsidyStandard
        /// False when the county already had this amount from this month.
        let changed: Bool
        let growthShortfall: DisabilityGrowthShortfall?
        /// Subsidies whose amount changed.
        let rerated: Int
    }

    static func run(_ standard: DisabilitySubsidyStandard, today: CivilDate, dependencies: ServiceDependencies,
                    logger: Logger) async throws -> Outcome {
        try await dependencies.database.transaction(logger: logger) { connection in
            let before = try await DisabilitySubsidyStandardStore.schedule(region: standard.region, kind: standard.kind,
                                                                           on: connection, logger: logger)
            let shortfall = try before.growthShortfall(of: standard, floor: DisabilityGrowthShortfall.tenPercent)
            let changed = try await DisabilitySubsidyStandardStore.set(standard, on: today, on: connection, logger: logger)
            let rerated = changed
                ? try await RerateDisabilitySubsidies.run(for: standard, today: today, on: connection, logger: logger)
                : 0
            return Outcome(standard: standard, changed: changed, growthShortfall: shortfall, rerated: rerated)
        }
    }
}
