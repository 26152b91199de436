import Contracts
import Foundation
import Testing
import TestKit
@testable import AssistanceDomain

/// Re-rating cases when a standard takes effect (seed 004 L10 "2023年1月起"; seed 001 L20 yearly raises).
@Suite("CaseRerating (a standard reaches existing cases from its effective month)", .tags(.unit))
struct CaseReratingTests {
    typealias F = AssistanceDomainFixture

    func benefit(_ recipients: [Int], from first: String = "2026-02", amount: String = "1000",
                 status: CaseStatus = .active) throws -> BenefitCase {
        try BenefitCase(id: UUID(), householdID: UUID(), program: .minimumLivingAllowance, region: F.jingtai,
                        recipients: recipients.map(F.person), terms: CaseTerms(firstMonth: F.month(first), monthlyAmount: F.yuan(amount)),
                        status: status, suspensionReason: nil, departed: [])
    }

    /// 500.00 per covered person: what a standard of 500 pays a household without income.
    let perPerson: CaseRerating.Amount = { covered, _ in try Exact.times(Money(yuan: 500), covered.count) }

    func window(_ from: String, until: String? = nil) throws -> CaseRerating.Window {
        try CaseRerating.Window(from: F.month(from), until: until.map(F.month))
    }

    @Test("a case already paid what the standard gives is left as it is")
    func unchangedAmount() throws {
        #expect(try CaseRerating.rerate(benefit([1, 2]), window: window("2026-07"), paidThrough: F.month("2026-08"), amount: perPerson) == nil)
    }

