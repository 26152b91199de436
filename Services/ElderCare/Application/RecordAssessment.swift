import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Records a capability assessment and publishes `capability-assessed` (the level only). In the
/// same transaction, the person's application for a public institution that was waiting for an
/// assessment is assessed and queued: the assessment decides the priority class (失能).
enum RecordAssessment {
    static func run(_ stored: StoredAssessment, dependencies: ServiceDependencies, logger: Logger) async throws {
        try await dependencies.database.transaction(logger: logger) { connection in
            try await AssessmentStore.insert(stored, on: connection, logger: logger)
            let assessment = stored.assessment
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
