import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// The steps of a disability subsidy application after intake, each one transaction: the
/// application is locked, the workflow applies the step (refusing what its state does not allow),
/// and the application is saved with the step's event; a refused step writes nothing.
enum DecideDisabilitySubsidyApplication {
    /// 乡镇初审: the township has seen the certificate and the household.
    static func reviewByTownship(_ id: UUID, notes: String, on date: CivilDate, dependencies: ServiceDependencies,
                                 logger: Logger) async throws -> StoredDisabilitySubsidyApplication {
        try await dependencies.database.transaction(logger: logger) { connection in
            var application = try await DisabilitySubsidyApplicationStore.load(id, forUpdate: true, on: connection, logger: logger)
            try application.workflow.reviewByTownship(on: date)
            application.reviewNotes = notes
            try await DisabilitySubsidyApplicationStore.save(application, on: connection, logger: logger)
            return application
        }
    }

    /// 县级审定: the county approves; eligibility is checked again for the first month (the month
    /// after approval), and the subsidy is granted with its `disability-subsidy-granted`.
    static func approve(_ id: UUID, on date: CivilDate, policy: DisabilitySubsidyPolicy, dependencies: ServiceDependencies,
                        logger: Logger) async throws -> DisabilitySubsidyStore.Stored {
        try await dependencies.database.transaction(logger: logger) { connection in
            var application = try await DisabilitySubsidyApplicationStore.load(id, forUpdate: true, on: connection, logger: logger)
            let firstMonth = try application.workflow.approve(on: date)
            let request = GrantDisabilitySubsidy.Request(
                householdID: application.householdID, person: application.person, kind: application.kind,
                certificate: application.certificate, firstMonth: firstMonth, supportedByElderlyParents: application.supportedByElderlyParents)
            let granted = try await GrantDisabilitySubsidy.grant(request, applicationID: id, policy: policy, today: date,
                                                                 source: dependencies.source, on: connection, logger: logger)
            application.subsidyID = granted.subsidy.id
            try await DisabilitySubsidyApplicationStore.save(application, on: connection, logger: logger)
            return granted
        }
    }

    /// The county refuses, with a stable code and the reason given to the applicant.
    static func reject(_ id: UUID, code: String, reason: String, on date: CivilDate, dependencies: ServiceDependencies,
                       logger: Logger) async throws -> StoredDisabilitySubsidyApplication {
        try await dependencies.database.transaction(logger: logger) { connection in
            var application = try await DisabilitySubsidyApplicationStore.load(id, forUpdate: true, on: connection, logger: logger)
            try application.workflow.reject(on: date, reason: reason)
            application.rejectionCode = code
            try await DisabilitySubsidyApplicationStore.save(application, on: connection, logger: logger)
            try await Outbox.append(
                DisabilitySubsidyApplicationRejected(applicationID: id, program: application.kind.program, applicant: application.person,
                                                     region: application.region, rejectedOn: date, reasonCode: code, reason: reason),
                source: dependencies.source, on: connection, logger: logger)
            return application
        }
    }
}
