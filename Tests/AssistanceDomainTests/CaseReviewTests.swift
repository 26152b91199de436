import Contracts
import Foundation
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("CaseReview (re-verification, 渐退)", .tags(.unit))
struct CaseReviewTests {
    typealias F = AssistanceDomainFixture

    let policy = BenefitGrantTests.policy
    let today: CivilDate

    init() throws {
        today = try F.date("2026-05-04")
    }

    func benefit(_ program: AssistanceProgram, amount: String = "277") throws -> BenefitCase {
        try BenefitCase(id: UUID(), householdID: UUID(), program: program, region: F.jingtai, recipients: [F.person(1)],
                    terms: CaseTerms(firstMonth: F.month("2026-04"), monthlyAmount: F.yuan(amount)), status: .active,
                    suspensionReason: nil, departed: [])
    }

    func review(_ benefit: BenefitCase, _ member: Member) throws(RuleViolation) -> CaseReview.Result {
        try CaseReview.review(benefit, members: [member], area: .urban, standard: JingtaiStandards.urban2020, policy: policy, today: today)
    }

    @Test("income no longer below the line: 渐退, paid in full for the month and 6 more, then benefit-terminated")
    func gradualExit() throws {
        let result = try review(benefit(.minimumLivingAllowance), F.member(1, income: "600"))
        #expect(result.reviewed.status == .exiting)
        #expect(try result.reviewed.terms.lastMonth == F.month("2026-11"))
        #expect(try result.reviewed.terms.due(in: F.month("2026-11")) == F.yuan("277"))
        #expect(try result.termination == CaseReview.Termination(lastCoveredDay: F.date("2026-11-30"), reason: .incomeAboveStandard))
        #expect(result.outcome.contains("gradual exit"))
    }

    @Test("a lower income raises the amount from next month; the same income changes nothing")
    func newAmount() throws {
        let lower = try review(benefit(.minimumLivingAllowance), F.member(1, income: "100"))
        #expect(lower.reviewed.status == .active)
        #expect(try lower.reviewed.terms.due(in: F.month("2026-05")) == F.yuan("277"))
        #expect(try lower.reviewed.terms.due(in: F.month("2026-06")) == F.yuan("477"))
        #expect(lower.outcome == "continued at 477.00 from 2026-06")
        #expect(lower.termination == nil)
        let same = try review(benefit(.minimumLivingAllowance), F.member(1, income: "300"))
        #expect(same.outcome == "continued unchanged")
        #expect(try same.reviewed.terms == benefit(.minimumLivingAllowance).terms)
    }

    @Test("特困 continues while the person qualifies, and ends this month when not")
    func extremePoverty() throws {
        let continues = try review(benefit(.extremePoverty, amount: "751"), F.member(1, born: "1940-01-01", work: .none))
        #expect(continues.outcome == "continued: elderly")
        #expect(continues.termination == nil)
        let ends = try review(benefit(.extremePoverty, amount: "751"), F.member(1, born: "1940-01-01", work: .none, income: "100"))
        #expect(ends.reviewed.status == .exiting)
        #expect(try ends.reviewed.terms.lastMonth == F.month("2026-05"))
        #expect(try ends.termination == CaseReview.Termination(lastCoveredDay: F.date("2026-05-31"), reason: .review))
        #expect(ends.outcome == "ended: extreme-poverty.has-income")
    }

    @Test("特困 without its recipient among the members is refused as a conflict")
    func noRecipient() throws {
        let refusal = try F.refusal { try review(benefit(.extremePoverty), F.member(2)) }
        #expect(refusal?.code == "case.no-recipient")
        #expect(refusal?.kind == .conflict)
    }
}
