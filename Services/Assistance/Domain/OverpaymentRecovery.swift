import Contracts
import Foundation

/// A claim to recover payments made for months after a recipient's death, when the death was
/// reported after those months were paid (a service rule; the policy documents do not state it).
public struct OverpaymentRecovery: Sendable, Hashable {
    public let caseID: UUID
    public let deathDate: CivilDate
    /// The months paid after the death month, ascending.
    public let months: [YearMonth]
    /// The sum actually paid for those months.
    public let amount: Money
}

/// Where a recovery claim stands: open until the death behind it is corrected or annulled.
public enum RecoveryClaimStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open, cancelled
}
