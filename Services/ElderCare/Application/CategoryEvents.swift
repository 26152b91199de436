import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO

/// Publishes the category changes ``ElderCategories/refresh(_:today:policy:on:logger:)`` returned,
/// one `category-changed` each, in the caller's transaction.
enum CategoryEvents {
    static func publish(_ changes: [ElderCategories.Change], of elder: ElderRecord, on date: CivilDate, cause: UUID?, source: String,
                        on connection: PostgresConnection, logger: Logger) async throws {
        for change in changes {
            let event = ElderCategoryChanged(
                person: elder.person, region: elder.region, category: change.category.contract, change: change.added ? .added : .removed,
                origin: change.origin == .derived ? .derived : .recorded, changedOn: date, causationEventID: cause)
            try await Outbox.append(event, source: source, causationID: cause, on: connection, logger: logger)
        }
    }
}
