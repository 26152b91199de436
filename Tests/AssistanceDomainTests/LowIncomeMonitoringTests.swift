import Contracts
import Foundation
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("LowIncomeMonitoring (动态监测, 主动发现)", .tags(.unit))
struct LowIncomeMonitoringTests {
    typealias F = AssistanceDomainFixture

    @Test("a recipient household first, a near-低保 one next, anyone else raises no lead",
          arguments: [(true, true, HouseholdRiskStatus?.some(.recipient)), (true, false, .recipient), (false, true, .nearLowIncome),
                      (false, false, nil)])
    func leadStatus(_ receives: Bool, _ near: Bool, _ expected: HouseholdRiskStatus?) {
        #expect(LowIncomeMonitoring.leadStatus(receivesAssistance: receives, nearLowIncome: near) == expected)
    }

    @Test("the explanation names the agency, the signal, the amount, the household and what to do")
    func explanation() {
        let signal = RiskSignalReported(signalID: UUID(), person: F.person(1), kind: .medicalExpense, reportedOn: F.date("2026-03-08"),
                                        agency: "medical-insurance", amount: Money(yuan: 35_000), detail: "住院自付部分较高")
        #expect(LowIncomeMonitoring.explanation(of: signal, status: .recipient)
                == "medical-insurance reported medical-expense of 35000.00 yuan on 2026-03-08 for a member of a household receiving "
                + "assistance; the household may fall into hardship: visit and re-verify (主动发现). Detail: 住院自付部分较高")
        #expect(LowIncomeMonitoring.explanation(of: signal, status: .nearLowIncome).contains("near-低保"))
    }

    @Test("a closed lead takes no follow-up", arguments: [(LeadStatus.open, true), (.followingUp, true), (.closed, false)])
    func requireOpen(_ status: LeadStatus, _ open: Bool) {
        let lead = UUID()
        let refusal = F.refusal { () throws(RuleViolation) in try status.requireOpen(lead) }
        #expect(refusal?.code == (open ? nil : "lead.not-open"))
    }
}
