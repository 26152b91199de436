import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// How the `/…/{personRef}` and `/…/{id}` routes find the region of the stored record they act on
/// (`RoutePolicy` region `.record`), before their handler runs. Each is one primary-key read; nil
/// when the record does not exist (or the parameter is malformed), so the handler's 404 or 400 stands.
enum RecordRegions {
    /// A registered person lives in their record's region.
    static func elder(_ dependencies: ServiceDependencies) -> RecordRegionResolver {
        { _, context in
            guard let text = context.parameters.get("personRef"), let person = try? PersonRef(rawValue: text) else { return nil }
            return try await ElderStore.region(of: person, in: dependencies.database, logger: context.logger)
        }
    }
}
