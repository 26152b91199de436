import Contracts
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("ApplicationWorkflow", .tags(.unit))
struct ApplicationWorkflowTests {
    typealias F = AssistanceDomainFixture

    static var policy: WorkflowPolicy { get throws { try WorkflowPolicy() } }

    /// A workflow advanced to public notice started on 2024-03-01.
    func inNotice(policy: WorkflowPolicy? = nil) throws -> ApplicationWorkflow {
        var w = try ApplicationWorkflow(program: .minimumLivingAllowance, submittedOn: F.date("2024-02-01"), policy: policy ?? Self.policy)
        #expect(try w.startVerification(on: F.date("2024-02-02")) == .economicVerification(completedOn: nil))
        #expect(try w.completeVerification(on: F.date("2024-02-10")) == .economicVerification(completedOn: F.date("2024-02-10")))
        #expect(try w.beginReview(on: F.date("2024-02-11")) == .townshipReview(homeVisitRecorded: false))
        #expect(try w.recordHomeVisit(on: F.date("2024-02-20")) == .townshipReview(homeVisitRecorded: true))
        #expect(try w.startPublicNotice(on: F.date("2024-03-01")) == .publicNotice(startedOn: F.date("2024-03-01")))
        return w
    }

    @Test("happy path: granted from the first day of the month after approval")
    func happyPath() throws {
        var w = try inNotice()
        #expect(try w.noticeEndsOn == F.date("2024-03-08"))
        #expect(try w.closePublicNotice(on: F.date("2024-03-08")) == .approval)
        #expect(try w.approve(on: F.date("2024-03-15"), by: .county) == .granted(approvedOn: F.date("2024-03-15"), startsOn: F.date("2024-04-01")))
        #expect(w.state.isFinal)
        #expect(w.state.name == "granted")
        #expect(try w.verificationCompletedOn == F.date("2024-02-10"))
        #expect(try w.homeVisitOn == F.date("2024-02-20"))
    }

    @Test("7-day notice started on the 1st covers the 1st–7th and may close from the 8th",
          arguments: [("2024-03-07", false), ("2024-03-08", true), ("2024-03-20", true), ("2024-03-01", false)])
    func noticeBoundary(_ day: String, _ closes: Bool) throws {
        var w = try inNotice()
        let refusal = try F.refusal { try w.closePublicNotice(on: F.date(day)) }
        if closes { #expect(refusal == nil); #expect(w.state == .approval) } else {
            #expect(refusal?.code == "application.notice-period-not-over")
            #expect(try w.state == .publicNotice(startedOn: F.date("2024-03-01")))
        }
    }

    @Test("configured notice length", arguments: [1, 3, 14])
    func noticeLength(_ days: Int) throws {
        var w = try inNotice(policy: try WorkflowPolicy(noticeDays: days))
        let end = try F.date("2024-03-01").adding(days: days)
        #expect(try F.refusal { try w.closePublicNotice(on: end.adding(days: -1)) }?.code == "application.notice-period-not-over")
        #expect(try w.closePublicNotice(on: end) == .approval)
    }

    @Test("notice days must be at least 1", arguments: [0, -7])
    func noticeDaysInvalid(_ days: Int) throws {
        #expect(try F.refusal { try WorkflowPolicy(noticeDays: days) }?.code == "application.notice-days-invalid")
    }

    @Test("an objection sends the case back to review; the notice restarts")
    func objection() throws {
        var w = try inNotice()
        #expect(try w.recordObjection(on: F.date("2024-03-03")) == .townshipReview(homeVisitRecorded: true))
        #expect(w.objections == 1)
        #expect(try w.startPublicNotice(on: F.date("2024-03-10")) == .publicNotice(startedOn: F.date("2024-03-10")))
        #expect(try F.refusal { try w.closePublicNotice(on: F.date("2024-03-16")) }?.code == "application.notice-period-not-over")
        #expect(try w.closePublicNotice(on: F.date("2024-03-17")) == .approval)
    }

