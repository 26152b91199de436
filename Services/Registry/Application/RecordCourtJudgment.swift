import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// A court's divorce judgment, or its annulment or revocation of a marriage, recorded with
/// `divorce-registered` (basis court judgment) or `marriage-annulled`.
enum RecordCourtJudgment {
    struct Command: Sendable {
        var marriage: UUID
        var kind: CourtJudgmentKind
        /// The court's case number (案号).
        var documentNumber: String
        var effectiveOn: CivilDate
    }

    static func run(_ command: Command, dependencies: ServiceDependencies, logger: Logger) async throws -> MarriageRecord {
        try await dependencies.database.transaction(logger: logger) { connection in
            let id = command.marriage
            let (refA, refB) = try await EndMarriage.run(id, as: command.kind.endsMarriageAs, on: command.effectiveOn,
                                                         connection: connection, logger: logger)
            switch command.kind {
            case .divorce:
                // No office registers a court's divorce: the event has no office and no region.
                try await Outbox.append(
                    DivorceRegistered(marriageID: id, applicationID: nil, certificateNumber: nil, partyA: refA, partyB: refB,
                                      registeredOn: command.effectiveOn, basis: .courtJudgment, courtDocumentNumber: command.documentNumber),
                    source: dependencies.source, on: connection, logger: logger)
            case .annulment, .revocation:
                try await Outbox.append(
                    MarriageAnnulled(marriageID: id, partyA: refA, partyB: refB, kind: command.kind == .annulment ? .annulment : .revocation,
                                     courtDocumentNumber: command.documentNumber, effectiveOn: command.effectiveOn),
                    source: dependencies.source, on: connection, logger: logger)
            }
            guard let marriage = try await MarriageStore(connection, logger: logger).find(id) else { throw RuleViolation.marriageNotFound(id) }
            return marriage
        }
    }
}
