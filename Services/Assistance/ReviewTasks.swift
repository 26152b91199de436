import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// Caseworkers' tasks: periodic reviews (定期核查), re-verification after a change report or a
/// life event, a 特困 minor turning 18. A task is opened once per household, kind and cause.
enum ReviewTasks {
    static func open(householdID: UUID, caseID: UUID?, kind: String, reason: String, dueOn: CivilDate, causeEventID: UUID?,
                     on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO review_tasks (id, case_id, household_id, kind, reason, due_on, cause_event_id)
            VALUES (\(UUID()), \(caseID), \(householdID), \(kind), \(reason), \(dueOn.iso)::date, \(causeEventID))
            ON CONFLICT DO NOTHING
            """, logger: logger)
    }
}
