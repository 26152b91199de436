/// Why a string is not a valid 统一社会信用代码. ``code`` is stable.
public enum CreditCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not exactly 18 characters.
    case wrongLength
    /// A character outside `0-9A-HJ-NPQRTUWXY` (I, O, Z, S, V are never used).
    case invalidCharacter
    /// Positions 3–8 (registration authority's region code) are not six digits.
    case invalidRegion
    /// The GB 11714 organisation-code check character (position 17) is wrong; `expected` is correct.
    case badOrganisationCheck(expected: Character)
    /// The GB 32100 check character (position 18) is wrong; `expected` is correct.
    case badCheckCharacter(expected: Character)

    public var code: String {
        switch self {
        case .wrongLength: "credit-code.wrong-length"
        case .invalidCharacter: "credit-code.invalid-character"
        case .invalidRegion: "credit-code.invalid-region"
        case .badOrganisationCheck: "credit-code.bad-organisation-check"
        case .badCheckCharacter: "credit-code.bad-check-character"
        }
    }

    public var description: String {
        switch self {
        case .wrongLength: "unified social credit code must have 18 characters"
        case .invalidCharacter: "unified social credit code contains a character outside 0-9A-HJ-NPQRTUWXY"
        case .invalidRegion: "unified social credit code positions 3-8 must be digits"
        case .badOrganisationCheck(let expected): "organisation code check character (position 17) is wrong (expected \(expected))"
        case .badCheckCharacter(let expected): "check character (position 18) is wrong (expected \(expected))"
        }
    }
}
