import Contracts

/// The standards of one county and subsidy over time: which amount governs a month, and the amount
/// steps a grant is paid by.
public struct DisabilitySubsidySchedule: Sendable, Hashable {
    /// Ordered by effective month, one per month (a later publication for the same month replaces it).
    public let standards: [DisabilitySubsidyStandard]

    /// Refuses standards of different counties or subsidies (`disability-standard.schedule-mixed`).
    public init(_ standards: [DisabilitySubsidyStandard]) throws(RuleViolation) {
        if let first = standards.first,
           standards.contains(where: { $0.region != first.region || $0.kind != first.kind }) {
            throw RuleViolation.invalid("disability-standard.schedule-mixed", "a schedule holds one county's standards of one subsidy")
        }
        var byMonth: [YearMonth: DisabilitySubsidyStandard] = [:]
        for standard in standards { byMonth[standard.effectiveFrom] = standard }
        self.standards = byMonth.values.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// The amount in force in `month`; nil before the first standard.
    public func amount(in month: YearMonth) -> Money? {
        standards.last { $0.effectiveFrom <= month }?.monthlyAmount
    }

    /// The payment terms of a grant paid from `firstMonth`: the amount then, and a step at each
    /// later standard. Refuses `disability-standard.missing` when no standard governs `firstMonth`.
    public func terms(from firstMonth: YearMonth) throws(RuleViolation) -> CaseTerms {
        guard let opening = amount(in: firstMonth) else {
            throw RuleViolation("disability-standard.missing", "no subsidy amount is set for \(firstMonth) in this county")
        }
        var steps = [CaseTerms.Step(from: firstMonth, amount: opening)]
        for standard in standards where standard.effectiveFrom > firstMonth && standard.monthlyAmount != steps.last?.amount {
            steps.append(CaseTerms.Step(from: standard.effectiveFrom, amount: standard.monthlyAmount))
        }
        return CaseTerms(firstMonth: firstMonth, lastMonth: nil, steps: steps, suspendedFrom: nil)
    }

    /// The growth warning for a new standard against the one in force the month before it
    /// (济民发〔2022〕3号 第28项 "困难残疾人生活补贴标准、重度残疾人护理补贴标准分别提高10%"): nil when it rises by
    /// at least `floor` or there is nothing earlier; a warning, never a refusal (the raise is a yearly target).
    public func growthShortfall(of new: DisabilitySubsidyStandard, floor: PolicyRatio) throws(RuleViolation) -> DisabilityGrowthShortfall? {
        guard let previous = standards.last(where: { $0.effectiveFrom < new.effectiveFrom }) else { return nil }
        let required = try floor.applied(to: previous.monthlyAmount, rounding: .up)
        let target = try Exact.sum([previous.monthlyAmount, required])
        guard new.monthlyAmount < target else { return nil }
        return DisabilityGrowthShortfall(previous: previous.monthlyAmount, required: target, actual: new.monthlyAmount)
    }
}

/// A new subsidy amount below its growth floor (`disability-standard.growth-below-floor`, a warning).
public struct DisabilityGrowthShortfall: Sendable, Hashable, Codable {
    public let previous: Money
    public let required: Money
    public let actual: Money
    public var code: String { "disability-standard.growth-below-floor" }

    /// The +10% raise of 济民发〔2022〕3号 第28项.
    public static let tenPercent: PolicyRatio = {
        do { return try PolicyRatio(1, 10) } catch { preconditionFailure("1/10 is a ratio: \(error)") }
    }()
}
