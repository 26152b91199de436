import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO
import ServiceKit

/// A caseworker follows a lead up or closes it, with a note. A closed lead takes neither.
enum FollowUpLead {
    static func run(_ id: UUID, to status: LeadStatus, note: String, dependencies: ServiceDependencies,
                    logger: Logger) async throws -> RiskLead {
        try await dependencies.database.transaction(logger: logger) { connection in
            var lead = try await RiskLeadStore.lock(id, on: connection, logger: logger)
            try lead.status.requireOpen(id)
            lead.status = status
            lead.outcome = note
            try await RiskLeadStore.update(lead, on: connection, logger: logger)
            return lead
        }
    }
}
