import Contracts
import Foundation
import Logging
import PostgresNIO
import RegistryDomain

/// The step a divorce and a court judgment share: a current marriage ends, both parties are
/// free to marry again, and its marriage certificates stop being valid.
enum EndMarriage {
    /// The two parties; refuses an unknown marriage (404) or one already ended (409).
    static func run(
        _ id: UUID, as status: MarriageStatus, on date: CivilDate, connection: PostgresConnection, logger: Logger
    ) async throws -> (PersonRef, PersonRef) {
        let marriages = MarriageStore(connection, logger: logger)
        guard let parties = try await marriages.end(id, as: status, on: date) else {
            guard let current = try await marriages.status(of: id) else { throw RuleViolation.marriageNotFound(id) }
            throw current.notCurrent
        }
        try await CertificateStore(connection, logger: logger).revokeMarriageCertificates(of: id)
        return parties
    }
}
