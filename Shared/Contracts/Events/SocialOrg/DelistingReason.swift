/// Why a serious-dishonesty listing ended.
public enum DelistingReason: String, Codable, Sendable, CaseIterable {
    /// The listing's term ran out (期满移出).
    case expired
    /// The organisation repaired its credit (信用修复).
    case creditRepaired = "credit-repaired"
    /// The listing decision was revoked (撤销: listed in error, overturned on review or in court).
    case revoked
}
