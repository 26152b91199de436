import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// A visitor records a visit (探访关爱): the visit, one open follow-up per risk flag, and
/// `visit-completed`, in one transaction. Closing a follow-up records what was done.
enum RecordVisit {
    /// Refuses an unregistered person (`elder.not-found`, 404), a deceased one (`elder.deceased`,
    /// 409: visits stop at death) and what ``Visit`` refuses.
    static func run(person: PersonRef, visitorID: String, visitedOn: CivilDate, mode: VisitMode, findings: String, riskFlags: Set<RiskFlag>,
                    today: CivilDate, dependencies: ServiceDependencies, logger: Logger) async throws
        -> (id: UUID, visit: Visit, followUps: [VisitStore.StoredFollowUp]) {
        try await dependencies.database.transaction(logger: logger) { connection in
            let elder = try await ElderStore.require(person, on: connection, logger: logger)
            try RecordCategory.requireAlive(elder)
            let visit = try Visit(visitorID: visitorID, visitedOn: visitedOn, mode: mode, findings: findings, riskFlags: riskFlags,
                                  registeredOn: elder.registeredOn, today: today)
            let id = UUID()
            let followUps = visit.followUps().map { (UUID(), $0) }
            try await VisitStore.insert(visit, id: id, person: person, followUps: followUps, on: connection, logger: logger)
            let event = VisitCompleted(
                visitID: id, person: person, region: elder.region, visitedOn: visitedOn,
                mode: visit.mode == .inPerson ? .inPerson : .phoneOrVideo,
                riskFlags: visit.riskFlags.sorted().compactMap { VisitCompleted.Risk(rawValue: $0.rawValue) })
            try await Outbox.append(event, source: dependencies.source, on: connection, logger: logger)
            return (id, visit, followUps.map { VisitStore.StoredFollowUp(id: $0.0, visitID: id, person: person, followUp: $0.1) })
        }
    }

    /// Closes a follow-up with what was done (``FollowUp/close(on:action:by:)``).
    static func closeFollowUp(_ id: UUID, on date: CivilDate, action: String, by userID: String, today: CivilDate,
                              dependencies: ServiceDependencies, logger: Logger) async throws -> VisitStore.StoredFollowUp {
        guard date <= today else {
            throw RuleViolation.invalid("follow-up.in-future", "a follow-up cannot be closed on \(date), after \(today)")
        }
        return try await dependencies.database.transaction(logger: logger) { connection in
            var stored = try await VisitStore.lockFollowUp(id, on: connection, logger: logger)
            try stored.followUp.close(on: date, action: action, by: userID)
            try await VisitStore.close(stored, on: connection, logger: logger)
            return stored
        }
    }
}
