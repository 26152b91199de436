import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// A caseworker records a key category with its first day and evidence, or ends one; the
/// memberships are recomputed and each change published as `category-changed`, in one transaction.
enum RecordCategory {
    /// Refuses a derived category (`elder-category.not-recordable`, 422), a first day after today
    /// (`elder-category.in-future`, 400) or before the registration (`elder-category.before-registration`, 422),
    /// a category already recorded and not ended (`elder-category.already-recorded`, 409), a deceased
    /// person (`elder.deceased`, 409) and an unregistered one (`elder.not-found`, 404).
    static func record(_ category: KeyCategory, for person: PersonRef, from effectiveFrom: CivilDate, evidence: CategoryEvidence, by userID: String,
                       today: CivilDate, policy: ElderCarePolicy, dependencies: ServiceDependencies, logger: Logger) async throws
        -> (id: UUID, record: RecordedCategory, elder: ElderRecord) {
        let record = try RecordedCategory(category: category, effectiveFrom: effectiveFrom, evidence: evidence, recordedBy: userID)
        guard effectiveFrom <= today else {
            throw RuleViolation.invalid("elder-category.in-future", "a category from \(effectiveFrom) cannot be recorded on \(today)")
        }
        return try await dependencies.database.transaction(logger: logger) { connection in
            let elder = try await ElderStore.require(person, on: connection, logger: logger)
            try requireAlive(elder)
            guard effectiveFrom >= elder.registeredOn else {
                throw RuleViolation("elder-category.before-registration",
                                    "the person was registered on \(elder.registeredOn), after \(effectiveFrom)")
            }
            let id = UUID()
            guard try await ElderCategoryStore.insert(record, id: id, person: person, on: connection, logger: logger) else {
                throw RuleViolation("elder-category.already-recorded", "\(category.chineseName) is recorded and not ended", kind: .conflict)
            }
            try await refresh(elder, today: today, policy: policy, cause: nil, source: dependencies.source, on: connection, logger: logger)
            return (id, record, elder)
        }
    }

    /// Ends the category's record in force on `endedOn` (its last day). Refuses no such record
    /// (`elder-category.not-recorded`, 404), an end after today (`elder-category.in-future`, 400) and
    /// an end before its first day (`elder-category.ends-before-start`, 422).
    static func end(_ category: KeyCategory, for person: PersonRef, on endedOn: CivilDate, reason: String, by userID: String, today: CivilDate,
                    policy: ElderCarePolicy, dependencies: ServiceDependencies, logger: Logger) async throws -> (id: UUID, record: RecordedCategory) {
        guard endedOn <= today else {
            throw RuleViolation.invalid("elder-category.in-future", "a category cannot be ended on \(endedOn), after \(today)")
        }
        return try await dependencies.database.transaction(logger: logger) { connection in
            let elder = try await ElderStore.require(person, on: connection, logger: logger)
            let records = try await ElderCategoryStore.recorded(of: person, on: connection, logger: logger)
            guard var stored = records.last(where: { $0.record.category == category && $0.record.endedOn == nil }) else {
                throw RuleViolation("elder-category.not-recorded", "\(category.chineseName) is not recorded for the person", kind: .notFound)
            }
            try stored.record.end(on: endedOn, reason: reason)
            try await ElderCategoryStore.end(stored, by: userID, on: connection, logger: logger)
            try await refresh(elder, today: today, policy: policy, cause: nil, source: dependencies.source, on: connection, logger: logger)
            return (stored.id, stored.record)
        }
    }

    /// Records the grade of the person's disability certificate (重残 follows from grades 1–2).
    static func recordDisabilityGrade(_ grade: DisabilityCertificateGrade, for person: PersonRef, today: CivilDate, policy: ElderCarePolicy,
                                      dependencies: ServiceDependencies, logger: Logger) async throws -> ElderRecord {
        try await dependencies.database.transaction(logger: logger) { connection in
            var elder = try await ElderStore.require(person, on: connection, logger: logger)
            try requireAlive(elder)
            elder.disabilityGrade = grade
            try await ElderStore.update(elder, on: connection, logger: logger)
            try await refresh(elder, today: today, policy: policy, cause: nil, source: dependencies.source, on: connection, logger: logger)
            return elder
        }
    }

    static func requireAlive(_ elder: ElderRecord) throws(RuleViolation) {
        if let dateOfDeath = elder.dateOfDeath {
            throw RuleViolation("elder.deceased", "the person died on \(dateOfDeath)", kind: .conflict)
        }
    }

    /// Recomputes the memberships and publishes what changed.
    static func refresh(_ elder: ElderRecord, today: CivilDate, policy: ElderCarePolicy, cause: UUID?, source: String,
                        on connection: PostgresConnection, logger: Logger) async throws {
        let changes = try await ElderCategories.refresh(elder, today: today, policy: policy.categories, on: connection, logger: logger)
        try await CategoryEvents.publish(changes, of: elder, on: today, cause: cause, source: source, on: connection, logger: logger)
    }
}
