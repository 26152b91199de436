import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// 两项补贴标准: a county sets the monthly amount of one subsidy from an effective month. In one
/// transaction the amount is stored and every active or exiting subsidy of that county and kind is
/// re-rated from the month (``RerateDisabilitySubsidies``: months already paid are back-paid, or
/// claimed back when the amount is lower), and `disability-subsidy-standard-set` is published. The
/// same amount again writes, re-rates, claims and publishes nothing. A raise below the +10% of 济民发〔2022〕3号 第28项 is answered with the
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
            guard try await DisabilitySubsidyStandardStore.set(standard, on: today, on: connection, logger: logger) else {
                return Outcome(standard: standard, changed: false, growthShortfall: shortfall, rerated: 0)
            }
            // The event's id is known before it is appended: the re-rating's back-payments and claims name it as their cause.
            let eventID = UUID()
            let rerated = try await RerateDisabilitySubsidies.run(for: standard, today: today, cause: eventID, source: dependencies.source,
                                                                  on: connection, logger: logger)
            try await Outbox.append(
                DisabilitySubsidyStandardSet(region: standard.region, program: standard.kind.program, effectiveFrom: standard.effectiveFrom,
                                             monthlyAmount: standard.monthlyAmount, warnings: shortfall.map { [$0.code] } ?? [],
                                             reratedSubsidies: rerated, setOn: today),
                source: dependencies.source, id: eventID, on: connection, logger: logger)
            return Outcome(standard: standard, changed: true, growthShortfall: shortfall, rerated: rerated)
        }
    }
}
