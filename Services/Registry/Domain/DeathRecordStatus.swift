import Contracts
import Foundation

/// Where a death record stands. A wrongly recorded death is annulled, not deleted: the record
/// stays for audit, and nothing more is done with it.
public enum DeathRecordStatus: String, Sendable, Hashable, CaseIterable {
    case recorded
    case annulled

    /// Corrections, an annulment and funeral services apply to a recorded death only.
    public func requireRecorded(recordID: UUID) throws(RuleViolation) {
        guard self == .recorded else {
            throw RuleViolation("death.annulled", "death record \(recordID) was annulled", kind: .conflict)
        }
    }
}