    @Test("an objection may require a new home visit")
    func objectionNewVisit() throws {
        var w = try inNotice(policy: try WorkflowPolicy(objectionRequiresNewHomeVisit: true))
        #expect(try w.recordObjection(on: F.date("2024-03-03")) == .townshipReview(homeVisitRecorded: false))
        #expect(w.homeVisitOn == nil)
        #expect(try F.refusal { try w.startPublicNotice(on: F.date("2024-03-04")) }?.code == "application.home-visit-missing")
        try w.recordHomeVisit(on: F.date("2024-03-05"))
        #expect(try w.startPublicNotice(on: F.date("2024-03-06")) == .publicNotice(startedOn: F.date("2024-03-06")))
    }

    @Test("no review, hence no approval, without a completed verification")
    func verificationIncomplete() throws {
        var w = try ApplicationWorkflow(program: .extremePoverty, submittedOn: F.date("2024-02-01"), policy: Self.policy)
        try w.startVerification(on: F.date("2024-02-01"))
        let refusal = try F.refusal { try w.beginReview(on: F.date("2024-02-05")) }
        #expect(refusal?.code == "application.verification-incomplete")
        #expect(refusal?.kind == .ruleViolated)
        #expect(w.state == .economicVerification(completedOn: nil))
    }

    @Test("a notice needs a home-visit record")
    func homeVisitMissing() throws {
        var w = try ApplicationWorkflow(program: .minimumLivingAllowance, submittedOn: F.date("2024-02-01"), policy: Self.policy)
        try w.startVerification(on: F.date("2024-02-01"))
        try w.completeVerification(on: F.date("2024-02-01"))
        try w.beginReview(on: F.date("2024-02-01"))
        #expect(try F.refusal { try w.startPublicNotice(on: F.date("2024-02-02")) }?.code == "application.home-visit-missing")
    }

    @Test("approval authority follows the devolution setting",
          arguments: [(false, ApprovalAuthority.county, true), (false, .township, false), (true, .township, true), (true, .county, false)])
    func authority(_ devolved: Bool, _ by: ApprovalAuthority, _ allowed: Bool) throws {
        var w = try inNotice(policy: try WorkflowPolicy(approvalDevolvedToTownship: devolved))
        try w.closePublicNotice(on: F.date("2024-03-08"))
        let refusal = try F.refusal { try w.approve(on: F.date("2024-03-31"), by: by) }
        if allowed {
            #expect(refusal == nil)
            #expect(try w.state == .granted(approvedOn: F.date("2024-03-31"), startsOn: F.date("2024-04-01")))
        } else {
            #expect(refusal?.code == "application.approver-not-authorised")
            #expect(w.state == .approval)
        }
    }

    @Test("benefit starts on the first of the next month, across month and year ends",
          arguments: [("2024-01-31", "2024-02-01"), ("2024-02-01", "2024-03-01"), ("2024-02-29", "2024-03-01"), ("2024-12-01", "2025-01-01"), ("2024-12-31", "2025-01-01")])
    func benefitStart(_ approved: String, _ start: String) throws {
        #expect(try ApplicationWorkflow.benefitStart(approvedOn: F.date(approved)) == F.date(start))
    }

    enum Command: String, CaseIterable, Sendable {
        case completeVerification, beginReview, recordHomeVisit, startPublicNotice, recordObjection, closePublicNotice, approve

        func run(_ w: inout ApplicationWorkflow, on date: CivilDate) throws(RuleViolation) {
            switch self {
            case .completeVerification: try w.completeVerification(on: date)
            case .beginReview: try w.beginReview(on: date)
            case .recordHomeVisit: try w.recordHomeVisit(on: date)
            case .startPublicNotice: try w.startPublicNotice(on: date)
            case .recordObjection: try w.recordObjection(on: date)
            case .closePublicNotice: try w.closePublicNotice(on: date)
            case .approve: try w.approve(on: date, by: .county)
            }
        }
    }

