/// Why a recovery claim was opened.
public enum RecoveryClaimReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The beneficiary's payments should have ended (a death reported after months were paid):
    /// cancelled when that end is corrected or annulled.
    case death
    /// A lower amount was set from a month already paid: the difference is claimed, and a death's
    /// correction or annulment leaves it standing.
    case amountLowered = "amount-lowered"
}
