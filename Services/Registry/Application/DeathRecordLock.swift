import Contracts
import Foundation
import RegistryDomain

extension DeathRecordStore {
    /// Locks a death record that may still change: an unknown one is 404, an annulled one 409.
    func lockRecorded(_ id: UUID) async throws -> DeathRecord {
        guard let record = try await find(id, lock: true) else { throw RuleViolation.deathNotFound(id) }
        try record.status.requireRecorded(recordID: id)
        return record
    }
}
