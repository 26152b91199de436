import Crypto

/// A keyed pseudonym for a person: `"pr_"` + lower-case hex of HMAC-SHA256(key, normalised
/// resident ID number), e.g. `pr_3fa9…` (64 hex digits).
///
/// Why: integration topics (Kafka events between 救助, 养老, 儿童福利, 社会组织, 登记 services) must
/// let consumers correlate records about the same person *without* carrying the ID number,
/// which is sensitive personal information under PIPL. A plain hash would not do — ID numbers
/// are low-entropy and trivially enumerable — so the hash is keyed with a secret held only by
/// services. This is the only person identifier allowed on those topics.
///
/// The input is ``ResidentID/rawValue``, already normalised (upper-case `X`), so `…002x` and
/// `…002X` give the same reference. Encodes as the string.
public struct PersonRef: Sendable, Hashable, Comparable, SingleValueCodable, CustomStringConvertible {
    public static let prefix = "pr_"

    /// `pr_` + 64 lower-case hex digits.
    public let rawValue: String

    /// Validates the textual form (used when decoding events). Upper-case hex is rejected rather
    /// than normalised: a producer emitting it is buggy and should be found, not silently joined.
    public init(rawValue: String) throws(PersonRefError) {
        let bytes = Array(rawValue.utf8)
        guard bytes.count == 3 + 64, rawValue.hasPrefix(PersonRef.prefix),
              bytes[3...].allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) })
        else { throw .malformed }
        self.rawValue = rawValue
    }

    private init(validated: String) {
        self.rawValue = validated
    }

    /// Derives the reference for `id` under `key`. Deterministic: same ID and key, same reference.
    public static func derive(from id: ResidentID, key: PersonRefKey) -> PersonRef {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(id.rawValue.utf8), using: key.key)
        let hexDigits: [Character] = Array("0123456789abcdef")
        var text = PersonRef.prefix
        text.reserveCapacity(67)
        for byte in mac {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0f)])
        }
        return PersonRef(validated: text)
    }

    public var description: String { rawValue }

    public static func < (lhs: PersonRef, rhs: PersonRef) -> Bool { lhs.rawValue < rhs.rawValue }

    // MARK: - SingleValueCodable

    public var singleValue: String { rawValue }

    public init(singleValue text: String) throws(PersonRefError) {
        try self.init(rawValue: text)
    }
}
