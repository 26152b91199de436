import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// A new amount for a county's subsidy re-rates the subsidies paid on it, inside the
/// publication's transaction (``DisabilitySubsidy/rerate(to:from:)``).
enum RerateDisabilitySubsidies {
    /// Re-rates for `standard`; returns how many subsidies changed. The grants' table arrives with
    /// the grant path; until then there is nothing to re-rate.
    static func run(for standard: DisabilitySubsidyStandard, today: CivilDate,
                    on connection: PostgresConnection, logger: Logger) async throws -> Int {
        0
    }
}
