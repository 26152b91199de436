import Access
import Contracts
import TestKit
import Testing

@Suite("Access: route policies and roles", .tags(.unit))
struct RoutePolicyTests {
    @Test func aHeldRoleIsAdmitted() throws {
        let policy = RoutePolicy(roles: [.approver, .reviewer], region: .record)
        try policy.checkRoles(of: Principal(subject: "a", roles: [.reviewer], region: try RegionCode("620423")))
    }

    @Test func adminIsAdmittedEverywhere() throws {
        let policy = RoutePolicy(roles: [.finance], region: .query("region"))
        try policy.checkRoles(of: Principal(subject: "a", roles: [.admin], region: try RegionCode("620423")))
    }

    @Test func anotherRoleIsRefusedWithAStableCode() throws {
        let policy = RoutePolicy(roles: [.registrar], region: .none)
        let principal = Principal(subject: "a", roles: [.intake, .auditor], region: try RegionCode("620423"))
        do {
            try policy.checkRoles(of: principal)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == "auth.role-not-allowed")
            #expect(error.kind == .forbidden)
            #expect(error.detail.contains("registrar"))
        }
    }

    @Test func noRolesIsRefused() throws {
        let policy = RoutePolicy(roles: [.auditor], region: .fromToken)
        let nobody = Principal(subject: "a", roles: [], region: try RegionCode("620423"))
        #expect(throws: RuleViolation.self) { try policy.checkRoles(of: nobody) }
    }

    @Test func roleNamesAreTheClaimValues() {
        #expect(Role.allCases.map(\.rawValue) == ["registrar", "intake", "reviewer", "approver", "finance", "policy", "caseworker", "visitor", "assessor", "auditor", "admin"])
    }
}
