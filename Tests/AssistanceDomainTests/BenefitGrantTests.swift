import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("BenefitGrant (the cases an approval opens)", .tags(.unit))
struct BenefitGrantTests {
    typealias F = AssistanceDomainFixture

    /// Top-ups off, so the amounts are the 差额 alone unless a test turns them on.
    static let policy: AssistancePolicy = {
        do {
            return try AssistancePolicy.fromEnvironment([
                "ASSISTANCE_MINIMUM_PER_PERSON_FEN": "0", "ASSISTANCE_TOP_UP_ELDERLY_PERCENT": "0",
                "ASSISTANCE_TOP_UP_SEVERELY_DISABLED_PERCENT": "0", "ASSISTANCE_TOP_UP_MINOR_PERCENT": "0",
                "ASSISTANCE_TOP_UP_SERIOUSLY_ILL_PERCENT": "0",
            ])
        } catch { preconditionFailure("a valid fixture policy: \(error)") }
    }()

    let startsOn: CivilDate

    init() throws {
        startsOn = try F.date("2021-02-01")
    }

    @Test("低保: one case for the whole household at the household amount")
    func household() throws {
        let household = try F.household([F.member(1, income: "900"), F.member(2, relation: .spouse, work: .none)])
        let grants = try BenefitGrant.grants(program: .minimumLivingAllowance, applicant: F.person(1), selfCareAbility: nil,
                                             household: household, standard: JingtaiStandards.urban2020, policy: Self.policy,
                                             startsOn: startsOn)
        #expect(try grants == [BenefitGrant(recipients: [F.person(1), F.person(2)], amount: F.yuan("254"))])  // 2 × 577 − 900
    }

    @Test("单人户: one case per severely disabled or seriously ill member, on that member's own income")
    func singlePersons() throws {
        // 2 × 577 = 1154 ≤ 1200 < 1.5 × 1154: near-低保, not eligible as a household.
        let household = try F.household([F.member(1, income: "1200"), F.member(2, relation: .spouse, disability: .one, work: .none)])
        let grants = try BenefitGrant.grants(program: .minimumLivingAllowance, applicant: F.person(1), selfCareAbility: nil,
                                             household: household, standard: JingtaiStandards.urban2020, policy: Self.policy,
                                             startsOn: startsOn)
        #expect(try grants == [BenefitGrant(recipients: [F.person(2)], amount: F.yuan("577"))])
    }

    @Test("低保: a household that no longer passes the means test is refused")
    func ineligible() throws {
        let household = try F.household([F.member(1, income: "5000")])
        let refusal = try F.refusal {
            try BenefitGrant.grants(program: .minimumLivingAllowance, applicant: F.person(1), selfCareAbility: nil, household: household,
                                    standard: JingtaiStandards.urban2020, policy: Self.policy, startsOn: startsOn)
        }
        #expect(refusal?.code == "application.not-eligible")
    }

    @Test("特困: the basic living standard, plus the care standard of the person's tier when published",
          arguments: [(SelfCareAbility?.none, "751"), (.fullySelfCaring, "751"), (.fullyDependent, "951")])
    func extremePoverty(_ tier: SelfCareAbility?, _ expected: String) throws {
        let standard = try AssistanceStandard(region: F.jingtai, year: 2020, area: .urban, minimumLivingAllowance: Money(yuan: 577),
                                              extremePovertyBasic: Money(yuan: 751), extremePovertyCare: [.fullyDependent: Money(yuan: 200)])
        let grants = try BenefitGrant.grants(program: .extremePoverty, applicant: F.person(1), selfCareAbility: tier,
                                             household: F.household([F.member(1, born: "1940-01-01", work: .none)]),
                                             standard: standard, policy: Self.policy, startsOn: startsOn)
        #expect(try grants == [BenefitGrant(recipients: [F.person(1)], amount: F.yuan(expected))])
    }
}
