import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO
import ServiceKit

/// A change report on an active case (家庭人口、经济状况重大变化报告): newly declared incomes
/// replace the members' earlier declarations, and a `re-verification` task due today is opened.
enum ReportChange {
    static func run(_ report: ChangeReport, caseID: UUID, today: CivilDate, dependencies: ServiceDependencies,
                    logger: Logger) async throws -> ReviewTask {
        try await dependencies.database.transaction(logger: logger) { connection in
            let benefit = try await CaseStore.lock(caseID, on: connection, logger: logger)
            try benefit.requireActive(for: "changes are reported on active cases")
            if !report.declaredIncomes.isEmpty {
                let declared = try await HouseholdStore.load(benefit.householdID, verified: false, on: connection, logger: logger)
                try await HouseholdStore.updateDeclared(benefit.householdID, members: try report.redeclared(declared.members),
                                                        on: connection, logger: logger)
            }
            let task = ReviewTask(id: UUID(), caseID: caseID, householdID: benefit.householdID, kind: .reverification,
                                  reason: report.reason, dueOn: today, status: .open)
            // The task is its own cause: every report opens one.
            try await ReviewTaskStore.open(task, causeEventID: task.id, on: connection, logger: logger)
            return task
        }
    }
}
