import Contracts
import Testing
import TestKit
@testable import ElderCareDomain

@Suite("Visits and follow-ups", .tags(.unit))
struct VisitRecordTests {
    typealias F = ElderCareDomainFixture

    func visit(on day: String = "2025-03-10", visitor: String = "visitor-3", findings: String = "独自在家，屋内寒冷",
               flags: Set<RiskFlag> = [], registered: String = "2025-01-01", today: String = "2025-03-10") throws(RuleViolation) -> Visit {
        do {
            return try Visit(visitorID: visitor, visitedOn: try F.date(day), mode: .inPerson, findings: findings, riskFlags: flags,
                             registeredOn: try F.date(registered), today: try F.date(today))
        } catch let error as RuleViolation {
            throw error
        } catch {
            throw RuleViolation.invalid("test.bad-literal", "\(error)")
        }
    }

    @Test("a visit records who, when, how and what was found")
    func recorded() throws {
        let recorded = try visit(findings: "  独自在家，屋内寒冷 ", flags: [.livingConditions])
        #expect(recorded.findings == "独自在家，屋内寒冷")
        #expect(recorded.visitedOn == (try F.date("2025-03-10")))
        #expect(recorded.mode == .inPerson)
        #expect(recorded.riskFlags == [.livingConditions])
    }

    @Test("refusals", arguments: [
        ("2025-03-10", "", "found", "2025-01-01", "visit.visitor-missing"),
        ("2025-03-11", "v", "found", "2025-01-01", "visit.in-future"),
        ("2024-12-31", "v", "found", "2025-01-01", "visit.before-registration"),
        ("2025-03-10", "v", " \n", "2025-01-01", "visit.findings-missing"),
    ])
    func refusals(_ day: String, _ visitor: String, _ findings: String, _ registered: String, _ code: String) {
        #expect(F.refusal { () throws(RuleViolation) in try visit(on: day, visitor: visitor, findings: findings, registered: registered) }?.code == code)
    }

    @Test("each risk flag opens one follow-up, in the flags' order")
    func followUps() throws {
        let recorded = try visit(flags: [.mentalState, .health, .safety])
        let opened = recorded.followUps()
        #expect(opened.map(\.flag) == [.health, .safety, .mentalState])
        #expect(opened.allSatisfy { $0.isOpen && $0.openedOn == recorded.visitedOn })
        #expect(try visit().followUps().isEmpty)
        #expect(RiskFlag.allCases.map(\.chineseName) == ["身体健康", "安全隐患", "生活条件", "精神状态", "赡养扶养", "经济困难"])
    }

    @Test("a follow-up is closed once, with what was done, not before it opened")
    func closing() throws {
        var followUp = FollowUp(flag: .safety, openedOn: try F.date("2025-03-10"))
        let early = try F.date("2025-03-09")
        let day = try F.date("2025-03-12")
        #expect(F.refusal { () throws(RuleViolation) in try followUp.close(on: early, action: "更换燃气软管", by: "caseworker-7") }?.code
            == "follow-up.closed-before-opened")
        #expect(F.refusal { () throws(RuleViolation) in try followUp.close(on: day, action: "  ", by: "caseworker-7") }?.code
            == "follow-up.action-missing")
        #expect(F.refusal { () throws(RuleViolation) in try followUp.close(on: day, action: "更换燃气软管", by: "") }?.code
            == "follow-up.action-missing")
        try followUp.close(on: day, action: " 更换燃气软管 ", by: "caseworker-7")
        #expect(followUp.status == .closed(on: day, action: "更换燃气软管", by: "caseworker-7"))
        #expect(followUp.isOpen == false)
        let again = F.refusal { () throws(RuleViolation) in try followUp.close(on: day, action: "again", by: "caseworker-7") }
        #expect(again?.code == "follow-up.already-closed")
        #expect(again?.kind == .conflict)
    }
}
