/// Why a divorce application ended without a divorce.
public enum DivorceWithdrawalReason: String, Codable, Sendable, CaseIterable {
    /// A party withdrew it during the cooling-off period (撤回离婚登记申请).
    case party
    /// The parties did not come to register within the registration window (视为撤回).
    case expired
}
