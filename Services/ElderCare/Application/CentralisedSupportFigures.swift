import Contracts
import ElderCareDomain
import Logging
import ServiceKit

/// The people behind the centralised-support rate of `GET /institutions/summary`.
enum CentralisedSupportFigures {
    /// The living 特困 elderly registered within `region`, with their latest level and placement.
    static func extremePoverty(within region: RegionCode, dependencies: ServiceDependencies,
                               logger: Logger) async throws -> [CentralisedSupport.Person] {
        try await dependencies.database.withConnection { connection in
            try await CentralisedSupportStore.extremePoverty(within: region, on: connection, logger: logger)
        }
    }
}
