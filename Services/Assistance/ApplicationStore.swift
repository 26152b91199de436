import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// An application as stored: the workflow (the domain type, as JSON) and what the steps recorded.
struct StoredApplication: Sendable {
    var id: UUID
    var program: AssistanceProgram
    var householdID: UUID
    var applicant: PersonRef
    var region: RegionCode
    var intakeRegion: RegionCode
    var workflow: ApplicationWorkflow
    var verification: VerificationSummary?
    var caseIDs: [UUID]
    var rejectionCode: String?
    var rejectionReason: String?
    var hasAbleSupporter: Bool
    var selfCareAbility: SelfCareAbility?
}

/// What economic verification found, kept on the application for the review and the audit.
struct VerificationSummary: Codable, Sendable {
    var completedOn: CivilDate
    var sources: [String]
    var monthlyIncomePerCapitaFen: Int64
    var countableIncomeFen: Int64
    var totalAssetsFen: Int64
    var meetsMeansTest: Bool
    /// For 低保: `household` or `single-person`; for 特困: `individual`.
    var verdict: String
    var singlePersons: [PersonRef]
    var nearLowIncome: Bool
    var findings: [Finding]

    struct Finding: Codable, Sendable {
        var code: String
        var passed: Bool
        var explanation: String
    }
}

/// Extra facts an application carries that the domain workflow does not.
struct ApplicationExtras: Codable, Sendable {
    var hasAbleSupporter: Bool
    var selfCareAbility: SelfCareAbility?
}

enum ApplicationStore {
    static func lock(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> StoredApplication {
        try await load(id, forUpdate: true, on: connection, logger: logger)
    }

    /// Reads the application; `forUpdate` locks it for the rest of the transaction (every command does).
    static func load(_ id: UUID, forUpdate: Bool, on connection: PostgresConnection, logger: Logger) async throws -> StoredApplication {
        let rows = try await connection.query("""
            SELECT program, household_id, applicant_ref, region, intake_region, workflow::text, verification::text,
                   rejection_code, rejection_reason, extras::text
            FROM applications WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)
        for try await row in rows.decode((String, UUID, String, String, String, String, String?, String?, String?, String).self) {
            let extras = try EventJSON.decoder.decode(ApplicationExtras.self, from: Data(row.9.utf8))
            let cases = try await caseIDs(of: id, on: connection, logger: logger)
            return StoredApplication(
                id: id, program: AssistanceProgram(rawValue: row.0) ?? .minimumLivingAllowance, householdID: row.1,
                applicant: try PersonRef(rawValue: row.2), region: try RegionCode(row.3), intakeRegion: try RegionCode(row.4),
                workflow: try EventJSON.decoder.decode(ApplicationWorkflow.self, from: Data(row.5.utf8)),
                verification: try row.6.map { try EventJSON.decoder.decode(VerificationSummary.self, from: Data($0.utf8)) },
                caseIDs: cases, rejectionCode: row.7, rejectionReason: row.8,
                hasAbleSupporter: extras.hasAbleSupporter, selfCareAbility: extras.selfCareAbility)
        }
        throw RuleViolation("application.not-found", "no application \(id)", kind: .notFound)
    }

    static func caseIDs(of application: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [UUID] {
        let rows = try await connection.query("SELECT id FROM cases WHERE application_id = \(application) ORDER BY created_at, id",
                                              logger: logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        return ids
    }

    /// Writes the workflow and what the step recorded.
    static func save(_ application: StoredApplication, on connection: PostgresConnection, logger: Logger) async throws {
        let workflow = String(decoding: try EventJSON.encoder.encode(application.workflow), as: UTF8.self)
        let verification = try application.verification.map { String(decoding: try EventJSON.encoder.encode($0), as: UTF8.self) }
        try await connection.query("""
            UPDATE applications SET workflow = \(workflow)::jsonb, state = \(application.workflow.state.name),
                verification = \(verification)::jsonb, rejection_code = \(application.rejectionCode),
                rejection_reason = \(application.rejectionReason), updated_at = now()
            WHERE id = \(application.id)
            """, logger: logger)
    }
}

/// Households as stored: the domain `Household` (members as JSON) plus the membership index.
enum HouseholdStore {
    static func insert(_ household: Household, id: UUID, region: RegionCode, on connection: PostgresConnection, logger: Logger) async throws {
        let residence = String(decoding: try EventJSON.encoder.encode(household.residence), as: UTF8.self)
        let members = String(decoding: try EventJSON.encoder.encode(household.members), as: UTF8.self)
        try await connection.query("""
            INSERT INTO households (id, region, area, residence, members)
            VALUES (\(id), \(region.rawValue), \(household.area.rawValue), \(residence)::jsonb, \(members)::jsonb)
            """, logger: logger)
        try await connection.query("""
            INSERT INTO household_members (household_id, person_ref)
            SELECT \(id), unnest(\(household.members.map(\.person.rawValue))::text[])
            """, logger: logger)
    }

    /// The household as declared at intake (`verified: false`, what verification starts from) or
    /// as last verified (`verified: true`, what amounts are computed from; the declared one until
    /// a verification ran).
    static func load(_ id: UUID, verified: Bool, on connection: PostgresConnection, logger: Logger) async throws -> Household {
        let rows = try await connection.query("""
            SELECT area, residence::text, \(unescaped: verified ? "coalesce(verified_members, members)" : "members")::text
            FROM households WHERE id = \(id)
            """, logger: logger)
        for try await (area, residence, members) in rows.decode((String, String, String).self) {
            return try Household(area: UrbanRural(rawValue: area) ?? .urban,
                                 residence: try EventJSON.decoder.decode([ResidenceBasis].self, from: Data(residence.utf8)),
                                 members: try EventJSON.decoder.decode([Member].self, from: Data(members.utf8)))
        }
        throw RuleViolation("household.not-found", "no household \(id)", kind: .notFound)
    }

    /// Replaces the declared members (a change report).
    static func updateDeclared(_ id: UUID, members: [Member], on connection: PostgresConnection, logger: Logger) async throws {
        let json = String(decoding: try EventJSON.encoder.encode(members), as: UTF8.self)
        try await connection.query("UPDATE households SET members = \(json)::jsonb, updated_at = now() WHERE id = \(id)", logger: logger)
    }

    /// Records the verified members (never the declared ones: a later verification starts again from the declaration).
    static func updateMembers(_ id: UUID, members: [Member], nearLowIncome: Bool?, on connection: PostgresConnection, logger: Logger) async throws {
        let json = String(decoding: try EventJSON.encoder.encode(members), as: UTF8.self)
        try await connection.query("""
            UPDATE households SET verified_members = \(json)::jsonb, near_low_income = coalesce(\(nearLowIncome), near_low_income),
                updated_at = now()
            WHERE id = \(id)
            """, logger: logger)
    }
}
