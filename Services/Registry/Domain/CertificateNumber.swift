import Contracts

/// The number printed on a marriage, divorce or reissued certificate, e.g. `J620423-01-2026-000123`:
/// ``CertificateKind`` letters, the ``RegistrationOfficeCode``, the four-digit year of issue and a
/// six-digit zero-padded serial.
///
/// Uniqueness city-wide: office codes are unique (see ``RegistrationOfficeCode``), and each office
/// issues serials 000001, 000002, … per (kind, year). The allocator (an adapter with a database
/// sequence or a unique index on ``rawValue``) uses ``first(kind:office:year:)`` and ``successor()``.
/// Distinct (kind, office, year, serial) always format to distinct strings and parse back to the same
/// value, so a unique index on the text is a unique index on the number.
///
/// Parsing is strict about layout (fixed widths, ASCII digits, hyphens) but accepts lower-case
/// letters, normalising them, since numbers are typed in from paper certificates.
public struct CertificateNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let kind: CertificateKind
    public let office: RegistrationOfficeCode
    public let year: Int
    public let serial: Int

    /// Six digits, and 0 is never issued.
    public static let serialRange = 1...999_999
    /// Four digits, from the first Marriage Law (1950) on.
    public static let yearRange = 1950...9999

    public init(kind: CertificateKind, office: RegistrationOfficeCode, year: Int, serial: Int) throws(RuleViolation) {
        guard Self.yearRange.contains(year) else {
            throw .invalid("certificate-number.year-out-of-range", "year must be 1950...9999, got \(year)")
        }
        guard Self.serialRange.contains(serial) else {
            throw .invalid("certificate-number.serial-out-of-range", "serial must be 1...999999, got \(serial)")
        }
        self.kind = kind
        self.office = office
        self.year = year
        self.serial = serial
    }

    /// Parses `KIND` + `DDDDDD-DD` + `-YYYY-` + `SSSSSS`, e.g. `BJ620423-01-2026-000007`.
    public init(parsing text: String) throws(RuleViolation) {
        let upper = text.uppercased()
        let kind: CertificateKind
        let rest: Substring
        // Two-letter kinds first: "BJ…" must not be read as an unknown "B".
        if let twoLetter = CertificateKind(rawValue: String(upper.prefix(2))) {
            kind = twoLetter
            rest = upper.dropFirst(2)
        } else if let oneLetter = CertificateKind(rawValue: String(upper.prefix(1))) {
            kind = oneLetter
            rest = upper.dropFirst(1)
        } else {
            throw .invalid("certificate-number.unknown-kind",
                           "a certificate number starts with J, L, BJ, BL or SY, got \"\(text)\"")
        }
        let bytes = Array(rest.utf8)
        // DDDDDD-DD-YYYY-SSSSSS = 21 bytes
        guard bytes.count == 21, bytes[6] == UInt8(ascii: "-"), bytes[9] == UInt8(ascii: "-"),
              bytes[14] == UInt8(ascii: "-"),
              bytes[10..<14].allSatisfy(RegistrationOfficeCode.isDigit),
              bytes[15..<21].allSatisfy(RegistrationOfficeCode.isDigit)
        else {
            throw .invalid("certificate-number.malformed",
                           "a certificate number looks like J620423-01-2026-000123, got \"\(text)\"")
        }
        let office = try RegistrationOfficeCode(parsing: String(decoding: bytes[0..<9], as: UTF8.self))
        let year = Int(String(decoding: bytes[10..<14], as: UTF8.self)) ?? 0
        let serial = Int(String(decoding: bytes[15..<21], as: UTF8.self)) ?? 0
        try self.init(kind: kind, office: office, year: year, serial: serial)
    }

    /// The first number of a (kind, office, year) series.
    public static func first(kind: CertificateKind, office: RegistrationOfficeCode, year: Int) throws(RuleViolation) -> Self {
        try Self(kind: kind, office: office, year: year, serial: 1)
    }

    /// The next number in the same series; `certificate-number.serial-exhausted` after 999999.
    public func successor() throws(RuleViolation) -> Self {
        guard serial < Self.serialRange.upperBound else {
            throw RuleViolation("certificate-number.serial-exhausted",
                                "office \(office) has issued all \(Self.serialRange.upperBound) \(kind) numbers for \(year)",
                                kind: .conflict)
        }
        return try Self(kind: kind, office: office, year: year, serial: serial + 1)
    }

    /// `J620423-01-2026-000123`.
    public var rawValue: String {
        let digits = String(serial)
        return kind.rawValue + office.rawValue + "-" + String(year) + "-"
            + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public var description: String { rawValue }

    /// Orders by office, kind, year, then serial (issue order within a series).
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.office.rawValue, lhs.kind.rawValue, lhs.year, lhs.serial)
            < (rhs.office.rawValue, rhs.kind.rawValue, rhs.year, rhs.serial)
    }
}
