import Contracts

/// The code of one marriage registration office (婚姻登记处), e.g. `620423-01`: the six-digit
/// GB/T 2260 code of the county (or city) whose civil-affairs bureau runs it, a hyphen, and a
/// two-digit office number 01…99 within that region.
///
/// Why region-based: region codes are already unique nationwide, so office codes — and with them
/// ``CertificateNumber``s — are unique city-wide without a central registry of office names; the
/// office number only has to be unique within its own county, which the county bureau controls.
public struct RegistrationOfficeCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The six-digit (province, prefecture or county level) region code.
    public let region: RegionCode
    /// 1…99.
    public let number: Int

    public static let numberRange = 1...99

    public init(region: RegionCode, number: Int) throws(RuleViolation) {
        guard region.rawValue.utf8.count == 6 else {
            throw .invalid("registration-office.region-not-six-digits",
                           "an office belongs to a six-digit GB/T 2260 region, got \(region.rawValue)")
        }
        guard Self.numberRange.contains(number) else {
            throw .invalid("registration-office.number-out-of-range", "office number must be 1...99, got \(number)")
        }
        self.region = region
        self.number = number
    }

    /// Parses exactly `DDDDDD-DD`.
    public init(parsing text: String) throws(RuleViolation) {
        let bytes = Array(text.utf8)
        guard bytes.count == 9, bytes[6] == UInt8(ascii: "-"),
              bytes[0..<6].allSatisfy(Self.isDigit), bytes[7..<9].allSatisfy(Self.isDigit)
        else {
            throw .invalid("registration-office.malformed", "office code must look like 620423-01, got \"\(text)\"")
        }
        let region: RegionCode
        do throws(RegionCodeError) {
            region = try RegionCode(String(decoding: bytes[0..<6], as: UTF8.self))
        } catch {
            throw .invalid(error.code, "office code region: \(error)")
        }
        try self.init(region: region, number: Int(String(decoding: bytes[7..<9], as: UTF8.self)) ?? 0)
    }

    /// `620423-01`.
    public var rawValue: String { region.rawValue + "-" + (number < 10 ? "0" : "") + String(number) }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
