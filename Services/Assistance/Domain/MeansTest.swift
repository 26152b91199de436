import Contracts

/// The 低保 means test (家庭经济状况审核): pure rules over verified household data.
///
/// Rules, with their sources:
/// 1. Countable income = gross income − documented employment costs of members able to work
///    ("在计算家庭收入时扣减必要的就业成本", 《景泰县“十四五”民政事业发展规划》第三章（一）1).
/// 2. Per-capita countable income strictly **below** the monthly standard (the test is on
///    "家庭月人均收入", 王宏斌（成都市民政局）署名文章“一是健全分层分类社会救助体系”; "低于" as in 《社会救助暂行办法》第九条);
///    income exactly at the standard is not eligible (the gap, hence the benefit, would be zero).
///    Compared exactly as countable < standard × size, so no per-capita rounding can flip the boundary.
/// 3. Assets within the county limits (低保家庭财产限定标准, 《景泰县“十四五”民政事业发展规划》第三章（一）2): financial assets ≤ cap × size (the cap
///    itself is allowed); vehicle / additional property disqualify if so configured.
/// 4. 单人户: if rules 2 fails only because income is not below the standard, but the household is
///    near-低保 (per-capita < 1.5 × standard, exclusive) and passes rule 3, each severely disabled
///    (grade 1–2) or seriously ill member may be enrolled alone ("将未纳入低保或特困供养范围的低保边缘
///    家庭中的重病、重残人员,参照“单人户”政策纳入低保", 《景泰县“十四五”民政事业发展规划》第三章（一）1). Their benefit is then computed on
///    their own income (a design choice; the plan does not say).
public struct MeansTest: Sendable {
    public let policy: MeansTestPolicy

    public init(policy: MeansTestPolicy) {
        self.policy = policy
    }

    /// Evaluates `household` against `standard`. Refuses (throws) only on inputs that do not fit
    /// together: `means-test.area-mismatch` (urban household against a rural standard, or vice versa).
    public func evaluate(_ household: Household, standard: AssistanceStandard) throws(RuleViolation) -> MeansTestDecision {
        guard household.area == standard.area else {
            throw RuleViolation.invalid("means-test.area-mismatch",
                "a \(household.area.rawValue) household cannot be tested against a \(standard.area.rawValue) standard")
        }
        return try evaluate(members: household.members, area: household.area, standard: standard.minimumLivingAllowance,
                            allowSinglePerson: policy.singlePersonEnrolment)
    }

    /// Countable monthly income of `members`: gross minus deductible employment costs (never negative).
    public func countableIncome(of members: [Member], area: UrbanRural) throws(RuleViolation) -> (gross: Money, deduction: Money, countable: Money) {
        var gross = Money.zero
        var deduction = Money.zero
        for member in members {
            let income = try Exact.sum(member.incomes.map(\.monthlyAmount))
            gross = try Exact.money { () throws(MoneyError) in try gross.adding(income) }
            if member.workCapacity.canWork, policy.employmentCostAreas.contains(area) {
                var cost = member.employmentCosts
                if let cap = policy.employmentCostCapPerMember { cost = min(cost, cap) }
                // A member's costs are deducted from that member's earnings only: costs cannot
                // create negative income that offsets other members.
                cost = min(cost, income)
                deduction = try Exact.money { () throws(MoneyError) in try deduction.adding(cost) }
            }
        }
        return (gross, deduction, gross - deduction)
    }

