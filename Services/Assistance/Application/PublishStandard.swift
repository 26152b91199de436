import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// 保障标准: a county's standards are validated against the standard in force the year before
/// and the city minimum (``StandardPublication``), stored and published as `standard-published`,
/// and the active cases paid on the county's standard of that area re-rated from its effective
/// month (``RerateCases``), in one transaction.
enum PublishStandard {
    static func run(_ standard: AssistanceStandard, override: StandardOverride?, consumptionGrowth: ConsumptionGrowth? = nil,
                    publishedOn: CivilDate, today: CivilDate, policy: AssistancePolicy,
                    dependencies: ServiceDependencies, logger: Logger) async throws -> StandardStore.Published {
        try await dependencies.database.transaction(logger: logger) { connection in
            // 上年度: what the county paid at the end of the previous year, which is that year's
            // last standard or, when it published none, the latest before it.
            let previous = standard.year > 1
                ? try await StandardStore.latest(region: standard.region, upTo: standard.effectiveFrom.adding(months: -standard.effectiveFrom.month),
                                                 area: standard.area, on: connection, logger: logger)
                : nil
            let cityMinimum = try await StandardStore.cityMinimum(year: standard.year, area: standard.area, on: connection, logger: logger)
            let review = try StandardPublication.validate(
                new: standard, previousYear: previous, cityMinimum: cityMinimum,
                growthFloors: policy.growthFloors, consumptionGrowth: consumptionGrowth, override: override,
                baseline: policy.extremePovertyBaseline)
            let published = StandardStore.Published(standard: standard, warnings: review.warningCodes,
                                                     growthShortfalls: review.growthShortfalls, consumptionGrowth: consumptionGrowth,
                                                     overrideReason: review.overrideApplied?.reason, publishedOn: publishedOn)
            try await StandardStore.upsert(published, on: connection, logger: logger)
            let envelope = try await Outbox.append(
                StandardPublished(
                    region: standard.region, year: standard.year, area: standard.area.contract,
                    minimumLivingAllowance: standard.minimumLivingAllowance, extremePovertyBasic: standard.extremePovertyBasic,
                    extremePovertyCare: standard.extremePovertyCare.sorted { $0.key.rawValue < $1.key.rawValue }
                        .map { CareStandard(tier: $0.key.contract, amount: $0.value) },
                    warnings: published.warnings, overrideReason: published.overrideReason, publishedOn: publishedOn,
                    growthShortfalls: published.growthShortfalls.map(\.contract), consumptionGrowthPermille: consumptionGrowth?.permille,
                    effectiveFrom: standard.effectiveFrom),
                source: dependencies.source, on: connection, logger: logger)
            try await RerateCases.run(for: standard, policy: policy, today: today, cause: envelope.id, source: dependencies.source,
                                      on: connection, logger: logger)
            return published
        }
    }

    /// `PUT /city-minimum-standards/{year}/{area}`: the city's minimum guidance for 低保, which
    /// later publications are checked against; a new figure is published as
    /// `city-minimum-standard-set`, the same figure again changes and publishes nothing.
    static func setCityMinimum(_ minimum: CityMinimumStandard, today: CivilDate, dependencies: ServiceDependencies,
                               logger: Logger) async throws {
        try await dependencies.database.transaction(logger: logger) { connection in
            guard case .set(let previous) = try await StandardStore.setCityMinimum(minimum, on: connection, logger: logger) else { return }
            try await Outbox.append(
                CityMinimumStandardSet(year: minimum.year, area: minimum.area.contract,
                                       minimumLivingAllowance: minimum.minimumLivingAllowance, previous: previous, setOn: today),
                source: dependencies.source, on: connection, logger: logger)
        }
    }
}
