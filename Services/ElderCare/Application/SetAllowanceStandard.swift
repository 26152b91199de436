import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import ServiceKit

/// The policy section sets a county's advanced-age allowance tiers from a month on
/// (`allowance-standard-set`). A standard set again for the same month replaces it.
///
/// Refused: a region that is not a county (`allowance.region-not-county`, 400: standards are the
/// county's, its townships follow it); tiers the domain refuses (``AllowanceTier``,
/// ``AllowanceStandard``, ``AllowanceSchedule``: the lowest tier must be the entitlement age);
/// and a month a roster of the county has already paid, or one before it
/// (`allowance.standard-month-rostered`, 409) — service rule: a roster's payments are final, a
/// change takes effect from a month not yet paid, so no month is paid at two rates.
enum SetAllowanceStandard {
    struct Tier: Sendable, Codable {
        var minimumAge: Int
        var monthlyAmountFen: Int64
    }

    static func run(county: RegionCode, effectiveFrom: YearMonth, tiers: [Tier], setBy: String, today: CivilDate,
                    settings: AllowanceSettings, dependencies: ServiceDependencies, logger: Logger) async throws -> AllowanceStandardStore.Stored {
        guard county.level == .county else {
            throw RuleViolation.invalid("allowance.region-not-county", "a standard is a county's: \(county) is not a county code")
        }
        let standard = try AllowanceStandard(effectiveFrom: effectiveFrom, tiers: try tiers.map { tier throws(RuleViolation) in
            try AllowanceTier(minimumAge: tier.minimumAge, monthlyAmount: try RequestParsing.fen(tier.monthlyAmountFen, field: "tiers.monthlyAmountFen"))
        })
        return try await dependencies.database.transaction(logger: logger) { connection in
            try await AllowanceStandardStore.lock(county: county, on: connection, logger: logger)
            let others = try await AllowanceStandardStore.schedule(of: county, on: connection, logger: logger)
                .filter { $0.effectiveFrom != effectiveFrom }
            _ = try settings.schedule(others + [standard])
            if let paid = try await AllowanceStandardStore.rosteredFrom(effectiveFrom, county: county, scheme: AllowanceRoster(settings: settings).name,
                                                                         on: connection, logger: logger) {
                throw RuleViolation("allowance.standard-month-rostered",
                                    "a roster of \(county) has paid \(paid) already; a standard takes effect from a month not yet paid",
                                    kind: .conflict)
            }
            try await AllowanceStandardStore.save(standard, county: county, setOn: today, setBy: setBy, on: connection, logger: logger)
            try await Outbox.append(
                AllowanceStandardSet(region: county, effectiveFrom: effectiveFrom,
                                     tiers: standard.tiers.map { AllowanceTierAmount(minimumAge: $0.minimumAge, monthlyAmount: $0.monthlyAmount) },
                                     setOn: today),
                source: dependencies.source, on: connection, logger: logger)
            return AllowanceStandardStore.Stored(region: county, standard: standard, setOn: today, setBy: setBy)
        }
    }
}
