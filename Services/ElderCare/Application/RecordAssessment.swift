import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Records a capability assessment and publishes `capability-assessed` (the level only). In the
/// same transaction, the person's application for a public institution that was waiting for an
/// assessment is assessed and queued: the assessment decides the priority class (失能); and a
/// registered elder's level on the register follows the latest assessment, so the derived 失能
/// category is added or ended (``CategoryPolicy``) and published with the rest. A 特困 elder's
/// application it queues is offered centralised support (``CentralisedSupportOffers``).
enum RecordAssessment {
    static func run(_ stored: StoredAssessment, today: CivilDate, policy: ElderCarePolicy, dependencies: ServiceDependencies,
                    logger: Logger) async throws {
        try await dependencies.database.transaction(logger: logger) { connection in
            try await AssessmentStore.insert(stored, on: connection, logger: logger)
            let assessment = stored.assessment
            let registered = try await ElderStore.lock(stored.person, on: connection, logger: logger)
            // The latest assessment by date decides: one entered late for an earlier day leaves the level alone.
            if var elder = registered, elder.dateOfDeath == nil,
               let latest = try await AssessmentStore.latestLevel(of: stored.person, on: connection, logger: logger),
               latest != elder.capability {
                elder.capability = latest
                try await ElderStore.update(elder, on: connection, logger: logger)
                try await RecordCategory.refresh(elder, today: today, policy: policy, cause: nil, source: dependencies.source,
                                                 on: connection, logger: logger)
            }
            try await Outbox.append(
                CapabilityAssessed(assessmentID: stored.id, person: stored.person, level: assessment.level.rating, region: stored.region,
                                   assessedOn: assessment.assessedOn),
                source: dependencies.source, on: connection, logger: logger)
            for var waiting in try await WaitingListStore.entries(of: stored.person, on: connection, logger: logger)
            where waiting.entry.state == .applied {
                let day = max(assessment.assessedOn, waiting.entry.lastStepOn)
                try waiting.entry.apply(.assess(assessment.level, on: day))
                try waiting.entry.apply(.queue(on: day))
                try await WaitingListStore.save(waiting, on: connection, logger: logger)
                // A 特困 elder (Assistance's grant came before this assessment) is offered centralised support now.
                if let elder = registered, elder.status == .active, OlderPerson.includes(elder.residentID, on: today),
                   try await ElderCategoryStore.memberships(of: stored.person, on: connection, logger: logger)
                       .contains(where: { $0.category == .extremePoverty }) {
                    try await CentralisedSupportOffers.offerIfQueued(waiting, county: elder.region.county, today: today, policy: policy,
                                                                     source: dependencies.source, on: connection, logger: logger)
                }
            }
        }
    }

    static func assessments(of person: PersonRef, within region: RegionCode, dependencies: ServiceDependencies,
                            logger: Logger) async throws -> [StoredAssessment] {
        try await dependencies.database.withConnection { connection in
            try await AssessmentStore.assessments(of: person, within: region, on: connection, logger: logger)
        }
    }
}
