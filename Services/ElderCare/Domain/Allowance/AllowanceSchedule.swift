import Contracts

/// The allowance's standards over time, and how a birthday turns into a first month.
///
/// - Entitlement from 80: seed 002 L12 ("为80岁及以上老年人发放高龄津贴"); every standard's lowest tier
///   must be the schedule's ``entitlementAge`` (a county that pays from 70 sets 70).
/// - A tier change takes effect from a month: the standard with the latest `effectiveFrom` not
///   after the month applies; before the first standard nothing is paid.
/// - Ages count from the month after the birthday (``FirstMonthRule/monthAfterBirthday``): the
///   allowance starts in the month after the 80th birthday, and the 90-99 tier in the month after
///   the 90th. Service rule: the seeds are silent; "次月起发放" is the common provincial wording,
///   and Assistance starts benefits on the first of the month after approval too. A county that
///   pays for the birthday month sets ``FirstMonthRule/birthdayMonth``.
public struct AllowanceSchedule: Sendable, Hashable, Codable {
    public enum FirstMonthRule: String, Sendable, Hashable, Codable {
        /// An age counts from the month after the birthday.
        case monthAfterBirthday = "month-after-birthday"
        /// An age counts from the birthday's month.
        case birthdayMonth = "birthday-month"
    }

    /// 80 by default (seed 002 L12).
    public static let defaultEntitlementAge = 80

    public let entitlementAge: Int
    public let firstMonthRule: FirstMonthRule
    /// Ascending by `effectiveFrom`, one per month at most.
    public let standards: [AllowanceStandard]

    /// Refuses no standard (`allowance.standards-missing`), two standards from one month
    /// (`allowance.standard-month-duplicate`) and a standard whose lowest tier is not the
    /// entitlement age (`allowance.tier-not-at-entitlement-age`).
    public init(entitlementAge: Int = defaultEntitlementAge, firstMonthRule: FirstMonthRule = .monthAfterBirthday,
                standards: [AllowanceStandard]) throws(RuleViolation) {
        guard !standards.isEmpty else {
            throw RuleViolation.invalid("allowance.standards-missing", "an allowance schedule has at least one standard")
        }
        let sorted = standards.sorted { $0.effectiveFrom < $1.effectiveFrom }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.effectiveFrom == later.effectiveFrom {
            throw RuleViolation.invalid("allowance.standard-month-duplicate", "two standards take effect in \(earlier.effectiveFrom)")
        }
        if let wrong = sorted.first(where: { $0.entitlementAge != entitlementAge }) {
            throw RuleViolation.invalid("allowance.tier-not-at-entitlement-age",
                                        "the standard of \(wrong.effectiveFrom) starts at \(wrong.entitlementAge), not \(entitlementAge)")
        }
        self.entitlementAge = entitlementAge
        self.firstMonthRule = firstMonthRule
        self.standards = sorted
    }

    /// The standard in force in `month`, nil before the first.
    public func standard(in month: YearMonth) -> AllowanceStandard? {
        standards.last { $0.effectiveFrom <= month }
    }

    /// The age the schedule counts for someone born on `birth` in `month`.
    public func countedAge(bornOn birth: CivilDate, in month: YearMonth) -> Int {
        let day = firstMonthRule == .monthAfterBirthday ? month.previous.lastDay : month.lastDay
        return Self.age(bornOn: birth, on: day)
    }

    /// The first month in which someone born on `birth` has reached `age` as the schedule counts.
    public func firstMonth(reaching age: Int, bornOn birth: CivilDate) -> YearMonth {
        let birthday = Birthday.reaching(age, bornOn: birth).yearMonth
        return firstMonthRule == .monthAfterBirthday ? birthday.next : birthday
    }

    /// Completed years on `date`, as ``ResidentID/age(on:)`` counts them.
    static func age(bornOn birth: CivilDate, on date: CivilDate) -> Int {
        var years = date.year - birth.year
        if (date.month, date.day) < (birth.month, birth.day) { years -= 1 }
        return years
    }
}