    func evaluate(members: [Member], area: UrbanRural, standard: Money, allowSinglePerson: Bool) throws(RuleViolation) -> MeansTestDecision {
        let size = members.count
        let (gross, deduction, countable) = try countableIncome(of: members, area: area)
        let threshold = try Exact.times(standard, size)
        let perCapita = try Exact.money { () throws(MoneyError) in try countable.divided(by: Int64(size), rounding: .down) }
        var findings: [MeansTestFinding] = []

        // Rule 2: income.
        let incomeBelow = countable < threshold
        findings.append(MeansTestFinding(
            code: incomeBelow ? "means-test.income-below-standard" : "means-test.income-not-below-standard",
            passed: incomeBelow,
            explanation: "countable income \(countable) (gross \(gross) − employment costs \(deduction)) for \(size) person(s), "
                + "per capita \(perCapita) \(incomeBelow ? "<" : "≥") standard \(standard) (household line \(threshold))"))

        // Rule 3: assets.
        let assetsOK = try assetFindings(members: members, into: &findings)

        if incomeBelow && assetsOK {
            return MeansTestDecision(verdict: .eligibleHousehold, householdSize: size, standard: standard, grossIncome: gross,
                                     employmentCostDeduction: deduction, countableIncome: countable,
                                     perCapitaIncome: perCapita, findings: findings)
        }

        // Rule 4: 单人户.
        var verdict = MeansTestDecision.Verdict.ineligible
        if allowSinglePerson, !incomeBelow, assetsOK {
            let nearLine = try policy.nearPovertyMultiplier.applied(to: threshold, rounding: .up)
            let near = policy.nearPovertyMultiplier.isBelow(countable, timesOf: threshold)
            let candidates = members.filter { $0.isSeverelyDisabled || $0.seriouslyIll }.map(\.person)
            let passed = near && !candidates.isEmpty
            findings.append(MeansTestFinding(
                code: passed ? "means-test.single-person-household" : "means-test.single-person-household-not-applicable",
                passed: passed,
                explanation: near
                    ? "near-低保: countable \(countable) < \(policy.nearPovertyMultiplier) × \(threshold) (≈ \(nearLine)); "
                        + "severely disabled or seriously ill members: \(candidates.count)"
                    : "not near-低保: countable \(countable) ≥ \(policy.nearPovertyMultiplier) × \(threshold) (≈ \(nearLine))"))
            if passed { verdict = .eligibleSinglePersons(candidates) }
        }
        return MeansTestDecision(verdict: verdict, householdSize: size, standard: standard, grossIncome: gross,
                                 employmentCostDeduction: deduction, countableIncome: countable,
                                 perCapitaIncome: perCapita, findings: findings)
    }

    /// 低保边缘 (near-低保): countable income below the near-poverty line (1.5 × standard × size by
    /// default, exclusive). Low-income monitoring watches these households as well as recipients.
    public func isNearLowIncome(countableIncome: Money, householdSize: Int, standard: Money) throws(RuleViolation) -> Bool {
        policy.nearPovertyMultiplier.isBelow(countableIncome, timesOf: try Exact.times(standard, householdSize))
    }

    /// The means test of one member enrolled as a 单人户: that member's own income against the standard.
    public func evaluateSinglePerson(_ member: Member, area: UrbanRural, standard: AssistanceStandard) throws(RuleViolation) -> MeansTestDecision {
        guard area == standard.area else {
            throw RuleViolation.invalid("means-test.area-mismatch",
                "a \(area.rawValue) household cannot be tested against a \(standard.area.rawValue) standard")
        }
        return try evaluate(members: [member], area: area, standard: standard.minimumLivingAllowance, allowSinglePerson: false)
    }

    private func assetFindings(members: [Member], into findings: inout [MeansTestFinding]) throws(RuleViolation) -> Bool {
        let assets = members.flatMap(\.assets)
        let financial = try Exact.sum(assets.filter { $0.kind == .financial }.map(\.value))
        let cap = try Exact.times(policy.financialAssetCapPerCapita, members.count)
        let financialOK = financial <= cap
        findings.append(MeansTestFinding(
            code: financialOK ? "means-test.financial-assets-within-cap" : "means-test.financial-assets-over-cap",
            passed: financialOK,
            explanation: "financial assets \(financial) \(financialOK ? "≤" : ">") cap \(policy.financialAssetCapPerCapita) × \(members.count) = \(cap)"))
        var ok = financialOK
        if policy.vehicleDisqualifies {
            let count = assets.filter { $0.kind == .vehicle }.count
            findings.append(MeansTestFinding(code: count == 0 ? "means-test.no-vehicle" : "means-test.vehicle-owned",
                                             passed: count == 0, explanation: "vehicles owned: \(count)"))
            ok = ok && count == 0
        }
        if policy.additionalPropertyDisqualifies {
            let count = assets.filter { $0.kind == .additionalProperty }.count
            findings.append(MeansTestFinding(code: count == 0 ? "means-test.no-additional-property" : "means-test.additional-property-owned",
                                             passed: count == 0, explanation: "additional properties owned: \(count)"))
            ok = ok && count == 0
        }
        return ok
    }
}
