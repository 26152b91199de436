import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// `review_tasks`: caseworkers' tasks, one per household, kind and cause.
enum ReviewTaskStore {
    /// Opens a task, unless the household already has one of this kind for this cause.
    static func open(_ task: ReviewTask, causeEventID: UUID?, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO review_tasks (id, case_id, household_id, kind, reason, due_on, cause_event_id)
            VALUES (\(task.id), \(task.caseID), \(task.householdID), \(task.kind.rawValue), \(task.reason), \(task.dueOn.iso)::date,
                    \(causeEventID))
            ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    /// Opens a task of `kind` due on `dueOn` (see ``open(_:causeEventID:on:logger:)``).
    static func open(_ kind: ReviewTask.Kind, household: UUID, case caseID: UUID?, reason: String, dueOn: CivilDate, causeEventID: UUID?,
                     on connection: PostgresConnection, logger: Logger) async throws {
        let task = ReviewTask(id: UUID(), caseID: caseID, householdID: household, kind: kind, reason: reason, dueOn: dueOn, status: .open)
        try await open(task, causeEventID: causeEventID, on: connection, logger: logger)
    }

    /// Closes the household's open tasks due by `today` with the outcome of its re-verification.
    static func closeDue(household: UUID, by today: CivilDate, outcome: String, on connection: PostgresConnection,
                         logger: Logger) async throws {
        try await connection.query("""
            UPDATE review_tasks SET status = 'done', outcome = \(outcome)
            WHERE household_id = \(household) AND status = 'open' AND due_on <= \(today.iso)::date
            """, logger: logger)
    }

    /// Tasks of one status for households living within `region` now, earliest due first (at most 500).
    static func tasks(status: ReviewTask.Status, within region: RegionCode, on connection: PostgresConnection,
                      logger: Logger) async throws -> [ReviewTask] {
        let prefix = String(region.significantPrefix)
        let rows = try await connection.query("""
            SELECT t.id, t.case_id, t.household_id, t.kind, t.reason, t.due_on::text, t.status
            FROM review_tasks t JOIN households h ON h.id = t.household_id
            WHERE t.status = \(status.rawValue) AND starts_with(h.region, \(prefix)) ORDER BY t.due_on, t.id LIMIT 500
            """, logger: logger)
        var tasks: [ReviewTask] = []
        for try await row in rows.decode((UUID, UUID?, UUID, String, String, String, String).self) {
            tasks.append(ReviewTask(id: row.0, caseID: row.1, householdID: row.2, kind: try kind(row.3), reason: row.4,
                                    dueOn: try CivilDate(iso: row.5), status: ReviewTask.Status(rawValue: row.6) ?? status))
        }
        return tasks
    }

    private static func kind(_ text: String) throws -> ReviewTask.Kind {
        guard let kind = ReviewTask.Kind(rawValue: text) else { throw StoredValueError(column: "review_tasks.kind", value: text) }
        return kind
    }
}
