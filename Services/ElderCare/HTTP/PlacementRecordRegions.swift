import Foundation
import Hummingbird
import ServiceKit

/// How the institution and waiting-list routes on `/…/{id}` find the region of the stored record
/// (`RoutePolicy` region `.record`): one primary-key read; nil when there is no such record, so
/// the handler's 404 stands.
enum PlacementRecordRegions {
    /// An institution is the region's where it stands.
    static func institution(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            try await InstitutionStore.region(of: try context.parameters.require("id", as: UUID.self), in: dependencies.database,
                                              logger: context.logger)
        }
    }

    /// An application is the region's it was made in.
    static func waitingListEntry(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            try await WaitingListStore.region(of: try context.parameters.require("id", as: UUID.self), in: dependencies.database,
                                              logger: context.logger)
        }
    }
}