    @Test("the amount changes from the effective month; earlier months are untouched")
    func stepFromTheEffectiveMonth() throws {
        let couple = try benefit([1, 2], amount: "900")
        let decision = try #require(try CaseRerating.rerate(couple, window: window("2026-07"), paidThrough: nil, amount: perPerson))
        #expect(try decision.terms.steps == [CaseTerms.Step(from: F.month("2026-02"), amount: F.yuan("900")),
                                             CaseTerms.Step(from: F.month("2026-07"), amount: F.yuan("1000"))])
        #expect(try decision.terms.due(in: F.month("2026-06")) == F.yuan("900"))
        #expect(try decision.terms.due(in: F.month("2026-07")) == F.yuan("1000"))
        #expect(try decision.from == F.month("2026-07"))
        #expect(try decision.previousAmount == F.yuan("900"))
        #expect(try decision.newAmount == F.yuan("1000"))
    }

    @Test("a case that starts after the effective month is re-rated from its first month")
    func caseStartingLater() throws {
        let late = try benefit([1], from: "2026-04", amount: "400")
        let decision = try #require(try CaseRerating.rerate(late, window: window("2026-01"), paidThrough: nil, amount: perPerson))
        #expect(try decision.terms.steps == [CaseTerms.Step(from: F.month("2026-04"), amount: F.yuan("500"))])
        #expect(try decision.from == F.month("2026-04"))
    }

    @Test("re-rating again with the same standard changes nothing")
    func idempotent() throws {
        let single = try benefit([1], amount: "400")
        let first = try #require(try CaseRerating.rerate(single, window: window("2026-03"), paidThrough: nil, amount: perPerson))
        var rerated = single
        rerated.terms = first.terms
        #expect(try CaseRerating.rerate(rerated, window: window("2026-03"), paidThrough: nil, amount: perPerson) == nil)
    }

    @Test("only active cases are re-rated", arguments: [CaseStatus.suspended, .exiting, .terminated])
    func onlyActive(status: CaseStatus) throws {
        #expect(try CaseRerating.rerate(benefit([1], amount: "400", status: status), window: window("2026-03"), paidThrough: nil,
                                        amount: perPerson) == nil)
    }

    @Test("a standard followed by a later one governs only the months until the later one takes effect")
    func windowEndsAtTheNextStandard() throws {
        // Re-rated for July already (600 from July); a January standard published afterwards re-rates January to June.
        let single = try BenefitCase(
            id: UUID(), householdID: UUID(), program: .minimumLivingAllowance, region: F.jingtai, recipients: [F.person(1)],
            terms: CaseTerms(firstMonth: F.month("2026-01"), lastMonth: nil,
                                 steps: [.init(from: F.month("2026-01"), amount: F.yuan("400")), .init(from: F.month("2026-07"), amount: F.yuan("600"))],
                                 suspendedFrom: nil),
            status: .active, suspensionReason: nil, departed: [])
        let decision = try #require(try CaseRerating.rerate(single, window: window("2026-01", until: "2026-07"), paidThrough: nil,
                                                            amount: perPerson))
        #expect(try decision.terms.steps == [CaseTerms.Step(from: F.month("2026-01"), amount: F.yuan("500")),
                                             CaseTerms.Step(from: F.month("2026-07"), amount: F.yuan("600"))])
        // Nothing of the window is left when the case starts after it.
        #expect(try CaseRerating.rerate(benefit([1], from: "2026-08", amount: "400"), window: window("2026-01", until: "2026-07"),
                                        paidThrough: nil, amount: perPerson) == nil)
    }

    @Test("a member who died within the span is counted until the month after the death")
    func departedMemberCountsUntilTheDeath() throws {
        var couple = try benefit([1, 2], from: "2026-01", amount: "800")
        _ = try couple.recordDeath(of: F.person(2), on: F.date("2026-04-10"), eventID: UUID(), remainingAmount: F.yuan("400"))
        let decision = try #require(try CaseRerating.rerate(couple, window: window("2026-03"), paidThrough: nil, amount: perPerson))
        #expect(try decision.terms.steps == [CaseTerms.Step(from: F.month("2026-01"), amount: F.yuan("800")),
                                             CaseTerms.Step(from: F.month("2026-03"), amount: F.yuan("1000")),
                                             CaseTerms.Step(from: F.month("2026-05"), amount: F.yuan("500"))])
    }

    @Test("a lower figure is not applied to months already paid")
    func lowerFigureSparesPaidMonths() throws {
        let single = try benefit([1], from: "2026-01", amount: "600")
        let decision = try #require(try CaseRerating.rerate(single, window: window("2026-01"), paidThrough: F.month("2026-03"),
                                                            amount: perPerson))
        #expect(try decision.terms.steps == [CaseTerms.Step(from: F.month("2026-01"), amount: F.yuan("600")),
                                             CaseTerms.Step(from: F.month("2026-04"), amount: F.yuan("500"))])
        #expect(try decision.from == F.month("2026-04"))
    }

    @Test("a household no longer below the line on the new figure keeps its amount")
    func ineligibleKeepsItsAmount() throws {
        #expect(try CaseRerating.rerate(benefit([1], amount: "300"), window: window("2026-03"), paidThrough: nil,
                                        amount: { _, _ in nil }) == nil)
    }

    @Test("the recomputed amount: 低保 on the covered members' income, 特困 basic plus the tier's care standard")
    func amounts() throws {
        let standard = try AssistanceStandard(region: F.jingtai, year: 2026, area: .urban, effectiveFrom: F.month("2026-07"),
                                              minimumLivingAllowance: F.yuan("600"), extremePovertyBasic: F.yuan("800"),
                                              extremePovertyCare: [.partiallyDependent: F.yuan("200")])
        let policy = BenefitGrantTests.policy
        let members = try [F.member(1, income: "300"), F.member(2, born: "1985-01-01", relation: .spouse)]
        #expect(try CaseRerating.amount(program: .minimumLivingAllowance, covered: members, area: .urban, selfCareAbility: nil,
                                        standard: standard, month: F.month("2026-07"), policy: policy) == F.yuan("900"))
        #expect(try CaseRerating.amount(program: .minimumLivingAllowance, covered: [F.member(1, income: "700")], area: .urban,
                                        selfCareAbility: nil, standard: standard, month: F.month("2026-07"), policy: policy) == nil)
        #expect(try CaseRerating.amount(program: .extremePoverty, covered: [F.member(1)], area: .urban, selfCareAbility: .partiallyDependent,
                                        standard: standard, month: F.month("2026-07"), policy: policy) == F.yuan("1000"))
        #expect(try CaseRerating.amount(program: .extremePoverty, covered: [F.member(1)], area: .urban, selfCareAbility: nil,
                                        standard: standard, month: F.month("2026-07"), policy: policy) == F.yuan("800"))
    }

    @Test("a standard takes effect in a month of its own year; January by default")
    func effectiveMonth() throws {
        let january = try AssistanceStandard(region: F.jingtai, year: 2023, area: .urban, minimumLivingAllowance: F.yuan("910"),
                                             extremePovertyBasic: F.yuan("1200"))
        #expect(try january.effectiveFrom == F.month("2023-01"))
        let refusal = try F.refusal {
            try AssistanceStandard(region: F.jingtai, year: 2023, area: .urban, effectiveFrom: F.month("2024-07"),
                                   minimumLivingAllowance: F.yuan("910"), extremePovertyBasic: F.yuan("1200"))
        }
        #expect(refusal?.code == "standard.effective-month-outside-year")
    }
}
