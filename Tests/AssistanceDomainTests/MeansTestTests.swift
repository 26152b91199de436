import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("MeansTest (低保)", .tags(.unit))
struct MeansTestTests {
    typealias F = AssistanceDomainFixture

    let policy = MeansTestPolicy(financialAssetCapPerCapita: Money(yuan: 10_000))
    var test: MeansTest { MeansTest(policy: policy) }
    let urban = JingtaiStandards.urban2020  // 577/month

    @Test("income strictly below the standard qualifies; exactly at it does not",
          arguments: [("1730.99", true), ("1731", false), ("1731.01", false), ("0", true)])
    func incomeBoundary(_ total: String, _ eligible: Bool) throws {
        // 3 persons × 577 = 1731.
        let h = try F.household([F.member(1, income: total), F.member(2, relation: .spouse, work: .none), F.member(3, born: "2015-01-01", relation: .child, work: .none)])
        let d = try test.evaluate(h, standard: urban)
        #expect(d.isEligible == eligible)
        #expect(d.verdict == (eligible ? .eligibleHousehold : .ineligible))
        #expect(d.findings.first?.code == (eligible ? "means-test.income-below-standard" : "means-test.income-not-below-standard"))
    }

    @Test("per-capita display rounds down but the decision is exact")
    func perCapita() throws {
        // 1730.99 / 3 = 576.996… → shown 576.99, still eligible.
        let h = try F.household([F.member(1, income: "1730.99"), F.member(2, relation: .spouse), F.member(3, relation: .child)])
        let d = try test.evaluate(h, standard: urban)
        #expect(try d.perCapitaIncome == F.yuan("576.99"))
        #expect(try d.countableIncome == F.yuan("1730.99"))
        #expect(d.householdSize == 3)
        #expect(d.standard == Money(yuan: 577))
        #expect(d.explanation.contains("1730.99"))
    }

    @Test("employment costs are deducted for rural members able to work only", arguments: [WorkCapacity.full, .partial, .none])
    func employmentCosts(_ capacity: WorkCapacity) throws {
        // 2 × 369 (rural) = 738; income 800 with 100 costs → 700 if deductible.
        let h = try F.household([F.member(1, work: capacity, income: "800", costs: "100"), F.member(2, relation: .spouse, work: .none)],
                                area: .rural)
        let d = try test.evaluate(h, standard: JingtaiStandards.rural2020)
        #expect(d.grossIncome == Money(yuan: 800))
        #expect(d.employmentCostDeduction == (capacity.canWork ? Money(yuan: 100) : .zero))
        #expect(d.isEligible == capacity.canWork)
    }

    /// "鼓励有劳动能力的农村低保对象参与就业,在计算家庭收入时扣减必要的就业成本" (《景泰县“十四五”民政事业发展规划》第三章（一）1,
    /// seed 003 line 13) names rural recipients: by default an urban household's costs are not deducted.
    @Test("by default employment costs are deducted in rural households only")
    func employmentCostsRuralByDefault() throws {
        #expect(policy.employmentCostAreas == [.rural])
        let members = try [F.member(1, income: "1200", costs: "100"), F.member(2, relation: .spouse, work: .none)]
        let urbanDecision = try test.evaluate(F.household(members, area: .urban), standard: urban)
        #expect(urbanDecision.employmentCostDeduction == .zero)
        #expect(urbanDecision.countableIncome == Money(yuan: 1200))
        let ruralDecision = try test.evaluate(F.household(members, area: .rural), standard: JingtaiStandards.rural2020)
        #expect(ruralDecision.employmentCostDeduction == Money(yuan: 100))
        #expect(ruralDecision.countableIncome == Money(yuan: 1100))
        let both = MeansTest(policy: MeansTestPolicy(financialAssetCapPerCapita: Money(yuan: 10_000), employmentCostAreas: [.urban, .rural]))
        #expect(try both.evaluate(F.household(members, area: .urban), standard: urban).employmentCostDeduction == Money(yuan: 100))
    }

    @Test("employment costs: per-member cap, own income limit, configured areas")
    func employmentCostConfiguration() throws {
        let capped = MeansTest(policy: MeansTestPolicy(financialAssetCapPerCapita: Money(yuan: 10_000), employmentCostAreas: [.urban],
                                                       employmentCostCapPerMember: Money(yuan: 50)))
        let h = try F.household([F.member(1, income: "1200", costs: "100"), F.member(2, relation: .spouse, income: "30", costs: "80")])
        let d = try capped.evaluate(h, standard: urban)
        #expect(d.employmentCostDeduction == Money(yuan: 80))  // 50 (cap) + 30 (own income)
        #expect(d.countableIncome == Money(yuan: 1150))

        let ruralOnly = MeansTest(policy: MeansTestPolicy(financialAssetCapPerCapita: Money(yuan: 10_000), employmentCostAreas: [.rural]))
        #expect(try ruralOnly.evaluate(h, standard: urban).employmentCostDeduction == .zero)
        let ruralHousehold = try F.household(h.members, area: .rural)
        #expect(try ruralOnly.evaluate(ruralHousehold, standard: JingtaiStandards.rural2020).employmentCostDeduction == Money(yuan: 130))  // 100 + min(80, own income 30)
    }

    @Test("financial assets: the cap × members is allowed, one fen more is not", arguments: [("20000", true), ("20000.01", false)])
    func financialCap(_ value: String, _ ok: Bool) throws {
        let h = try F.household([F.member(1, assets: [F.asset(.financial, value)]), F.member(2, relation: .spouse)])
        let d = try test.evaluate(h, standard: urban)
        #expect(d.isEligible == ok)
        #expect(d.findings.contains { $0.code == (ok ? "means-test.financial-assets-within-cap" : "means-test.financial-assets-over-cap") })
    }

