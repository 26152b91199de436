/// Why a string is not a usable ``RegionCode``. ``code`` is stable for API bodies and logs.
public enum RegionCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not 6, 9 or 12 characters (after any accepted normalisation).
    case wrongLength(Int)
    /// A character other than an ASCII digit.
    case invalidCharacter
    /// The first two digits are not a GB/T 2260 province-level code.
    case unknownProvince(String)

    public var code: String {
        switch self {
        case .wrongLength: "region-code.wrong-length"
        case .invalidCharacter: "region-code.invalid-character"
        case .unknownProvince: "region-code.unknown-province"
        }
    }

    public var description: String {
        switch self {
        case .wrongLength(let count): "region code must have 6, 9 or 12 digits, got \(count)"
        case .invalidCharacter: "region code must contain ASCII digits only"
        case .unknownProvince(let prefix): "\"\(prefix)\" is not a GB/T 2260 province code"
        }
    }
}
