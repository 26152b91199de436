/// Why a ``PersonRef`` or ``PersonRefKey`` could not be made. ``code`` is stable.
public enum PersonRefError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not `pr_` followed by exactly 64 lower-case hex digits.
    case malformed
    /// Key material is not an even-length hex string.
    case invalidKeyHex
    /// Key shorter than 32 bytes (256 bits), too weak for HMAC-SHA256 pseudonymisation.
    case keyTooShort(bytes: Int)

    public var code: String {
        switch self {
        case .malformed: "person-ref.malformed"
        case .invalidKeyHex: "person-ref.invalid-key-hex"
        case .keyTooShort: "person-ref.key-too-short"
        }
    }

    public var description: String {
        switch self {
        case .malformed: "person reference must be \"pr_\" followed by 64 lower-case hex digits"
        case .invalidKeyHex: "person reference key must be hex-encoded"
        case .keyTooShort(let count): "person reference key must be at least 32 bytes, got \(count)"
        }
    }
}
