/// Where a recovery claim stands: open until the death (or other end) behind it is corrected or
/// annulled. Repayment is not tracked.
public enum RecoveryClaimStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open, cancelled
}
