import Contracts

/// The monthly 低保 amount of a household (差额救助 plus 分类施保), exact to the fen.
///
/// Formula (差额救助: the gap between the standard and per-capita income, national rule 《社会救助暂行办法》第十二条;
/// the source documents do not restate it): base = (standard − per-capita income) × members, computed as
/// standard × members − countable income, *exactly* (no per-capita rounding), and raised to
/// minimumPerPerson × members when lower; plus each member's category top-ups.
public struct BenefitAmount: Sendable, Hashable {
    /// A top-up paid for one member.
    public struct TopUp: Sendable, Hashable {
        public let person: PersonRef
        public let category: BenefitCategory
        public let amount: Money
    }

    /// standard × members − countable income.
    public let gap: Money
    /// max(gap, minimumPerPerson × members).
    public let base: Money
    /// Whether the minimum raised the base.
    public let minimumApplied: Bool
    public let topUps: [TopUp]
    /// base + Σ topUps: the monthly household amount.
    public let total: Money

    /// Computes the amount. `members` are the covered persons (the household, or the one
    /// member of a 单人户), `countableIncome` their income after deductions (see ``MeansTest``),
    /// `date` fixes ages for the categories (normally the first day of the paid month).
    ///
    /// Refuses `benefit.income-not-below-standard` when the gap is zero or negative (the household
    /// is not eligible), `benefit.no-members` for an empty list, and `benefit.income-negative`.
    public static func compute(standard: Money, countableIncome: Money, members: [Member], on date: CivilDate,
                               policy: BenefitAmountPolicy) throws(RuleViolation) -> BenefitAmount {
        guard !members.isEmpty else {
            throw RuleViolation.invalid("benefit.no-members", "a benefit covers at least one person")
        }
        guard !countableIncome.isNegative else {
            throw RuleViolation.invalid("benefit.income-negative", "countable income is negative: \(countableIncome)")
        }
        let line = try Exact.times(standard, members.count)
        let gap = try Exact.money { () throws(MoneyError) in try line.subtracting(countableIncome) }
        guard gap > .zero else {
            throw RuleViolation("benefit.income-not-below-standard",
                "countable income \(countableIncome) is not below \(standard) × \(members.count) = \(line)")
        }
        let floor = try Exact.times(policy.minimumPerPerson, members.count)
        let base = max(gap, floor)

        var topUps: [TopUp] = []
        for member in members {
            var candidates: [TopUp] = []
            for category in policy.categories(of: member, on: date) {
                guard let rule = policy.topUps[category] else { continue }
                let amount = try rule.amount(standard: standard)
                if amount > .zero { candidates.append(TopUp(person: member.person, category: category, amount: amount)) }
            }
            switch policy.stacking {
            case .all:
                topUps += candidates
            case .highestOnly:
                // Ties keep the earliest category in BenefitCategory order, for a stable explanation.
                if let best = candidates.max(by: { $0.amount < $1.amount || ($0.amount == $1.amount && $0.category > $1.category) }) {
                    topUps.append(best)
                }
            }
        }
        let total = try Exact.money { () throws(MoneyError) in try base.adding(Money.sum(topUps.map(\.amount))) }
        return BenefitAmount(gap: gap, base: base, minimumApplied: floor > gap, topUps: topUps, total: total)
    }

    /// Convenience: the amount for a means-test decision on a household.
    public static func compute(decision: MeansTestDecision, members: [Member], on date: CivilDate,
                               policy: BenefitAmountPolicy) throws(RuleViolation) -> BenefitAmount {
        try compute(standard: decision.standard, countableIncome: decision.countableIncome, members: members, on: date, policy: policy)
    }
}
