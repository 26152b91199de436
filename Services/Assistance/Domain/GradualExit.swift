import Contracts

/// 渐退 (gradual exit): when a recipient household's income rises above the standard, the benefit
/// continues for a configured number of months before it ends.
///
/// Source: "落实低保渐退、收入扣减等政策" (济民发〔2022〕3号《2022年全市民政工作要点》第6项); the default of 6 months is the service's (the
/// documents give no length).
/// Convention: the month in which the rise is *established* (by review or change report) is paid
/// normally; the benefit then continues for `months` further months, so the last paid month is
/// determinedIn + months. With 0 months the determination month is the last one paid.
public struct GradualExit: Sendable, Hashable, Codable {
    /// The month in which the income rise was established.
    public let determinedIn: YearMonth
    public let months: Int

    /// Refuses a negative number of months (`gradual-exit.months-invalid`).
    public init(determinedIn: YearMonth, months: Int = 6) throws(RuleViolation) {
        guard months >= 0 else {
            throw RuleViolation.invalid("gradual-exit.months-invalid", "a gradual exit lasts zero or more months, got \(months)")
        }
        self.determinedIn = determinedIn
        self.months = months
    }

    /// The last month paid.
    public var lastPaidMonth: YearMonth { determinedIn.adding(months: months) }

    /// The continuation months (after the determination month), in order.
    public var continuationMonths: [YearMonth] {
        (0..<months).map { determinedIn.adding(months: $0 + 1) }
    }

    /// Whether `month` is still paid under this exit (months after the last paid month are not).
    public func isPaid(_ month: YearMonth) -> Bool { month <= lastPaidMonth }

    /// The last day covered (for `benefit-terminated.lastCoveredDay`).
    public var lastCoveredDay: CivilDate { lastPaidMonth.lastDay }

    /// Starts a gradual exit if the household's countable income is no longer below the line
    /// (standard × size, compared exactly); nil while it is still below, i.e. nothing to do.
    public static func begin(countableIncome: Money, householdSize: Int, standard: Money,
                             determinedIn: YearMonth, months: Int = 6) throws(RuleViolation) -> GradualExit? {
        guard householdSize > 0 else {
            throw RuleViolation.invalid("gradual-exit.household-empty", "household size must be positive")
        }
        let line = try Exact.times(standard, householdSize)
        guard countableIncome >= line else { return nil }
        return try GradualExit(determinedIn: determinedIn, months: months)
    }
}
