import Contracts

/// Re-rating (提标): a newly published standard reaches the cases already paid on the one before.
///
/// Seed 004 L10 raises 低保 "2023年1月起" for every recipient, seed 001 L20 asks for yearly raises of
/// 低保 and 特困 (and seed 004 L12 extends a subsidy "从2023年7月起"): a raise is owed to existing
/// recipients from the month it takes effect, not only to cases approved afterwards. The rules
/// (of this service; the seeds say only when a standard takes effect):
///
/// - Only active cases are re-rated, within the months the standard governs (``Window``): from its
///   effective month, or the case's first month if later, until the next standard of the county and
///   area takes effect, the case ends (渐退) or is suspended.
/// - Each part of that span is recomputed on the new standard with the household covered then: the
///   recipients now, and a member who died later in the span until their death
///   (``BenefitCase/departed``). A household no longer below the line keeps its amount (a review
///   decides, as after a death).
/// - A lower standard (a correction) is not applied to months already paid (`paidThrough`): what was
///   paid in good faith is not claimed back.
/// - Nothing changes when the recomputed amounts are those already scheduled: a repeated
///   publication re-rates nobody twice.
public enum CaseRerating {
    /// The months a standard governs: from `from` until, not including, `until` (the next standard's
    /// effective month; nil while there is none).
    public struct Window: Sendable, Hashable {
        public let from: YearMonth
        public let until: YearMonth?

        public init(from: YearMonth, until: YearMonth?) {
            self.from = from
            self.until = until
        }
    }

    /// A case re-rated.
    public struct Decision: Sendable, Hashable {
        /// The case's terms with the new amount steps.
        public let terms: CaseTerms
        /// The first month whose amount changed.
        public let from: YearMonth
        /// The amount scheduled for `from` before, and after.
        public let previousAmount: Money
        public let newAmount: Money
    }

    /// The amount a household (`covered`, the people the case pays for from `month`) qualifies for
    /// on the new standard; nil when it no longer does.
    public typealias Amount = (_ covered: [PersonRef], _ month: YearMonth) throws(RuleViolation) -> Money?

    /// Re-rates `benefit` for the standard that governs `window`; nil when nothing changes.
    /// `paidThrough` is the last month a roster has run for (nil: none).
    public static func rerate(_ benefit: BenefitCase, window: Window, paidThrough: YearMonth?,
                              amount: Amount) throws(RuleViolation) -> Decision? {
        guard benefit.status == .active else { return nil }
        let terms = benefit.terms
        let start = max(window.from, terms.firstMonth)
        let ends = [window.until, terms.lastMonth?.next, terms.suspendedFrom].compactMap { $0 }
        let end = ends.min()
        if let end, end <= start { return nil }
        func inside(_ month: YearMonth) -> Bool { month > start && (end.map { month < $0 } ?? true) }

        // Where the amount may change within the span: the case's own steps, later deaths, and the
        // first month not yet paid (a lower figure starts there).
        var boundaries: Set<YearMonth> = [start]
        boundaries.formUnion(terms.steps.map(\.from).filter(inside))
        boundaries.formUnion(benefit.departed.filter { !$0.soleRecipient }.map(\.fromMonth).filter(inside))
        if let paidThrough, inside(paidThrough.next) { boundaries.insert(paidThrough.next) }

        var rerated: [CaseTerms.Step] = []
        var first: (from: YearMonth, previous: Money, new: Money)?
        for month in boundaries.sorted() {
            let covered = benefit.recipients + benefit.departed.filter { !$0.soleRecipient && $0.fromMonth > month }.map(\.person)
            let scheduled = terms.amount(in: month)
            var recomputed = try amount(covered, month) ?? scheduled
            if recomputed < scheduled, let paidThrough, month <= paidThrough { recomputed = scheduled }
            if recomputed != scheduled, first == nil { first = (month, scheduled, recomputed) }
            rerated.append(CaseTerms.Step(from: month, amount: recomputed))
        }
        guard let first else { return nil }

        var steps = terms.steps.filter { $0.from < start } + rerated
        if let end {
            // After the span the schedule goes on as it was.
            steps += terms.steps.filter { $0.from > end }
            steps.append(CaseTerms.Step(from: end, amount: terms.amount(in: end)))
        }
        return Decision(terms: CaseTerms(firstMonth: terms.firstMonth, lastMonth: terms.lastMonth, steps: merged(steps),
                                         suspendedFrom: terms.suspendedFrom),
                        from: first.from, previousAmount: first.previous, newAmount: first.new)
    }

    /// Steps in month order without those that repeat the amount before them.
    static func merged(_ steps: [CaseTerms.Step]) -> [CaseTerms.Step] {
        var result: [CaseTerms.Step] = []
        for step in steps.sorted(by: { $0.from < $1.from }) where result.last?.amount != step.amount {
            result.append(step)
        }
        return result
    }
}

extension CaseRerating {
    /// What a case's household qualifies for from `month` on `standard`, computed as approval does
    /// (``BenefitGrant``): 低保 on the covered members' countable income (nil once it is no longer
    /// below the line), 特困 the basic standard plus the care standard of the person's tier.
    public static func amount(program: AssistanceProgram, covered: [Member], area: UrbanRural, selfCareAbility: SelfCareAbility?,
                              standard: AssistanceStandard, month: YearMonth, policy: AssistancePolicy) throws(RuleViolation) -> Money? {
        guard !covered.isEmpty else { return nil }
        switch program {
        case .extremePoverty:
            guard let care = selfCareAbility.flatMap(standard.careStandard(for:)) else { return standard.extremePovertyBasic }
            return try Exact.money { () throws(MoneyError) in try standard.extremePovertyBasic.adding(care) }
        case .minimumLivingAllowance, .temporaryAssistance:
            return try BenefitAmount.remainingHousehold(covered, area: area, standard: standard, from: month, policy: policy)
        }
    }
}
