/// How ``Money`` rounds a result that falls between two whole fen.
///
/// Semantics match Java's `RoundingMode` (familiar to the finance systems we exchange data with),
/// and are symmetric around zero so that a refund rounds like the payment it reverses.
public enum RoundingRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Toward zero (truncate). Typical for entitlements: never pay more than the rule allows.
    case down
    /// Away from zero.
    case up
    /// To nearest; exact halves away from zero (四舍五入). The usual rule in published standards.
    case halfUp
    /// To nearest; exact halves to the even neighbour (banker's rounding).
    case halfEven
}
