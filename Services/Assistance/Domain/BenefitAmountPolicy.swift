import Contracts

/// Local configuration of the 低保 amount.
public struct BenefitAmountPolicy: Sendable, Hashable, Codable {
    /// When a member falls in several categories.
    public enum Stacking: String, Sendable, Hashable, Codable {
        /// Every applicable top-up is paid.
        case all
        /// Only the largest applicable top-up (default: conservative; the policy documents are silent).
        case highestOnly = "highest-only"
    }

    /// The gap is paid at least at this amount per person per month (a service rule: a configured minimum).
    public var minimumPerPerson: Money
    /// Top-ups by category; a missing category pays nothing.
    public var topUps: [BenefitCategory: CategoryTopUp]
    public var stacking: Stacking
    /// Age from which a member is elderly (default 60, as for 特困).
    public var elderlyAge: Int
    /// Age below which a member is a minor (default 18).
    public var minorAgeLimit: Int

    public init(minimumPerPerson: Money = .zero, topUps: [BenefitCategory: CategoryTopUp] = [:],
                stacking: Stacking = .highestOnly, elderlyAge: Int = 60, minorAgeLimit: Int = 18) {
        self.minimumPerPerson = minimumPerPerson
        self.topUps = topUps
        self.stacking = stacking
        self.elderlyAge = elderlyAge
        self.minorAgeLimit = minorAgeLimit
    }

    /// The categories `member` falls in on `date`, in ``BenefitCategory`` order.
    public func categories(of member: Member, on date: CivilDate) -> [BenefitCategory] {
        var result: [BenefitCategory] = []
        let age = member.age(on: date)
        if age >= elderlyAge { result.append(.elderly) }
        if member.isSeverelyDisabled { result.append(.severelyDisabled) }
        if age < minorAgeLimit { result.append(.minor) }
        if member.seriouslyIll { result.append(.seriouslyIll) }
        return result
    }
}
