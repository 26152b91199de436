import Contracts

/// The blood relationship the two parties declare when they apply to marry.
///
/// Why an enum: Civil Code art. 1048 forbids marriage between lineal relatives by blood and
/// between collateral relatives by blood "within three generations" (直系血亲或者三代以内的旁系血亲禁止结婚).
/// The registrar needs exactly that distinction, nothing finer.
///
/// Counting generations (代) the Chinese way: the common ancestor is generation 1, so siblings
/// (common parents) are 2 generations apart and first cousins, or uncle/aunt and nephew/niece
/// (common grandparents), are 3. For two parties at different distances from the common
/// ancestor, pass the larger count (叔侄: the niece is 3 generations from the grandparent).
///
/// Why `.unrelated` rather than `.none`: the declaration is passed as `Kinship?` (nil = nothing
/// declared). A case named `none` would make `declaredKinship: .none` silently mean
/// `Optional.none`, i.e. "no declaration", which is refused — the opposite of what was meant.
public enum Kinship: Sendable, Hashable {
    /// Parent/child, grandparent/grandchild, … (直系血亲). Always prohibited.
    case lineal
    /// Collateral relatives by blood (旁系血亲), `generations` counted as above (minimum 2).
    /// Prohibited when `generations <= 3`.
    case collateral(generations: Int)
    /// No lineal or collateral blood relationship within the prohibited degrees.
    case unrelated

    /// The widest collateral degree still prohibited (art. 1048: 三代以内).
    public static let prohibitedCollateralGenerations = 3
}

extension Kinship {
    /// The declaration as the application form states it: `unrelated`, `lineal` or `collateral-N`
    /// (N generations, counting the common ancestor as 1).
    public init(declaration text: String) throws(RuleViolation) {
        switch text {
        case "unrelated": self = .unrelated
        case "lineal": self = .lineal
        default:
            guard text.hasPrefix("collateral-"), let generations = Int(text.dropFirst("collateral-".count)) else {
                throw .invalid("marriage.invalid-kinship", "declaredKinship must be unrelated, lineal or collateral-N")
            }
            self = .collateral(generations: generations)
        }
    }
}
