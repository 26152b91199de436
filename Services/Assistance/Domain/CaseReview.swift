import Contracts

/// Re-verification of a running case (a periodic review, a change report, a life event): on the
/// household's data asked again, the case continues at a new amount, enters 渐退 (gradual exit,
/// "落实低保渐退、收入扣减等政策", 济民发〔2022〕3号《2022年全市民政工作要点》第6项) when income has risen above the standard, or — for 特困 —
/// ends when the person no longer qualifies ("进退有序", 《景泰县“十四五”民政事业发展规划》第三章（一）2).
public enum CaseReview {
    /// The case as the review leaves it.
    public struct Result: Sendable {
        public var reviewed: BenefitCase
        /// For the review tasks the review closes, e.g. "continued at 477.00 from 2026-06".
        public let outcome: String
        /// Set when the case now ends: `benefit-terminated` is published.
        public let termination: Termination?
    }

    public struct Termination: Sendable, Equatable {
        public let lastCoveredDay: CivilDate
        public let reason: BenefitTerminationReason
    }

    /// Reviews `benefit` (active) on the household's consolidated `members` and the standard in
    /// force. Refuses `case.no-recipient` (a conflict) for a 特困 case whose recipient is no
    /// longer among the members.
    public static func review(_ benefit: BenefitCase, members: [Member], area: UrbanRural, standard: AssistanceStandard,
                              policy: AssistancePolicy, today: CivilDate) throws(RuleViolation) -> Result {
        var reviewed = benefit
        let thisMonth = today.yearMonth
        switch benefit.program {
        case .minimumLivingAllowance, .temporaryAssistance:
            let covered = members.filter { benefit.recipients.contains($0.person) }
            let income = try MeansTest(policy: policy.meansTest).countableIncome(of: covered, area: area)
            if let exit = try GradualExit.begin(countableIncome: income.countable, householdSize: covered.count,
                                                standard: standard.minimumLivingAllowance, determinedIn: thisMonth,
                                                months: policy.gradualExitMonths) {
                reviewed.terms = benefit.terms.ending(after: exit.lastPaidMonth)
                reviewed.status = .exiting
                return Result(
                    reviewed: reviewed,
                    outcome: "gradual exit: income \(income.countable) is no longer below the line; paid until \(exit.lastPaidMonth)",
                    termination: Termination(lastCoveredDay: exit.lastCoveredDay, reason: .incomeAboveStandard))
            }
            let amount = try BenefitAmount.compute(standard: standard.minimumLivingAllowance, countableIncome: income.countable,
                                                   members: covered, on: thisMonth.next.firstDay, policy: policy.amount).total
            guard amount != benefit.terms.monthlyAmount else {
                return Result(reviewed: reviewed, outcome: "continued unchanged", termination: nil)
            }
            reviewed.terms = benefit.terms.changingAmount(to: amount, from: thisMonth.next)
            return Result(reviewed: reviewed, outcome: "continued at \(amount) from \(thisMonth.next)", termination: nil)
        case .extremePoverty:
            guard let person = benefit.recipients.first, let member = members.first(where: { $0.person == person }) else {
                throw RuleViolation("case.no-recipient", "case \(benefit.id) has no recipient left", kind: .conflict)
            }
            let decision = ExtremePovertyEligibility.evaluate(member, hasAbleSupporter: false, on: today, policy: policy.extremePoverty)
            guard !decision.isEligible else {
                return Result(reviewed: reviewed, outcome: "continued: " + decision.bases.map(\.rawValue).joined(separator: ", "),
                              termination: nil)
            }
            reviewed.terms = benefit.terms.ending(after: thisMonth)
            reviewed.status = .exiting
            return Result(reviewed: reviewed, outcome: "ended: " + decision.refusals.map(\.code).joined(separator: ", "),
                          termination: Termination(lastCoveredDay: thisMonth.lastDay, reason: .review))
        }
    }
}
