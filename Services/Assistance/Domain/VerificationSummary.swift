import Contracts

/// What economic verification (核对) found, kept on the application for the review and the audit.
public struct VerificationSummary: Codable, Sendable {
    public var completedOn: CivilDate
    /// The data sources that reported anything, sorted.
    public var sources: [String]
    public var monthlyIncomePerCapitaFen: Int64
    public var countableIncomeFen: Int64
    public var totalAssetsFen: Int64
    public var meetsMeansTest: Bool
    /// For 低保: `household`, `single-person` or `ineligible`; for 特困: `individual`.
    public var verdict: String
    public var singlePersons: [PersonRef]
    /// 低保边缘: countable income below the near-poverty line.
    public var nearLowIncome: Bool
    public var findings: [Finding]

    public struct Finding: Codable, Sendable {
        public var code: String
        public var passed: Bool
        public var explanation: String
    }
}

extension VerificationSummary {
    /// The program's test on the verified household: the 低保 means test (with 单人户), or 特困
    /// eligibility of the applicant. Refuses `application.applicant-not-member` when the
    /// applicant is no longer a member of the verified household.
    public static func evaluate(program: AssistanceProgram, applicant: PersonRef, hasAbleSupporter: Bool, household: Household,
                                standard: AssistanceStandard, policy: AssistancePolicy, today: CivilDate,
                                sources: [String]) throws(RuleViolation) -> VerificationSummary {
        let test = MeansTest(policy: policy.meansTest)
        let income = try test.countableIncome(of: household.members, area: household.area)
        let perCapita = income.countable.fen / Int64(household.size)
        let assets = household.members.flatMap(\.assets).reduce(Int64(0)) { $0 + $1.value.fen }
        let nearLowIncome = try test.isNearLowIncome(countableIncome: income.countable, householdSize: household.size,
                                                     standard: standard.minimumLivingAllowance)
        switch program {
        case .extremePoverty:
            guard let member = household.member(applicant) else {
                throw RuleViolation("application.applicant-not-member", "the applicant is no longer a household member")
            }
            let decision = ExtremePovertyEligibility.evaluate(member, hasAbleSupporter: hasAbleSupporter, on: today,
                                                              policy: policy.extremePoverty)
            var findings = decision.bases.map {
                Finding(code: "extreme-poverty.basis-\($0.rawValue)", passed: true, explanation: "qualifies as \($0.rawValue)")
            }
            findings += decision.refusals.map { Finding(code: $0.code, passed: false, explanation: $0.detail) }
            return VerificationSummary(completedOn: today, sources: sources, monthlyIncomePerCapitaFen: perCapita,
                                       countableIncomeFen: income.countable.fen, totalAssetsFen: assets,
                                       meetsMeansTest: decision.isEligible, verdict: "individual", singlePersons: [],
                                       nearLowIncome: nearLowIncome, findings: findings)
        case .minimumLivingAllowance, .temporaryAssistance:
            let decision = try test.evaluate(household, standard: standard)
            var verdict = "ineligible"
            var singles: [PersonRef] = []
            switch decision.verdict {
            case .eligibleHousehold: verdict = "household"
            case .eligibleSinglePersons(let people): verdict = "single-person"; singles = people
            case .ineligible: break
            }
            return VerificationSummary(
                completedOn: today, sources: sources, monthlyIncomePerCapitaFen: perCapita, countableIncomeFen: income.countable.fen,
                totalAssetsFen: assets, meetsMeansTest: decision.isEligible, verdict: verdict, singlePersons: singles,
                nearLowIncome: nearLowIncome,
                findings: decision.findings.map { Finding(code: $0.code, passed: $0.passed, explanation: $0.explanation) })
        }
    }
}