    @Test("vehicle and additional property disqualify when configured",
          arguments: [(AssetItem.Kind.vehicle, "means-test.vehicle-owned"), (.additionalProperty, "means-test.additional-property-owned")])
    func propertyRules(_ kind: AssetItem.Kind, _ code: String) throws {
        let h = try F.household([F.member(1, assets: [F.asset(kind, "30000")])])
        let d = try test.evaluate(h, standard: urban)
        #expect(!d.isEligible)
        #expect(d.findings.contains { $0.code == code && !$0.passed })
        let lenient = MeansTest(policy: MeansTestPolicy(financialAssetCapPerCapita: Money(yuan: 10_000), vehicleDisqualifies: false, additionalPropertyDisqualifies: false))
        #expect(try lenient.evaluate(h, standard: urban).isEligible)
        #expect(!(try lenient.evaluate(h, standard: urban).findings.contains { $0.code.contains("vehicle") || $0.code.contains("property") }))
    }

    @Test("other assets are not counted")
    func otherAssets() throws {
        let h = try F.household([F.member(1, assets: [F.asset(.other, "99999")])])
        #expect(try test.evaluate(h, standard: urban).isEligible)
    }

    @Test("单人户: a severely disabled or seriously ill member of a near-低保 household",
          arguments: [(DisabilityGrade?.some(.one), false, true), (.two, false, true), (.three, false, false), (nil, true, true), (nil, false, false)])
    func singlePerson(_ grade: DisabilityGrade?, _ ill: Bool, _ enrolled: Bool) throws {
        // 2 × 577 = 1154; 1.5 × 1154 = 1731. Income 1500: above the standard, near-低保.
        let h = try F.household([F.member(1, income: "1500"), F.member(2, relation: .child, disability: grade, work: .none, ill: ill)])
        let d = try test.evaluate(h, standard: urban)
        #expect(try d.verdict == (enrolled ? .eligibleSinglePersons([F.person(2)]) : .ineligible))
    }

    @Test("the 1.5× line is exclusive and configurable", arguments: [("1730.99", true), ("1731", false)])
    func nearPovertyLine(_ income: String, _ near: Bool) throws {
        let h = try F.household([F.member(1, income: income), F.member(2, relation: .child, disability: .one, work: .none)])
        let d = try test.evaluate(h, standard: urban)
        #expect(try d.verdict == (near ? .eligibleSinglePersons([F.person(2)]) : .ineligible))
        let wider = try MeansTest(policy: MeansTestPolicy(financialAssetCapPerCapita: Money(yuan: 10_000), nearPovertyMultiplier: F.ratio(2, 1)))
        #expect(try wider.evaluate(h, standard: urban).verdict == .eligibleSinglePersons([F.person(2)]))
    }

    @Test("单人户 needs the asset test and the rule switched on")
    func singlePersonConditions() throws {
        let withCar = try F.household([F.member(1, income: "1500", assets: [F.asset(.vehicle, "50000")]), F.member(2, relation: .child, disability: .one, work: .none)])
        #expect(try test.evaluate(withCar, standard: urban).verdict == .ineligible)
        let h = try F.household([F.member(1, income: "1500"), F.member(2, relation: .child, disability: .one, work: .none)])
        let off = MeansTest(policy: MeansTestPolicy(financialAssetCapPerCapita: Money(yuan: 10_000), singlePersonEnrolment: false))
        #expect(try off.evaluate(h, standard: urban).verdict == .ineligible)
    }

    @Test("several qualifying members are each listed")
    func severalSinglePersons() throws {
        let h = try F.household([F.member(1, income: "1900"), F.member(2, relation: .parent, work: .none, ill: true), F.member(3, relation: .child, disability: .two, work: .none)])
        #expect(try test.evaluate(h, standard: urban).verdict == .eligibleSinglePersons([F.person(2), F.person(3)]))
    }

    @Test("single-person evaluation uses the member's own income")
    func singlePersonEvaluation() throws {
        let member = try F.member(2, relation: .child, disability: .one, work: .none, income: "100")
        let d = try test.evaluateSinglePerson(member, area: .urban, standard: urban)
        #expect(d.verdict == .eligibleHousehold)
        #expect(d.householdSize == 1)
        #expect(d.countableIncome == Money(yuan: 100))
        #expect(try F.refusal { try test.evaluateSinglePerson(member, area: .rural, standard: urban) }?.code == "means-test.area-mismatch")
    }

    @Test("urban household against a rural standard is refused")
    func areaMismatch() throws {
        let h = try F.household([F.member(1)], area: .rural)
        let refusal = try F.refusal { try test.evaluate(h, standard: urban) }
        #expect(refusal?.code == "means-test.area-mismatch")
        #expect(refusal?.kind == .invalidInput)
    }

    @Test("rural Jingtai standard 369/month: a family of four")
    func ruralJingtai() throws {
        // 4 × 369 = 1476.
        let members = try [F.member(1, income: "1475.99"), F.member(2, relation: .spouse), F.member(3, relation: .child), F.member(4, relation: .child)]
        #expect(try test.evaluate(F.household(members, area: .rural), standard: JingtaiStandards.rural2020).isEligible)
        let richer = try [F.member(1, income: "1476")] + members.dropFirst()
        #expect(!(try test.evaluate(F.household(richer, area: .rural), standard: JingtaiStandards.rural2020).isEligible))
    }
}
