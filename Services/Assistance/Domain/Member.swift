import Contracts

/// A household member as the assistance rules see them.
///
/// Birth date and sex come from the resident ID (``init(person:relation:residentID:…)``); only
/// the keyed ``PersonRef`` is kept, never the ID number.
public struct Member: Sendable, Hashable, Codable {
    public let person: PersonRef
    public let relation: MemberRelation
    public let birthDate: CivilDate
    public let sex: Sex
    /// nil = no disability certificate.
    public let disability: DisabilityGrade?
    public let workCapacity: WorkCapacity
    /// 重病 (serious illness), as certified; used by 单人户 and 分类施保.
    public let seriouslyIll: Bool
    public let incomes: [IncomeItem]
    public let assets: [AssetItem]
    /// Documented monthly employment costs (就业成本), e.g. commuting; deducted only if the member can work.
    public let employmentCosts: Money

    public init(person: PersonRef, relation: MemberRelation, birthDate: CivilDate, sex: Sex,
                disability: DisabilityGrade? = nil, workCapacity: WorkCapacity, seriouslyIll: Bool = false,
                incomes: [IncomeItem] = [], assets: [AssetItem] = [], employmentCosts: Money = .zero) throws(RuleViolation) {
        guard !employmentCosts.isNegative else {
            throw RuleViolation.invalid("household.employment-cost-negative", "employment costs are negative: \(employmentCosts)")
        }
        self.person = person
        self.relation = relation
        self.birthDate = birthDate
        self.sex = sex
        self.disability = disability
        self.workCapacity = workCapacity
        self.seriouslyIll = seriouslyIll
        self.incomes = incomes
        self.assets = assets
        self.employmentCosts = employmentCosts
    }

    /// Takes birth date and sex from the validated resident ID.
    public init(person: PersonRef, relation: MemberRelation, residentID: ResidentID,
                disability: DisabilityGrade? = nil, workCapacity: WorkCapacity, seriouslyIll: Bool = false,
                incomes: [IncomeItem] = [], assets: [AssetItem] = [], employmentCosts: Money = .zero) throws(RuleViolation) {
        try self.init(person: person, relation: relation, birthDate: residentID.birthDate, sex: residentID.sex,
                      disability: disability, workCapacity: workCapacity, seriouslyIll: seriouslyIll,
                      incomes: incomes, assets: assets, employmentCosts: employmentCosts)
    }

    /// The same member with other incomes and assets (a verification, a change report).
    public func with(incomes: [IncomeItem], assets: [AssetItem]) throws(RuleViolation) -> Member {
        try Member(person: person, relation: relation, birthDate: birthDate, sex: sex, disability: disability,
                   workCapacity: workCapacity, seriouslyIll: seriouslyIll, incomes: incomes, assets: assets,
                   employmentCosts: employmentCosts)
    }

    /// Age in completed years on `date`, counted exactly as ``ResidentID/age(on:)`` (a 29 February
    /// birthday advances on 1 March in common years).
    public func age(on date: CivilDate) -> Int {
        var years = date.year - birthDate.year
        if (date.month, date.day) < (birthDate.month, birthDate.day) { years -= 1 }
        return years
    }

    /// The first day on which the member is `years` old, consistent with ``age(on:)``:
    /// someone born on 2008-02-29 turns 18 on 2026-03-01.
    public func birthday(turning years: Int) -> CivilDate {
        Member.birthday(of: birthDate, turning: years)
    }

    static func birthday(of birthDate: CivilDate, turning years: Int) -> CivilDate {
        let sameDay = birthDate.adding(years: years)  // clamps 29 Feb to 28 Feb
        return sameDay.day == birthDate.day ? sameDay : sameDay.adding(days: 1)
    }

    /// Sum of the income items (before any deduction).
    public var monthlyIncome: Money {
        incomes.reduce(Money.zero) { $0 + $1.monthlyAmount }
    }

    /// Disability grade 1–2.
    public var isSeverelyDisabled: Bool { disability?.isSevere ?? false }
}
