import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO
import ServiceKit

/// A change report on an active case (家庭人口、经济状况重大变化报告): newly declared incomes
/// replace the members' earlier declarations, a move takes the household and its cases to the
/// county its new residence makes responsible, and a `re-verification` task due today is opened
/// (after a move, the new county's: the case is reassessed under its standards).
enum ReportChange {
    static func run(_ report: ChangeReport, caseID: UUID, policy: ResidencePolicy, today: CivilDate, dependencies: ServiceDependencies,
                    logger: Logger) async throws -> ReviewTask {
        let destination = try report.destination(policy: policy)
        return try await dependencies.database.transaction(logger: logger) { connection in
            let benefit = try await CaseStore.lock(caseID, on: connection, logger: logger)
            try benefit.requireActive(for: "changes are reported on active cases")
            if let destination {
                try await HouseholdStore.move(benefit.householdID, residence: report.residence, region: destination, on: connection,
                                              logger: logger)
                try await CaseStore.move(household: benefit.householdID, to: destination, on: connection, logger: logger)
                logger.info("household moved", metadata: ["case": "\(caseID)", "from": "\(benefit.region)", "to": "\(destination)"])
            }
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
