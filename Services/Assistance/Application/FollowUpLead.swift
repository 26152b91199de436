import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// A caseworker follows a lead up or closes it, with a note, and the step is published
/// (`lead-followed-up`, `lead-closed`) in the same transaction. A closed lead takes neither.
enum FollowUpLead {
    static func run(_ id: UUID, to status: LeadStatus, note: String, today: CivilDate, dependencies: ServiceDependencies,
                    logger: Logger) async throws -> RiskLead {
        try await dependencies.database.transaction(logger: logger) { connection in
            var lead = try await RiskLeadStore.lock(id, on: connection, logger: logger)
            try lead.status.requireOpen(id)
            lead.status = status
            lead.outcome = note
            try await RiskLeadStore.update(lead, on: connection, logger: logger)
            // The note stays here: free text may name people, and topics carry person refs only.
            if status == .closed {
                try await Outbox.append(
                    LeadClosed(leadID: lead.id, householdID: lead.subject.householdID, person: lead.person, region: lead.region,
                               detectedOn: lead.detectedOn, closedOn: today),
                    source: dependencies.source, on: connection, logger: logger)
            } else {
                try await Outbox.append(
                    LeadFollowedUp(leadID: lead.id, householdID: lead.subject.householdID, person: lead.person, region: lead.region,
                                   followedUpOn: today),
                    source: dependencies.source, on: connection, logger: logger)
            }
            return lead
        }
    }
}
