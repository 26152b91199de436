/// An administrative division code: GB/T 2260 (6 digits: province, prefecture, county) extended
/// by the National Bureau of Statistics' township (9 digits) and village/community (12 digits)
/// codes, e.g. `620423` 景泰县 → `620423100` a township → `620423100001` a village committee.
///
/// Why a type rather than a string: jurisdiction checks ("may this 街道 caseworker see this
/// household?") are prefix comparisons that are easy to get subtly wrong on raw strings
/// (`"6204"` is a prefix of `"620423"`, but `"620400"` is not). ``contains(_:)`` does it once, right.
///
/// Canonical form: NBS publishes every level padded to 12 digits (`620423000000` is the county,
/// `620423100000` the township). Such padded 9/12-digit input is shortened to its real level,
/// so equal regions compare equal. Encodes as the canonical digit string.
public struct RegionCode: Sendable, Hashable, Comparable, SingleValueCodable, CustomStringConvertible {
    /// The level of the division a code denotes.
    public enum Level: Int, Sendable, Hashable, Codable, Comparable, CaseIterable {
        case province = 1, prefecture, county, township, village

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Canonical digits: 6, 9 or 12 of them.
    public let rawValue: String

    public init(_ string: String) throws(RegionCodeError) {
        guard string.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw .invalidCharacter
        }
        var digits = string
        let length = digits.utf8.count
        guard length == 6 || length == 9 || length == 12 else { throw .wrongLength(length) }
        // Strip NBS zero padding: 12 → 9 → 6 while the trailing group is "000".
        while digits.utf8.count > 6, digits.hasSuffix("000") {
            digits.removeLast(3)
        }
        let province = String(digits.prefix(2))
        guard RegionCode.isKnownProvince(province) else { throw .unknownProvince(province) }
        self.rawValue = digits
    }

    /// For values whose digits and province were already checked.
    init(unchecked digits: String) {
        self.rawValue = digits
    }

    public var description: String { rawValue }

    public var level: Level {
        switch rawValue.utf8.count {
        case 12: .village
        case 9: .township
        default:
            if rawValue.hasSuffix("0000") { .province } else if rawValue.hasSuffix("00") { .prefecture } else { .county }
        }
    }

    /// The two-digit province code, e.g. `"62"` for Gansu.
    public var province: String { String(rawValue.prefix(2)) }

    /// The province-level region, e.g. `620000`.
    public var provinceRegion: RegionCode { RegionCode(unchecked: province + "0000") }

    /// The first six digits: the GB/T 2260 part. For a township or village this is the county
    /// (or, where towns sit directly under a city such as 东莞 441900, that city); for a
    /// 6-digit code it is the code itself.
    public var county: RegionCode { RegionCode(unchecked: String(rawValue.prefix(6))) }

    /// The township a township or village code belongs to; nil above township level.
    public var township: RegionCode? {
        level >= .township ? RegionCode(unchecked: String(rawValue.prefix(9))) : nil
    }

    /// The next level up: village → township → county → prefecture → province → nil.
    public var parent: RegionCode? {
        switch level {
        case .province: nil
        case .prefecture: provinceRegion
        case .county: RegionCode(unchecked: String(rawValue.prefix(4)) + "00")
        case .township: county
        case .village: township
        }
    }

    /// The digits every region within this one begins with (`6204` for 620400, `620423100` for a
    /// township): `contains` as a text prefix, e.g. for a SQL `LIKE prefix || '%'` filter.
    public var significantPrefix: Substring {
        switch level {
        case .province: rawValue.prefix(2)
        case .prefecture: rawValue.prefix(4)
        case .county: rawValue.prefix(6)
        case .township: rawValue.prefix(9)
        case .village: rawValue.prefix(12)
        }
    }

    /// Whether `other` lies within this region (inclusive: a region contains itself).
    ///
    /// 620000 contains 620400, 620423, 620423100 and 620423100001; 620400 contains 620423 but not
    /// 620000; 620423 does not contain 620400.
    public func contains(_ other: RegionCode) -> Bool {
        other.level >= level && other.rawValue.hasPrefix(significantPrefix)
    }

    public static func < (lhs: RegionCode, rhs: RegionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    // MARK: - SingleValueCodable

    public var singleValue: String { rawValue }

    public init(singleValue text: String) throws(RegionCodeError) {
        try self.init(text)
    }
}
