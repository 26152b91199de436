import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("GradualExit (渐退)", .tags(.unit))
struct GradualExitTests {
    typealias F = AssistanceDomainFixture

    @Test("last paid month = determination month + N, across year ends",
          arguments: [("2024-03", 6, "2024-09"), ("2024-08", 6, "2025-02"), ("2024-12", 6, "2025-06"), ("2024-07", 0, "2024-07"), ("2024-11", 1, "2024-12"), ("2024-12", 1, "2025-01"), ("2024-01", 12, "2025-01")])
    func lastPaidMonth(_ determined: String, _ months: Int, _ last: String) throws {
        let exit = try GradualExit(determinedIn: F.month(determined), months: months)
        #expect(try exit.lastPaidMonth == F.month(last))
        #expect(exit.continuationMonths.count == months)
        #expect(try exit.continuationMonths.last ?? exit.determinedIn == F.month(last))
        #expect(try exit.isPaid(F.month(last)))
        #expect(try !exit.isPaid(F.month(last).next))
        #expect(try exit.lastCoveredDay == F.month(last).lastDay)
    }

    @Test("a gradual exit's last paid month bounds the case's terms: paid through it, nothing after")
    func boundsTheTerms() throws {
        let exit = try GradualExit(determinedIn: F.month("2024-08"))
        let terms = try CaseTerms(firstMonth: F.month("2024-01"), monthlyAmount: F.yuan("831")).ending(after: exit.lastPaidMonth)
        #expect(try terms.due(in: F.month("2025-02")) == F.yuan("831"))
        #expect(try terms.due(in: F.month("2025-03")) == .zero)
    }

    @Test("default is 6 months")
    func defaultSix() throws {
        let exit = try GradualExit(determinedIn: F.month("2024-08"))
        #expect(exit.months == 6)
        #expect(try exit.continuationMonths == ["2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02"].map(F.month))
        #expect(try exit.lastCoveredDay == F.date("2025-02-28"))
    }

    @Test("negative months are refused")
    func negative() throws {
        #expect(try F.refusal { try GradualExit(determinedIn: F.month("2024-01"), months: -1) }?.code == "gradual-exit.months-invalid")
    }

    @Test("begins only when income is no longer below the line (exact)", arguments: [("1730.99", false), ("1731", true), ("5000", true)])
    func begin(_ income: String, _ begins: Bool) throws {
        let exit = try GradualExit.begin(countableIncome: F.yuan(income), householdSize: 3, standard: Money(yuan: 577), determinedIn: F.month("2024-05"))
        #expect((exit != nil) == begins)
        if begins { #expect(try exit?.lastPaidMonth == F.month("2024-11")) }
    }

    @Test("begin refuses an empty household")
    func beginEmpty() throws {
        #expect(try F.refusal {
            try GradualExit.begin(countableIncome: .zero, householdSize: 0, standard: Money(yuan: 577), determinedIn: F.month("2024-05"))
        }?.code == "gradual-exit.household-empty")
    }
}
