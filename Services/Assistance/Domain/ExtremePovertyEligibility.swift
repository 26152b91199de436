import Contracts

/// 特困 (extreme-poverty support) eligibility: the "三无" conditions plus a qualifying category.
///
/// Rules: no work capacity, no income, no one able to support them (无法定赡养、抚养、扶养义务人, or
/// the obligors cannot); and aged 60+, severely disabled (grade 1–2), or under 18 (national rule,
/// 《社会救助暂行办法》第十四条; the source documents do not restate it). The age limit for minors is 18, not 16:
/// "将特困人员救助供养覆盖的未成年人年龄从16周岁延长至18周岁" (《景泰县“十四五”民政事业发展规划》第三章（一）2). A minor leaves on the 18th
/// birthday, which raises a review.
public enum ExtremePovertyEligibility {
    /// Why a person qualifies.
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        case elderly
        case severelyDisabled = "severely-disabled"
        case minor
    }

    /// Local configuration.
    public struct Policy: Sendable, Hashable, Codable {
        public var elderlyAge: Int
        public var minorAgeLimit: Int
        /// Income up to this amount per month counts as "no income" (default zero).
        public var incomeTolerance: Money
        /// Minors are deemed unable to work whatever the record says (default true): the extension
        /// from 16 to 18 covers 16–17-year-olds who could legally work.
        public var minorsDeemedUnableToWork: Bool

        public init(elderlyAge: Int = 60, minorAgeLimit: Int = 18, incomeTolerance: Money = .zero,
                    minorsDeemedUnableToWork: Bool = true) {
            self.elderlyAge = elderlyAge
            self.minorAgeLimit = minorAgeLimit
            self.incomeTolerance = incomeTolerance
            self.minorsDeemedUnableToWork = minorsDeemedUnableToWork
        }
    }

    /// A review due when a minor recipient turns 18.
    public struct Review: Sendable, Hashable {
        public let person: PersonRef
        /// The 18th birthday: the first day not covered as a minor.
        public let dueOn: CivilDate
        /// True when being a minor is the only basis, so coverage ends on `dueOn` unless the
        /// review finds another basis; false when another basis (e.g. severe disability) remains.
        public let endsEligibility: Bool
    }

    /// The result of an eligibility check.
    public struct Decision: Sendable, Equatable {
        /// Every qualifying basis, in ``Basis`` order; empty when ineligible.
        public let bases: [Basis]
        /// Every failed condition, as refusals with stable codes; empty when eligible.
        public let refusals: [RuleViolation]
        /// For an eligible minor: the review on the 18th birthday.
        public let review: Review?

        public var isEligible: Bool { refusals.isEmpty }
    }

    /// Checks every condition and reports all failures.
    ///
    /// Codes: `extreme-poverty.has-work-capacity`, `extreme-poverty.has-income`,
    /// `extreme-poverty.has-able-supporter`, `extreme-poverty.no-qualifying-category`.
    public static func evaluate(_ member: Member, hasAbleSupporter: Bool, on today: CivilDate,
                                policy: Policy = Policy()) -> Decision {
        let age = member.age(on: today)
        var bases: [Basis] = []
        if age >= policy.elderlyAge { bases.append(.elderly) }
        if member.isSeverelyDisabled { bases.append(.severelyDisabled) }
        let isMinor = age < policy.minorAgeLimit
        if isMinor { bases.append(.minor) }

        var refusals: [RuleViolation] = []
        if member.workCapacity.canWork && !(isMinor && policy.minorsDeemedUnableToWork) {
            refusals.append(RuleViolation("extreme-poverty.has-work-capacity",
                "work capacity is \(member.workCapacity.rawValue); 特困 requires none"))
        }
        let income = member.incomes.reduce(Int128(0)) { $0 + Int128($1.monthlyAmount.fen) }
        if income > Int128(policy.incomeTolerance.fen) {
            refusals.append(RuleViolation("extreme-poverty.has-income",
                "monthly income \(Money(fen: Int64(clamping: income))) exceeds \(policy.incomeTolerance)"))
        }
        if hasAbleSupporter {
            refusals.append(RuleViolation("extreme-poverty.has-able-supporter",
                "a legal supporter (赡养/抚养/扶养义务人) is able to support the person"))
        }
        if bases.isEmpty {
            refusals.append(RuleViolation("extreme-poverty.no-qualifying-category",
                "aged \(age) on \(today): not \(policy.elderlyAge)+, not severely disabled, not under \(policy.minorAgeLimit)"))
        }
        let eligible = refusals.isEmpty
        let review = eligible && isMinor
            ? Review(person: member.person, dueOn: exitDate(for: member, policy: policy), endsEligibility: bases == [.minor]) : nil
        return Decision(bases: eligible ? bases : [], refusals: refusals, review: review)
    }

    /// As ``evaluate(_:hasAbleSupporter:on:policy:)`` but throws the first refusal.
    @discardableResult
    public static func require(_ member: Member, hasAbleSupporter: Bool, on today: CivilDate,
                               policy: Policy = Policy()) throws(RuleViolation) -> Decision {
        let decision = evaluate(member, hasAbleSupporter: hasAbleSupporter, on: today, policy: policy)
        if let first = decision.refusals.first { throw first }
        return decision
    }

    /// The day a minor leaves 特困 as a minor: the 18th birthday (the first day on which
    /// ``Member/age(on:)`` is 18; 1 March for a 29 February birth in a common year).
    public static func exitDate(for minor: Member, policy: Policy = Policy()) -> CivilDate {
        minor.birthday(turning: policy.minorAgeLimit)
    }
}