    @Test("commands out of order are refused as conflicts", arguments: Command.allCases)
    func invalidTransitions(_ command: Command) throws {
        var w = try ApplicationWorkflow(program: .minimumLivingAllowance, submittedOn: F.date("2024-02-01"), policy: Self.policy)
        let refusal = try F.refusal { try command.run(&w, on: F.date("2024-02-02")) }
        #expect(refusal?.code == "application.invalid-transition")
        #expect(refusal?.kind == .conflict)
        #expect(w.state == .submitted)
    }

    @Test("verification cannot be completed twice")
    func completeTwice() throws {
        var w = try ApplicationWorkflow(program: .minimumLivingAllowance, submittedOn: F.date("2024-02-01"), policy: Self.policy)
        try w.startVerification(on: F.date("2024-02-02"))
        try w.completeVerification(on: F.date("2024-02-03"))
        #expect(try F.refusal { try w.completeVerification(on: F.date("2024-02-04")) }?.code == "application.invalid-transition")
        #expect(try F.refusal { try w.startVerification(on: F.date("2024-02-04")) }?.code == "application.invalid-transition")
    }

    @Test("rejection from any open state, with a reason; final states refuse further commands")
    func rejection() throws {
        var w = try inNotice()
        #expect(try F.refusal { try w.reject(on: F.date("2024-03-02"), reason: "  ") }?.code == "application.rejection-reason-missing")
        #expect(try w.reject(on: F.date("2024-03-02"), reason: "objection upheld: undeclared income") == .rejected(reason: "objection upheld: undeclared income"))
        let refusal = try F.refusal { try w.startPublicNotice(on: F.date("2024-03-03")) }
        #expect(refusal?.code == "application.already-decided")
        #expect(refusal?.kind == .conflict)
        #expect(try F.refusal { try w.reject(on: F.date("2024-03-03"), reason: "again") }?.code == "application.already-decided")

        var fresh = try ApplicationWorkflow(program: .temporaryAssistance, submittedOn: F.date("2024-02-01"), policy: Self.policy)
        #expect(try fresh.reject(on: F.date("2024-02-01"), reason: "withdrawn") == .rejected(reason: "withdrawn"))
    }

    @Test("granted applications cannot be rejected")
    func grantedIsFinal() throws {
        var w = try inNotice()
        try w.closePublicNotice(on: F.date("2024-03-08"))
        try w.approve(on: F.date("2024-03-08"), by: .county)
        #expect(try F.refusal { try w.reject(on: F.date("2024-03-09"), reason: "late") }?.code == "application.already-decided")
    }

    @Test("dates may not go backwards")
    func dateOrder() throws {
        var w = try ApplicationWorkflow(program: .minimumLivingAllowance, submittedOn: F.date("2024-02-10"), policy: Self.policy)
        let refusal = try F.refusal { try w.startVerification(on: F.date("2024-02-09")) }
        #expect(refusal?.code == "application.date-out-of-order")
        #expect(refusal?.kind == .invalidInput)
        #expect(try w.startVerification(on: F.date("2024-02-10")) == .economicVerification(completedOn: nil))
    }

    @Test("state names are stable")
    func names() throws {
        let states: [ApplicationState] = try [.submitted, .economicVerification(completedOn: nil), .townshipReview(homeVisitRecorded: false),
                                              .publicNotice(startedOn: F.date("2024-01-01")), .approval,
                                              .granted(approvedOn: F.date("2024-01-01"), startsOn: F.date("2024-02-01")), .rejected(reason: "x")]
        #expect(states.map(\.name) == ["submitted", "economic-verification", "township-review", "public-notice", "approval", "granted", "rejected"])
        #expect(states.map(\.isFinal) == [false, false, false, false, false, true, true])
    }
}
