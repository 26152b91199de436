import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
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

/// Extra facts an application carries that the domain workflow does not.
struct ApplicationExtras: Codable, Sendable {
    var hasAbleSupporter: Bool
    var selfCareAbility: SelfCareAbility?
}

/// The `applications` table.
enum ApplicationStore {
    static func lock(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> StoredApplication {
        try await load(id, forUpdate: true, on: connection, logger: logger)
    }

    /// Reads the application; `forUpdate` locks it for the rest of the transaction (every command does).
    /// Refuses `application.not-found` (404).
    static func load(_ id: UUID, forUpdate: Bool, on connection: PostgresConnection, logger: Logger) async throws -> StoredApplication {
        let rows = try await connection.query("""
            SELECT program, household_id, applicant_ref, region, intake_region, workflow::text, verification::text,
                   rejection_code, rejection_reason, extras::text
            FROM applications WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)
        for try await row in rows.decode((String, UUID, String, String, String, String, String?, String?, String?, String).self) {
            let extras = try StoredJSON.decode(ApplicationExtras.self, from: row.9)
            let cases = try await caseIDs(of: id, on: connection, logger: logger)
            return StoredApplication(
                id: id, program: AssistanceProgram(rawValue: row.0) ?? .minimumLivingAllowance, householdID: row.1,
                applicant: try PersonRef(rawValue: row.2), region: try RegionCode(row.3), intakeRegion: try RegionCode(row.4),
                workflow: try StoredJSON.decode(ApplicationWorkflow.self, from: row.5),
                verification: try row.6.map { try StoredJSON.decode(VerificationSummary.self, from: $0) },
                caseIDs: cases, rejectionCode: row.7, rejectionReason: row.8,
                hasAbleSupporter: extras.hasAbleSupporter, selfCareAbility: extras.selfCareAbility)
        }
        throw RuleViolation("application.not-found", "no application \(id)", kind: .notFound)
    }

    /// The regions an application lies in, for region scope: the township that took it and the
    /// county that handles it; nil when there is no such application. One primary-key read.
    static func regions(of id: UUID, in database: PostgresClient, logger: Logger) async throws -> (intake: RegionCode, county: RegionCode)? {
        let rows = try await database.query("SELECT intake_region, region FROM applications WHERE id = \(id)", logger: logger)
        for try await (intake, county) in rows.decode((String, String).self) { return (try RegionCode(intake), try RegionCode(county)) }
        return nil
    }

    static func caseIDs(of application: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [UUID] {
        let rows = try await connection.query("SELECT id FROM cases WHERE application_id = \(application) ORDER BY created_at, id",
                                              logger: logger)
        var ids: [UUID] = []
        for try await id in rows.decode(UUID.self) { ids.append(id) }
        return ids
    }

    /// Makes intakes that share an idempotency key or a person wait for each other until the
    /// transaction ends, so each sees the other's result (locks taken in a stable order: no deadlock).
    static func serialiseIntake(key: String, people: [PersonRef], on connection: PostgresConnection, logger: Logger) async throws {
        let keys = (["key:" + key] + people.map { "person:" + $0.rawValue }).sorted()
        for key in keys {
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("application:" + key)))", logger: logger)
        }
    }

    /// The application submitted under `idempotencyKey`, if any.
    static func application(idempotencyKey: String, on connection: PostgresConnection, logger: Logger) async throws -> UUID? {
        let rows = try await connection.query("SELECT id FROM applications WHERE idempotency_key = \(idempotencyKey)", logger: logger)
        for try await id in rows.decode(UUID.self) { return id }
        return nil
    }

    /// An application for `program`, not yet granted or rejected, of a household listing any of `people`.
    static func openApplication(of people: [PersonRef], program: AssistanceProgram, on connection: PostgresConnection,
                                logger: Logger) async throws -> UUID? {
        let rows = try await connection.query("""
            SELECT a.id FROM applications a JOIN household_members m ON m.household_id = a.household_id
            WHERE m.person_ref = ANY(\(people.map(\.rawValue))) AND a.program = \(program.rawValue)
              AND a.state NOT IN ('granted', 'rejected') LIMIT 1
            """, logger: logger)
        for try await id in rows.decode(UUID.self) { return id }
        return nil
    }

    static func insert(_ intake: ApplicationIntake, id: UUID, householdID: UUID, workflow: ApplicationWorkflow, submittedOn: CivilDate,
                       on connection: PostgresConnection, logger: Logger) async throws {
        let extras = ApplicationExtras(hasAbleSupporter: intake.hasAbleSupporter, selfCareAbility: intake.selfCareAbility)
        try await connection.query("""
            INSERT INTO applications (id, idempotency_key, program, household_id, applicant_ref, region, intake_region,
                                      state, workflow, extras, submitted_on)
            VALUES (\(id), \(intake.idempotencyKey), \(intake.program.rawValue), \(householdID), \(intake.applicant.rawValue),
                    \(intake.region.rawValue), \(intake.intakeRegion.rawValue), \(workflow.state.name),
                    \(try StoredJSON.text(workflow))::jsonb, \(try StoredJSON.text(extras))::jsonb, \(submittedOn.iso)::date)
            """, logger: logger)
    }

    /// Writes the workflow and what the step recorded.
    static func save(_ application: StoredApplication, on connection: PostgresConnection, logger: Logger) async throws {
        let verification = try application.verification.map { try StoredJSON.text($0) }
        try await connection.query("""
            UPDATE applications SET workflow = \(try StoredJSON.text(application.workflow))::jsonb, state = \(application.workflow.state.name),
                verification = \(verification)::jsonb, rejection_code = \(application.rejectionCode),
                rejection_reason = \(application.rejectionReason), updated_at = now()
            WHERE id = \(application.id)
            """, logger: logger)
    }

    /// 入户调查: the visit, kept on the application for the review and the audit.
    static func recordHomeVisit(_ id: UUID, visitor: String, notes: String, on date: CivilDate, on connection: PostgresConnection,
                                logger: Logger) async throws {
        let record = try StoredJSON.text(["visitor": visitor, "notes": notes, "visitedOn": date.iso])
        try await connection.query("UPDATE applications SET home_visit = \(record)::jsonb WHERE id = \(id)", logger: logger)
    }

    /// An objection raised during the public notice, added to the application's list.
    static func appendObjection(_ id: UUID, reason: String, on date: CivilDate, on connection: PostgresConnection,
                                logger: Logger) async throws {
        let objection = try StoredJSON.text(["reason": reason, "on": date.iso])
        try await connection.query("UPDATE applications SET objections = objections || \(objection)::jsonb WHERE id = \(id)",
                                   logger: logger)
    }
}
