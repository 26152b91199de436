import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Intake: stores the household and the application and publishes `application-submitted`, in one
/// transaction. A repeated idempotency key returns the first application.
enum SubmitApplication {
    /// Returns the application and whether it was created now (false: the key was seen before).
    /// Refuses `application.already-open` (409) when a member already has an open application
    /// for the program, whichever household lists them.
    static func run(_ intake: ApplicationIntake, dependencies: ServiceDependencies, policy: AssistancePolicy, today: CivilDate,
                    logger: Logger) async throws -> (application: StoredApplication, created: Bool) {
        try await dependencies.database.transaction(logger: logger) { connection in
            let people = intake.household.members.map(\.person)
            try await ApplicationStore.serialiseIntake(key: intake.idempotencyKey, people: people, on: connection, logger: logger)
            if let existing = try await ApplicationStore.application(idempotencyKey: intake.idempotencyKey, on: connection, logger: logger) {
                return (try await ApplicationStore.lock(existing, on: connection, logger: logger), false)
            }
            if let other = try await ApplicationStore.openApplication(of: people, program: intake.program, on: connection, logger: logger) {
                throw RuleViolation("application.already-open", "a member already has an open \(intake.program.rawValue) application \(other)",
                                    kind: .conflict)
            }
            let id = UUID()
            let householdID = UUID()
            try await HouseholdStore.insert(intake.household, id: householdID, region: intake.region, on: connection, logger: logger)
            let workflow = ApplicationWorkflow(program: intake.program, submittedOn: today, policy: policy.workflow)
            try await ApplicationStore.insert(intake, id: id, householdID: householdID, workflow: workflow, submittedOn: today,
                                              on: connection, logger: logger)
            try await Outbox.append(
                ApplicationSubmitted(applicationID: id, program: intake.program, applicant: intake.applicant, members: people,
                                     region: intake.region, intakeRegion: intake.intakeRegion, submittedOn: today),
                source: dependencies.source, on: connection, logger: logger)
            return (try await ApplicationStore.lock(id, on: connection, logger: logger), true)
        }
    }
}
