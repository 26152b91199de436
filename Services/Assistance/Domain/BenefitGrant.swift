import Contracts

/// A benefit to open on approval: who it covers and how much it pays per month.
public struct BenefitGrant: Sendable, Hashable {
    public let recipients: [PersonRef]
    public let amount: Money

    public init(recipients: [PersonRef], amount: Money) {
        self.recipients = recipients
        self.amount = amount
    }

    /// The benefits an approved application opens, computed on the verified household.
    ///
    /// - 低保: one benefit for the household (差额 + 分类施保, ``BenefitAmount``), or one per member
    ///   enrolled as a 单人户, each on that member's own income. Refuses `application.not-eligible`
    ///   when the household no longer passes the means test.
    /// - 特困: the basic living standard plus the care standard of the applicant's self-care tier
    ///   ("分档制定照料护理标准", 《景泰县“十四五”民政事业发展规划》第三章（一）2), when the county published one.
    public static func grants(program: AssistanceProgram, applicant: PersonRef, selfCareAbility: SelfCareAbility?,
                              household: Household, standard: AssistanceStandard, policy: AssistancePolicy,
                              startsOn: CivilDate) throws(RuleViolation) -> [BenefitGrant] {
        switch program {
        case .extremePoverty:
            var amount = standard.extremePovertyBasic
            if let tier = selfCareAbility, let care = standard.careStandard(for: tier) {
                amount = try Exact.money { () throws(MoneyError) in try amount.adding(care) }
            }
            return [BenefitGrant(recipients: [applicant], amount: amount)]
        case .minimumLivingAllowance, .temporaryAssistance:
            let test = MeansTest(policy: policy.meansTest)
            let decision = try test.evaluate(household, standard: standard)
            switch decision.verdict {
            case .eligibleHousehold:
                let amount = try BenefitAmount.compute(decision: decision, members: household.members, on: startsOn, policy: policy.amount)
                return [BenefitGrant(recipients: household.members.map(\.person), amount: amount.total)]
            case .eligibleSinglePersons(let people):
                var grants: [BenefitGrant] = []
                for person in people {
                    guard let member = household.member(person) else { continue }
                    let own = try test.evaluateSinglePerson(member, area: household.area, standard: standard)
                    let amount = try BenefitAmount.compute(decision: own, members: [member], on: startsOn, policy: policy.amount)
                    grants.append(BenefitGrant(recipients: [person], amount: amount.total))
                }
                return grants
            case .ineligible:
                throw RuleViolation("application.not-eligible", "the household no longer passes the means test")
            }
        }
    }
}
