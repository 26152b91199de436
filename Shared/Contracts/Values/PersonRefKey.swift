import Crypto

/// The secret under which ``PersonRef``s are derived.
///
/// Why a dedicated type: the key must never be logged, encoded or compared casually — if it
/// leaks, anyone can re-identify every reference by hashing the ~1.4 billion possible ID numbers.
/// So it is neither `Codable` nor printable (``description`` is redacted), and short keys are
/// rejected outright.
///
/// `@unchecked Sendable`: swift-crypto 3.x does not mark `SymmetricKey` `Sendable`, but it is an
/// immutable value type whose copy-on-write storage is never mutated after creation, and this
/// wrapper exposes no mutation either, so sharing it across tasks is safe.
public struct PersonRefKey: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Minimum key size: SHA-256's output size, as recommended for HMAC keys (RFC 2104 §3).
    public static let minimumByteCount = 32

    let key: SymmetricKey

    /// Creates a key from raw bytes (at least 32).
    public init(bytes: [UInt8]) throws(PersonRefError) {
        guard bytes.count >= PersonRefKey.minimumByteCount else { throw .keyTooShort(bytes: bytes.count) }
        self.key = SymmetricKey(data: bytes)
    }

    /// Creates a key from hex (upper or lower case; at least 64 hex digits), as kept in config/secrets.
    public init(hex: String) throws(PersonRefError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for char in hex.utf8 {
            guard let nibble = PersonRefKey.nibble(char) else { throw .invalidKeyHex }
            if let h = high {
                bytes.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        guard high == nil else { throw .invalidKeyHex }
        try self.init(bytes: bytes)
    }

    /// Key size in bytes.
    public var byteCount: Int { key.bitCount / 8 }

    public var description: String { "PersonRefKey(<redacted>)" }

    public var debugDescription: String { description }

    private static func nibble(_ char: UInt8) -> UInt8? {
        switch char {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
