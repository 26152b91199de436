import Contracts
import Foundation
import Testing
import TestKit
@testable import AssistanceDomain

@Suite("DisabilitySubsidyApplicationWorkflow", .tags(.unit))
struct DisabilitySubsidyApplicationWorkflowTests {
    static func day(_ iso: String) throws -> CivilDate { try CivilDate(iso: iso) }

    /// The refusal's code, or nil when `step` succeeds.
    static func code(_ step: () throws(RuleViolation) -> Void) -> String? {
        do { try step(); return nil } catch { return error.code }
    }

    @Test("township review, then approval: paid from the month after approval")
    func grantedPath() throws {
        var workflow = DisabilitySubsidyApplicationWorkflow(submittedOn: try Self.day("2026-01-05"))
        #expect(workflow.state == .submitted)
        try workflow.reviewByTownship(on: try Self.day("2026-01-08"))
        #expect(workflow.state == .townshipReviewed(on: try Self.day("2026-01-08")))
        let first = try workflow.approve(on: try Self.day("2026-01-31"))
        #expect(first.iso == "2026-02")
        #expect(workflow.state == .granted(approvedOn: try Self.day("2026-01-31"), firstMonth: first))
        #expect(workflow.state.isFinal)
        #expect(workflow.state.name == "granted")
    }

    @Test("approval of a December application pays from January")
    func yearBoundary() throws {
        #expect(DisabilitySubsidyApplicationWorkflow.firstMonth(approvedOn: try Self.day("2025-12-31")).iso == "2026-01")
    }

    @Test("the county cannot approve before the township has reviewed")
    func approvalNeedsReview() throws {
        var workflow = DisabilitySubsidyApplicationWorkflow(submittedOn: try Self.day("2026-01-05"))
        let on = try Self.day("2026-01-06")
        #expect(Self.code { () throws(RuleViolation) in _ = try workflow.approve(on: on) } == "application.invalid-transition")
        #expect(workflow.state == .submitted)
    }

    @Test("a step dated before the previous one is refused and changes nothing")
    func datesInOrder() throws {
        var workflow = DisabilitySubsidyApplicationWorkflow(submittedOn: try Self.day("2026-01-05"))
        let early = try Self.day("2026-01-04")
        #expect(Self.code { () throws(RuleViolation) in try workflow.reviewByTownship(on: early) } == "application.date-out-of-order")
        #expect(workflow.state == .submitted)
        #expect(workflow.lastActivityOn == (try Self.day("2026-01-05")))
    }

    @Test("a rejection needs a reason; once decided, nothing more is allowed", arguments: ["submitted", "township-reviewed"])
    func rejection(_ from: String) throws {
        var workflow = DisabilitySubsidyApplicationWorkflow(submittedOn: try Self.day("2026-01-05"))
        if from == "township-reviewed" { try workflow.reviewByTownship(on: try Self.day("2026-01-06")) }
        let on = try Self.day("2026-01-07")
        #expect(Self.code { () throws(RuleViolation) in try workflow.reject(on: on, reason: "  ") } == "application.rejection-reason-missing")
        try workflow.reject(on: on, reason: "残疾人证已过期")
        #expect(workflow.state == .rejected(on: on, reason: "残疾人证已过期"))
        #expect(Self.code { () throws(RuleViolation) in try workflow.reject(on: on, reason: "again") } == "application.already-decided")
        #expect(Self.code { () throws(RuleViolation) in _ = try workflow.approve(on: on) } == "application.already-decided")
        #expect(Self.code { () throws(RuleViolation) in try workflow.reviewByTownship(on: on) } == "application.already-decided")
    }

    @Test("the workflow survives its JSON form (how the store keeps it)")
    func codable() throws {
        var workflow = DisabilitySubsidyApplicationWorkflow(submittedOn: try Self.day("2026-01-05"))
        try workflow.reviewByTownship(on: try Self.day("2026-01-06"))
        _ = try workflow.approve(on: try Self.day("2026-01-07"))
        let decoded = try JSONDecoder().decode(DisabilitySubsidyApplicationWorkflow.self, from: try JSONEncoder().encode(workflow))
        #expect(decoded == workflow)
    }
}
