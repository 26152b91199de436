import Access
import DevelopmentTokens

/// The officers the demo acts as, each with a development token for their role and region:
/// Jingtai County's registrar, approver and finance officer, 一条山镇's intake caseworker, the
/// city's policy officer and auditor, and a registrar of another county (Huining, 620422) whose
/// reads of Jingtai's records are refused; for ElderCare, Jingtai's 养老服务科 caseworker, capability
/// assessor and policy officer, and 一条山镇's home visitor.
struct DemoOfficers {
    let registrar: String
    let registrarElsewhere: String
    let intake: String
    let approver: String
    let finance: String
    let policy: String
    let auditor: String
    let elderCaseworker: String
    let assessor: String
    let visitor: String
    let countyPolicy: String

    init(issuer: DevelopmentTokenIssuer) async throws {
        func token(_ role: Role, _ region: String, _ subject: String) async throws -> String {
            try await issuer.mint(roles: [role], region: region, subject: subject, minutes: 60)
        }
        registrar = try await token(.registrar, "620423", "demo-registrar-jingtai")
        registrarElsewhere = try await token(.registrar, "620422", "demo-registrar-huining")
        intake = try await token(.intake, "620423100", "demo-intake-yitiaoshan")
        approver = try await token(.approver, "620423", "demo-approver-jingtai")
        finance = try await token(.finance, "620423", "demo-finance-jingtai")
        policy = try await token(.policy, "620400", "demo-policy-baiyin")
        auditor = try await token(.auditor, "620400", "demo-auditor-baiyin")
        elderCaseworker = try await token(.caseworker, "620423", "demo-caseworker-jingtai")
        assessor = try await token(.assessor, "620423", "demo-assessor-jingtai")
        visitor = try await token(.visitor, "620423100", "demo-visitor-yitiaoshan")
        countyPolicy = try await token(.policy, "620423", "demo-policy-jingtai")
    }
}
