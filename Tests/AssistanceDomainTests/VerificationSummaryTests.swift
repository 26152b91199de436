import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("VerificationSummary (what 核对 found)", .tags(.unit))
struct VerificationSummaryTests {
    typealias F = AssistanceDomainFixture

    let policy = BenefitGrantTests.policy
    let today: CivilDate

    init() throws {
        today = try F.date("2021-03-02")
    }

    func summary(_ program: AssistanceProgram, _ household: Household, applicant: Int = 1,
                 supporter: Bool = false) throws -> VerificationSummary {
        try VerificationSummary.evaluate(program: program, applicant: F.person(applicant), hasAbleSupporter: supporter,
                                         household: household, standard: JingtaiStandards.urban2020, policy: policy, today: today,
                                         sources: ["social-insurance"])
    }

    @Test("低保 verdicts: the household, 单人户 members, or ineligible; near-低保 (below 1.5 × the line) is recorded",
          arguments: [("800", "household", true, true), ("1200", "single-person", true, true), ("5000", "ineligible", false, false)])
    func minimumLivingAllowance(_ wages: String, _ verdict: String, _ meets: Bool, _ near: Bool) throws {
        let household = try F.household([F.member(1, income: wages), F.member(2, relation: .spouse, disability: .two, work: .none)])
        let found = try summary(.minimumLivingAllowance, household)
        #expect(found.verdict == verdict)
        #expect(found.meetsMeansTest == meets)
        #expect(found.nearLowIncome == near)
        #expect(try found.singlePersons == (verdict == "single-person" ? [F.person(2)] : []))
        #expect(try found.countableIncomeFen == F.yuan(wages).fen)
        #expect(try found.monthlyIncomePerCapitaFen == F.yuan(wages).fen / 2)
        #expect(found.sources == ["social-insurance"])
        #expect(found.findings.first?.code.hasPrefix("means-test.income") == true)
    }

    @Test("特困: the applicant's bases, or every failed condition, as findings")
    func extremePoverty() throws {
        let elder = try F.household([F.member(1, born: "1940-01-01", work: .none)])
        let eligible = try summary(.extremePoverty, elder)
        #expect(eligible.verdict == "individual")
        #expect(eligible.meetsMeansTest)
        #expect(eligible.findings.map(\.code) == ["extreme-poverty.basis-elderly"])
        let supported = try summary(.extremePoverty, elder, supporter: true)
        #expect(!supported.meetsMeansTest)
        #expect(supported.findings.map(\.code) == ["extreme-poverty.has-able-supporter"])
    }

    @Test("特困: an applicant no longer in the verified household is refused")
    func applicantGone() throws {
        let refusal = try F.refusal { try summary(.extremePoverty, F.household([F.member(2)]), applicant: 1) }
        #expect(refusal?.code == "application.applicant-not-member")
    }
}
