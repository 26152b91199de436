/// Why a string is not a valid 居民身份证号码. ``code`` is stable for API bodies and logs.
public enum ResidentIDError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not exactly 18 characters. (15-digit first-generation numbers are not accepted: they
    /// have been invalid as identity documents since 2013.)
    case wrongLength
    /// A non-digit in positions 1–17, or a last character other than a digit or X.
    case invalidCharacter
    /// The ISO 7064 MOD 11-2 check character does not match; `expected` is the correct one.
    case badCheckDigit(expected: Character)
    /// Positions 7–14 are not a real calendar date.
    case invalidBirthDate
    /// The birth date lies after the reference (`asOf`) date.
    case birthDateInFuture
    /// The first two digits are not a GB/T 2260 province code.
    case unknownProvince

    public var code: String {
        switch self {
        case .wrongLength: "resident-id.wrong-length"
        case .invalidCharacter: "resident-id.invalid-character"
        case .badCheckDigit: "resident-id.bad-check-digit"
        case .invalidBirthDate: "resident-id.invalid-birth-date"
        case .birthDateInFuture: "resident-id.birth-date-in-future"
        case .unknownProvince: "resident-id.unknown-province"
        }
    }

    /// Messages never echo the number itself: it is personal data and errors end up in logs.
    public var description: String {
        switch self {
        case .wrongLength: "resident ID number must have 18 characters"
        case .invalidCharacter: "resident ID number must be 17 digits followed by a digit or X"
        case .badCheckDigit(let expected): "resident ID check character is wrong (expected \(expected))"
        case .invalidBirthDate: "resident ID birth date is not a real date"
        case .birthDateInFuture: "resident ID birth date is in the future"
        case .unknownProvince: "resident ID region code has an unknown province"
        }
    }
}
