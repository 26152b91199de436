import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// The workflow's steps after intake. Each is one transaction: the application is locked, the
/// step applied (the workflow refuses what its state does not allow), then saved with what the
/// step recorded and its event; a refused step writes nothing.
enum ApplicationStep {
    /// Locks the application, applies `body`, saves it, and returns it with its cases.
    static func run(
        _ id: UUID, _ dependencies: ServiceDependencies, logger: Logger,
        _ body: @Sendable (inout StoredApplication, PostgresConnection) async throws -> Void
    ) async throws -> StoredApplication {
        try await dependencies.database.transaction(logger: logger) { connection in
            var application = try await ApplicationStore.lock(id, on: connection, logger: logger)
            try await body(&application, connection)
            try await ApplicationStore.save(application, on: connection, logger: logger)
            application.caseIDs = try await ApplicationStore.caseIDs(of: id, on: connection, logger: logger)
            return application
        }
    }

    /// 入户调查: the township's home visit, recorded for the review and the audit.
    static func recordHomeVisit(_ id: UUID, visitor: String, notes: String, on date: CivilDate, dependencies: ServiceDependencies,
                                logger: Logger) async throws -> StoredApplication {
        try await run(id, dependencies, logger: logger) { application, connection in
            try application.workflow.recordHomeVisit(on: date)
            try await ApplicationStore.recordHomeVisit(id, visitor: visitor, notes: notes, on: date, on: connection, logger: logger)
        }
    }

    /// 公示: the public notice starts.
    static func startPublicNotice(_ id: UUID, on date: CivilDate, dependencies: ServiceDependencies,
                                  logger: Logger) async throws -> StoredApplication {
        try await run(id, dependencies, logger: logger) { application, _ in
            try application.workflow.startPublicNotice(on: date)
        }
    }

    /// An objection during the notice: recorded, and the application goes back to township review.
    static func recordObjection(_ id: UUID, reason: String, on date: CivilDate, dependencies: ServiceDependencies,
                                logger: Logger) async throws -> StoredApplication {
        try await run(id, dependencies, logger: logger) { application, connection in
            try application.workflow.recordObjection(on: date)
            try await ApplicationStore.appendObjection(id, reason: reason, on: date, on: connection, logger: logger)
        }
    }

    /// Rejection with a reason, from any open state; publishes `application-rejected`.
    static func reject(_ id: UUID, code: String, reason: String, on date: CivilDate, dependencies: ServiceDependencies,
                       logger: Logger) async throws -> StoredApplication {
        try await run(id, dependencies, logger: logger) { application, connection in
            try application.workflow.reject(on: date, reason: reason)
            application.rejectionCode = code
            application.rejectionReason = reason
            try await Outbox.append(
                ApplicationRejected(applicationID: application.id, program: application.program, applicant: application.applicant,
                                    region: application.region, rejectedOn: date, reasonCode: code, reason: reason),
                source: dependencies.source, on: connection, logger: logger)
        }
    }
}
