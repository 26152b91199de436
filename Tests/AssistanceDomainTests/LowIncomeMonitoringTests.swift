import Contracts
import Foundation
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("LowIncomeMonitoring (动态监测, 主动发现)", .tags(.unit))
struct LowIncomeMonitoringTests {
    typealias F = AssistanceDomainFixture

    @Test("a recipient household first, a near-低保 one next, any other household raises no household lead",
          arguments: [(true, true, HouseholdRiskStatus?.some(.recipient)), (true, false, .recipient), (false, true, .nearLowIncome),
                      (false, false, nil)])
    func leadStatus(_ receives: Bool, _ near: Bool, _ expected: HouseholdRiskStatus?) {
        #expect(LowIncomeMonitoring.leadStatus(receivesAssistance: receives, nearLowIncome: near) == expected)
    }

    @Test("the explanation names the agency, the signal, the amount, the household and what to do")
    func explanation() throws {
        let signal = try RiskSignalReported(signalID: UUID(), person: F.person(1), kind: .medicalExpense, reportedOn: F.date("2026-03-08"),
                                            agency: "medical-insurance", amount: Money(yuan: 35_000), detail: "住院自付部分较高")
        #expect(LowIncomeMonitoring.explanation(of: signal, status: .recipient)
                == "medical-insurance reported medical-expense of 35000.00 yuan on 2026-03-08 for a member of a household receiving "
                + "assistance; the household may fall into hardship: visit and re-verify (主动发现). Detail: 住院自付部分较高")
        #expect(LowIncomeMonitoring.explanation(of: signal, status: .nearLowIncome).contains("near-低保"))
    }

    /// Seed 003 line 13 (刚性支出较大或收入大幅缩减…的动态监测) and seed 001 lines 67, 131 (主动发现): a person
    /// Assistance does not serve is reached out to where they can be found.
    @Test("an outreach lead goes to the agency's region, else a known household's, else the fallback; nowhere without any",
          arguments: [("620421100", ["620402"], "620423", "620421100"), (nil, ["620402", "620423"], "620423", "620402"),
                      (nil, [], "620423", "620423"), (nil, [], nil, nil)])
    func outreachRegion(_ reported: String?, _ known: [String], _ fallback: String?, _ expected: String?) throws {
        let region = try LowIncomeMonitoring.outreachRegion(reported: reported.map(F.region), knownHouseholds: known.map(F.region),
                                                             fallback: fallback.map(F.region))
        #expect(region?.rawValue == expected)
    }

    @Test("an outreach lead explains who reported what about whom, and asks to reach out")
    func outreachExplanation() throws {
        let signal = try RiskSignalReported(signalID: UUID(), person: F.person(1), kind: .incomeLoss, reportedOn: F.date("2026-03-08"),
                                            agency: "employment-services", amount: Money(yuan: 2_400), detail: "停产", region: F.region("620423"))
        #expect(LowIncomeMonitoring.outreachExplanation(of: signal, knownHousehold: false)
                == "employment-services reported income-loss of 2400.00 yuan on 2026-03-08 for a person not known to Assistance; "
                + "their basic living may be at risk: reach out, assess and help them apply if eligible (主动发现). Detail: 停产")
        #expect(LowIncomeMonitoring.outreachExplanation(of: signal, knownHousehold: true)
                .contains("for a person in a household that receives no assistance and is not near-低保;"))
    }

    @Test("a lead is about a household, with its status, or is for outreach, without one")
    func subject() {
        let household = UUID()
        #expect(LeadSubject.household(id: household, status: .recipient).householdID == household)
        #expect(LeadSubject.household(id: household, status: .nearLowIncome).householdStatus == .nearLowIncome)
        #expect(LeadSubject.household(id: household, status: .recipient).kind == "household")
        #expect(LeadSubject.outreach.householdID == nil)
        #expect(LeadSubject.outreach.householdStatus == nil)
        #expect(LeadSubject.outreach.kind == "outreach")
    }

    @Test("a closed lead takes no follow-up", arguments: [(LeadStatus.open, true), (.followingUp, true), (.closed, false)])
    func requireOpen(_ status: LeadStatus, _ open: Bool) throws {
        let lead = UUID()
        let refusal = try F.refusal { try status.requireOpen(lead) }
        #expect(refusal?.code == (open ? nil : "lead.not-open"))
    }
}
