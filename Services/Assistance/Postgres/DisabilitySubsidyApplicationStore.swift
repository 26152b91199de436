import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// An application for one of the two subsidies as stored: who, which subsidy, the certificate the
/// township saw, and the workflow (the domain type, as JSON).
struct StoredDisabilitySubsidyApplication: Sendable {
    var id: UUID
    var person: PersonRef
    var householdID: UUID
    /// The county that decides and pays.
    var region: RegionCode
    var intakeRegion: RegionCode
    var kind: DisabilitySubsidyKind
    var certificate: DisabilityCertificate
    var supportedByElderlyParents: Bool
    var workflow: DisabilitySubsidyApplicationWorkflow
    var reviewNotes: String?
    var subsidyID: UUID?
    var rejectionCode: String?
}

/// The `disability_subsidy_applications` table.
enum DisabilitySubsidyApplicationStore {
    /// Refuses `disability-subsidy-application.already-open` (409) when the person has an
    /// undecided application of this kind: the unique index decides, so two windows taking the
    /// same application at once cannot both store it.
    static func insert(_ application: StoredDisabilitySubsidyApplication, idempotencyKey: String, on connection: PostgresConnection,
                       logger: Logger) async throws {
        let rows = try await connection.query("""
            INSERT INTO disability_subsidy_applications (id, idempotency_key, person_ref, household_id, region, intake_region, kind,
                certificate, supported_by_elderly_parents, state, workflow, submitted_on)
            VALUES (\(application.id), \(idempotencyKey), \(application.person.rawValue), \(application.householdID),
                    \(application.region.rawValue), \(application.intakeRegion.rawValue), \(application.kind.rawValue),
                    \(try StoredJSON.text(application.certificate))::jsonb, \(application.supportedByElderlyParents),
                    \(application.workflow.state.name), \(try StoredJSON.text(application.workflow))::jsonb,
                    \(application.workflow.submittedOn.iso)::date)
            ON CONFLICT (person_ref, kind) WHERE state IN ('submitted', 'township-reviewed') DO NOTHING
            RETURNING 1
            """, logger: logger)
        for try await _ in rows.decode(Int.self) { return }
        throw RuleViolation("disability-subsidy-application.already-open",
                            "the person already has an undecided \(application.kind.rawValue) subsidy application", kind: .conflict)
    }

    /// Writes the workflow and what the step recorded.
    static func save(_ application: StoredDisabilitySubsidyApplication, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE disability_subsidy_applications SET state = \(application.workflow.state.name),
                workflow = \(try StoredJSON.text(application.workflow))::jsonb, review_notes = \(application.reviewNotes),
                subsidy_id = \(application.subsidyID), rejection_code = \(application.rejectionCode), updated_at = now()
            WHERE id = \(application.id)
            """, logger: logger)
    }

    /// The application submitted under `idempotencyKey`, if any.
    static func application(idempotencyKey: String, on connection: PostgresConnection, logger: Logger) async throws -> UUID? {
        let rows = try await connection.query("SELECT id FROM disability_subsidy_applications WHERE idempotency_key = \(idempotencyKey)",
                                              logger: logger)
        for try await id in rows.decode(UUID.self) { return id }
        return nil
    }

    /// Makes intakes under one idempotency key wait for each other until the transaction ends, so
    /// a repeated request sees the first one's application.
    static func serialise(idempotencyKey: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\("disability-application:" + idempotencyKey)))", logger: logger)
    }

    /// The township that took the application and the county that decides it; nil when there is
    /// no such application. One primary-key read.
    static func regions(of id: UUID, in database: PostgresClient, logger: Logger) async throws -> (intake: RegionCode, county: RegionCode)? {
        let rows = try await database.query("SELECT intake_region, region FROM disability_subsidy_applications WHERE id = \(id)",
                                            logger: logger)
        for try await (intake, county) in rows.decode((String, String).self) { return (try RegionCode(intake), try RegionCode(county)) }
        return nil
    }

    /// Refuses `disability-subsidy-application.not-found` (404); `forUpdate` locks it for the transaction.
    static func load(_ id: UUID, forUpdate: Bool, on connection: PostgresConnection,
                     logger: Logger) async throws -> StoredDisabilitySubsidyApplication {
        let rows = try await connection.query("""
            SELECT person_ref, household_id, region, intake_region, kind, certificate::text, supported_by_elderly_parents,
                   workflow::text, review_notes, subsidy_id, rejection_code
            FROM disability_subsidy_applications WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)
        typealias Row = (String, UUID, String, String, String, String, Bool, String, String?, UUID?, String?)
        for try await row in rows.decode(Row.self) {
            guard let kind = DisabilitySubsidyKind(rawValue: row.4) else {
                throw StoredValueError(column: "disability_subsidy_applications.kind", value: row.4)
            }
            return StoredDisabilitySubsidyApplication(
                id: id, person: try PersonRef(rawValue: row.0), householdID: row.1, region: try RegionCode(row.2),
                intakeRegion: try RegionCode(row.3), kind: kind, certificate: try StoredJSON.decode(DisabilityCertificate.self, from: row.5),
                supportedByElderlyParents: row.6, workflow: try StoredJSON.decode(DisabilitySubsidyApplicationWorkflow.self, from: row.7),
                reviewNotes: row.8, subsidyID: row.9, rejectionCode: row.10)
        }
        throw RuleViolation("disability-subsidy-application.not-found", "no disability subsidy application \(id)", kind: .notFound)
    }
}
