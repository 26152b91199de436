import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// Keeps a registered person's category memberships equal to what ``ElderFacts`` gives from the
/// facts the register holds (the resident ID's age, Assistance's coverage, the disability grade,
/// the latest assessment, the categories recorded by hand), inside the caller's transaction.
///
/// A deceased person's categories are those on the day of death: the record stays as it was.
enum ElderCategories {
    /// A membership that started or ended.
    struct Change: Sendable, Hashable {
        let category: KeyCategory
        let added: Bool
        let origin: ElderCategoryStore.Membership.Origin
    }

    /// Recomputes and stores the memberships; returns what changed, in category order.
    @discardableResult
    static func refresh(_ elder: ElderRecord, today: CivilDate, policy: CategoryPolicy,
                        on connection: PostgresConnection, logger: Logger) async throws -> [Change] {
        let person = elder.person
        let records = try await ElderCategoryStore.recorded(of: person, on: connection, logger: logger).map(\.record)
        let coverage = try await ElderCategoryStore.coverage(of: person, on: connection, logger: logger)
        let day = min(today, elder.dateOfDeath ?? today)
        var facts = ElderFacts(id: elder.residentID, assistance: coverage, disabilityGrade: elder.disabilityGrade,
                               capability: elder.capability, recorded: [])
        let derived = facts.categories(on: day, policy: policy)
        facts.recorded = records
        let now = facts.categories(on: day, policy: policy)

        let stored = Dictionary(uniqueKeysWithValues: try await ElderCategoryStore.memberships(of: person, on: connection, logger: logger)
            .map { ($0.category, $0) })
        var changes: [Change] = []
        for category in now.sorted() {
            let origin: ElderCategoryStore.Membership.Origin = derived.contains(category) ? .derived : .recorded
            if let existing = stored[category], existing.origin == origin { continue }
            // Since: a recorded category from its record's first day, a derived one from the day the register saw it.
            let since = origin == .recorded
                ? (records.filter { $0.category == category && $0.holds(on: day) }.map(\.effectiveFrom).min() ?? day)
                : max(day, elder.registeredOn)
            try await ElderCategoryStore.add(.init(category: category, origin: origin, since: stored[category]?.since ?? since),
                                             person: person, on: connection, logger: logger)
            if stored[category] == nil { changes.append(Change(category: category, added: true, origin: origin)) }
        }
        for (category, membership) in stored.sorted(by: { $0.key < $1.key }) where !now.contains(category) {
            try await ElderCategoryStore.remove(category, person: person, on: connection, logger: logger)
            changes.append(Change(category: category, added: false, origin: membership.origin))
        }
        return changes
    }
}
