import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// The dissolution of a registered adoption (解除收养关系), with `adoption-dissolved`.
enum DissolveAdoption {
    static func run(
        _ id: UUID, _ dissolution: AdoptionDissolution, dependencies: ServiceDependencies, today: CivilDate, logger: Logger
    ) async throws -> AdoptionRecord {
        try await dependencies.database.transaction(logger: logger) { connection in
            guard let (record, child, adopters) = try await AdoptionStore(connection, logger: logger).dissolve(id, dissolution, on: today)
            else {
                throw RuleViolation("adoption.not-registered", "no registered adoption \(id)", kind: .conflict)
            }
            try await Outbox.append(
                AdoptionDissolved(adoptionID: id, child: child, adopters: adopters, dissolvedOn: today, basis: dissolution.basis,
                                  documentNumber: dissolution.documentNumber),
                source: dependencies.source, on: connection, logger: logger)
            return record
        }
    }
}
