import Contracts
import Foundation
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("BenefitCase (deaths, corrections, annulments)", .tags(.unit))
struct BenefitCaseTests {
    typealias F = AssistanceDomainFixture

    let event = UUID()

    func benefit(_ recipients: [Int], amount: String = "1000", status: CaseStatus = .active) throws -> BenefitCase {
        try BenefitCase(id: UUID(), householdID: UUID(), program: .minimumLivingAllowance, region: F.jingtai,
                        recipients: recipients.map(F.person), terms: CaseTerms(firstMonth: F.month("2026-01"), monthlyAmount: F.yuan(amount)),
                        status: status, suspensionReason: nil, departed: [])
    }

    @Test("a sole recipient's death suspends the case from the month after it; the death month is paid")
    func soleRecipient() throws {
        var sole = try benefit([1])
        let outcome = try sole.recordDeath(of: F.person(1), on: F.date("2026-02-20"), eventID: event, remainingAmount: nil)
        #expect(try outcome.departure.fromMonth == F.month("2026-03"))
        #expect(outcome.departure.soleRecipient)
        #expect(!outcome.needsReview)
        #expect(sole.status == .suspended)
        #expect(sole.suspensionReason == "death")
        #expect(try sole.terms.due(in: F.month("2026-02")) == F.yuan("1000"))
        #expect(try sole.terms.due(in: F.month("2026-03")) == .zero)
        #expect(try sole.recipients == [F.person(1)])
    }

    @Test("a member's death: the others are paid the recomputed amount from the month after, or reviewed")
    func householdMember() throws {
        var couple = try benefit([1, 2])
        let outcome = try couple.recordDeath(of: F.person(1), on: F.date("2026-02-10"), eventID: event, remainingAmount: F.yuan("600"))
        #expect(!outcome.needsReview)
        #expect(couple.status == .active)
        #expect(try couple.recipients == [F.person(2)])
        #expect(try couple.terms.due(in: F.month("2026-02")) == F.yuan("1000"))
        #expect(try couple.terms.due(in: F.month("2026-03")) == F.yuan("600"))
        #expect(try couple.departed.map(\.amountBeforeFen) == [F.yuan("1000").fen])

        var above = try benefit([1, 2])
        #expect(try above.recordDeath(of: F.person(1), on: F.date("2026-02-10"), eventID: event, remainingAmount: nil).needsReview)
        #expect(try above.terms.monthlyAmount == F.yuan("1000"))
    }

    @Test("a corrected date moves the suspension and returns the month it started before")
    func correction() throws {
        var sole = try benefit([1])
        _ = try sole.recordDeath(of: F.person(1), on: F.date("2026-02-20"), eventID: event, remainingAmount: nil)
        #expect(try sole.correctDeath(of: F.person(1), to: F.date("2026-03-25")) == F.month("2026-03"))
        #expect(try sole.terms.suspendedFrom == F.month("2026-04"))
        #expect(try sole.departed.first?.dateOfDeath == F.date("2026-03-25"))
        #expect(try sole.correctDeath(of: F.person(9), to: F.date("2026-03-25")) == nil)
    }

    @Test("an annulled death restores a sole recipient's case, or the member and the earlier amount")
    func annulment() throws {
        var sole = try benefit([1])
        _ = try sole.recordDeath(of: F.person(1), on: F.date("2026-02-20"), eventID: event, remainingAmount: nil)
        #expect(try sole.annulDeath(of: F.person(1))?.soleRecipient == true)
        #expect(sole.status == .active)
        #expect(sole.suspensionReason == nil)
        #expect(sole.terms.suspendedFrom == nil)
        #expect(sole.departed.isEmpty)

        var couple = try benefit([1, 2])
        _ = try couple.recordDeath(of: F.person(1), on: F.date("2026-02-10"), eventID: event, remainingAmount: F.yuan("600"))
        #expect(try couple.annulDeath(of: F.person(1))?.soleRecipient == false)
        #expect(try couple.recipients == [F.person(2), F.person(1)])
        #expect(try couple.terms.due(in: F.month("2026-04")) == F.yuan("1000"))
        #expect(try couple.annulDeath(of: F.person(1)) == nil)
    }

    @Test("the amount of the members left: nil once they are above the line")
    func remainingHousehold() throws {
        let policy = BenefitGrantTests.policy
        let widow = try [F.member(2, relation: .spouse, work: .none)]
        #expect(try BenefitAmount.remainingHousehold(widow, area: .urban, standard: JingtaiStandards.urban2020, from: F.month("2026-03"),
                                                     policy: policy) == F.yuan("577"))
        let earner = try [F.member(2, relation: .spouse, income: "600")]
        #expect(try BenefitAmount.remainingHousehold(earner, area: .urban, standard: JingtaiStandards.urban2020, from: F.month("2026-03"),
                                                     policy: policy) == nil)
        #expect(try BenefitAmount.remainingHousehold([], area: .urban, standard: JingtaiStandards.urban2020, from: F.month("2026-03"),
                                                     policy: policy) == nil)
    }

    @Test("only an active case takes change reports and re-verification", arguments: [CaseStatus.exiting, .suspended, .terminated])
    func requireActive(_ status: CaseStatus) throws {
        let refusal = try F.refusal { try benefit([1], status: status).requireActive(for: "test") }
        #expect(refusal?.code == "case.not-active")
        #expect(refusal?.kind == .conflict)
        try benefit([1]).requireActive(for: "test")
    }
}
