import Contracts

/// One tier of the advanced-age allowance (高龄津贴): the monthly amount, in fen, from an age on.
///
/// Seed 002 L12: "提高老年人高龄津贴标准，为80岁及以上老年人发放高龄津贴" — the age, and that the standard
/// changes; the tiers (commonly 80–89, 90–99, 100+) and their amounts are each county's or
/// province's. Seed 004 L15 gives Chengdu's scale: 2.81亿元 to 49.15万 elderly in the first half of
/// 2023, about 95 yuan a person a month (derived, not a stated amount).
public struct AllowanceTier: Sendable, Hashable, Codable {
    /// The tier applies from this age (周岁) up to the next tier's.
    public let minimumAge: Int
    public let monthlyAmount: Money

    /// Refuses an age under 60 (`allowance.tier-age-invalid`) and an amount that is not positive
    /// (`allowance.tier-amount-invalid`).
    public init(minimumAge: Int, monthlyAmount: Money) throws(RuleViolation) {
        guard minimumAge >= OlderPerson.minimumAge else {
            throw RuleViolation.invalid("allowance.tier-age-invalid", "an allowance tier starts at 60 or later, not \(minimumAge)")
        }
        guard monthlyAmount > .zero else {
            throw RuleViolation.invalid("allowance.tier-amount-invalid", "a tier pays a positive amount, not \(monthlyAmount)")
        }
        self.minimumAge = minimumAge
        self.monthlyAmount = monthlyAmount
    }
}
