import Contracts

/// The allowance tiers in force from a month on (a 标准 adopted by the county or province), until
/// the next standard's month.
public struct AllowanceStandard: Sendable, Hashable, Codable {
    public let effectiveFrom: YearMonth
    /// Ascending by age, no age twice, at least one.
    public let tiers: [AllowanceTier]

    /// Refuses no tiers (`allowance.tiers-missing`) and two tiers from one age
    /// (`allowance.tier-age-duplicate`); sorts the tiers by age.
    public init(effectiveFrom: YearMonth, tiers: [AllowanceTier]) throws(RuleViolation) {
        guard !tiers.isEmpty else {
            throw RuleViolation.invalid("allowance.tiers-missing", "a standard has at least one tier")
        }
        let sorted = tiers.sorted { $0.minimumAge < $1.minimumAge }
        for (lower, upper) in zip(sorted, sorted.dropFirst()) where lower.minimumAge == upper.minimumAge {
            throw RuleViolation.invalid("allowance.tier-age-duplicate", "two tiers start at \(lower.minimumAge)")
        }
        self.effectiveFrom = effectiveFrom
        self.tiers = sorted
    }

    /// The youngest age the standard pays.
    public var entitlementAge: Int { tiers.first?.minimumAge ?? Int.max }

    /// The tier for someone of `age`: the highest tier whose age they have reached; nil below the first.
    public func tier(forAge age: Int) -> AllowanceTier? {
        tiers.last { $0.minimumAge <= age }
    }
}
