/// A validated 18-character 居民身份证号码 (citizen identity number, GB 11643-1999).
///
/// Layout: 6-digit region of first registration (GB/T 2260), 8-digit birth date `YYYYMMDD`,
/// 3-digit sequence (odd = male, even = female), 1 ISO 7064 MOD 11-2 check character (`0–9`/`X`).
///
/// Why a type: every service receives these numbers from forms and other bureaux; validating once
/// at the edge (check digit catches ~all single-digit typos and transpositions) means downstream
/// code can trust birth date and sex derived from it. A lowercase `x` is accepted and normalised
/// to `X`, so that the same person always yields the same ``rawValue`` and hence the same
/// ``PersonRef``.
///
/// Privacy: ``description`` is masked (`110105********002X`) so that string interpolation into
/// logs does not leak the number; use ``rawValue`` deliberately where the full number is needed.
/// Encodes as the full normalised string.
public struct ResidentID: Sendable, Hashable, SingleValueCodable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The normalised 18-character number (upper-case `X`).
    public let rawValue: String
    /// The region of first household registration. Not necessarily where the person lives now.
    public let region: RegionCode
    public let birthDate: CivilDate
    public let sex: Sex

    /// ISO 7064 MOD 11-2 weights (2^(17-i) mod 11) for positions 1–17.
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// Check character indexed by the weighted sum mod 11.
    static let checkCharacters: [Character] = Array("10X98765432")

    /// Validates length, character set, check character, province and birth date. The birth date
    /// is not compared with any "today" — use ``init(_:asOf:)`` at intake to reject future dates.
    /// Keeping this initialiser clock-free makes decoding of stored events deterministic.
    public init(_ string: String) throws(ResidentIDError) {
        try self.init(string, asOf: nil)
    }

    /// As ``init(_:)``, and additionally rejects a birth date after `asOf` (when given).
    public init(_ string: String, asOf: CivilDate?) throws(ResidentIDError) {
        guard string.count == 18 else { throw .wrongLength }
        var bytes = Array(string.utf8)
        guard bytes.count == 18 else { throw .invalidCharacter }  // 18 characters but not all ASCII
        if bytes[17] == UInt8(ascii: "x") { bytes[17] = UInt8(ascii: "X") }
        guard bytes[0..<17].allSatisfy(ResidentID.isDigit),
              ResidentID.isDigit(bytes[17]) || bytes[17] == UInt8(ascii: "X")
        else { throw .invalidCharacter }

        let expected = ResidentID.checkCharacter(forDigits: bytes[0..<17])
        guard Character(Unicode.Scalar(bytes[17])) == expected else { throw .badCheckDigit(expected: expected) }

        let normalised = String(decoding: bytes, as: UTF8.self)
        guard RegionCode.isKnownProvince(normalised.prefix(2)) else { throw .unknownProvince }

        let birthText = String(decoding: bytes[6..<14], as: UTF8.self)
        let birth: CivilDate
        do throws(CivilDateError) {
            birth = try CivilDate(basic: birthText)
        } catch {
            throw .invalidBirthDate
        }
        if let asOf, birth > asOf { throw .birthDateInFuture }

        self.rawValue = normalised
        self.region = RegionCode(unchecked: String(normalised.prefix(6)))
        self.birthDate = birth
        self.sex = (bytes[16] - UInt8(ascii: "0")) % 2 == 1 ? .male : .female
    }

    /// Builds a valid number, computing the check character. Meant for seed data and tests.
    ///
    /// - Parameters:
    ///   - region: the registration region; only its first six digits are used.
    ///   - birth: the birth date.
    ///   - sequence: 0…999; odd for men, even for women. Outside that range is a programming error and traps.
    public static func make(region: RegionCode, birth: CivilDate, sequence: Int) -> ResidentID {
        precondition((0...999).contains(sequence), "ResidentID sequence must be 0...999, got \(sequence)")
        let body = region.county.rawValue + birth.basic + CivilDate.pad(sequence, 3)
        let check = checkCharacter(forDigits: ArraySlice(body.utf8))
        return ResidentID(validatedRawValue: body + String(check), region: region.county, birth: birth)
    }

    private init(validatedRawValue: String, region: RegionCode, birth: CivilDate) {
        self.rawValue = validatedRawValue
        self.region = region
        self.birthDate = birth
        let sequenceLast = validatedRawValue.utf8.dropFirst(16).first ?? UInt8(ascii: "0")
        self.sex = (sequenceLast - UInt8(ascii: "0")) % 2 == 1 ? .male : .female
    }

    /// The correct check character for 17 leading digits, or nil if `first17` is not 17 ASCII digits.
    /// Public so that tests and data-repair tools can show what the check character should be.
    public static func checkCharacter(for first17: String) -> Character? {
        let bytes = Array(first17.utf8)
        guard bytes.count == 17, bytes.allSatisfy(isDigit) else { return nil }
        return checkCharacter(forDigits: bytes[...])
    }

    /// ISO 7064 MOD 11-2 over 17 ASCII digits (caller guarantees the precondition).
    static func checkCharacter(forDigits digits: ArraySlice<UInt8>) -> Character {
        var sum = 0
        for (weight, byte) in zip(weights, digits) {
            sum += weight * Int(byte - UInt8(ascii: "0"))
        }
        return checkCharacters[sum % 11]
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Age in completed years on `date`, as welfare age thresholds (e.g. 80+ 高龄津贴) count it:
    /// one becomes a year older on the birthday; someone born on 29 February becomes older on
    /// 1 March in non-leap years. Negative if `date` precedes the birth date.
    public func age(on date: CivilDate) -> Int {
        var years = date.year - birthDate.year
        if (date.month, date.day) < (birthDate.month, birthDate.day) { years -= 1 }
        return years
    }

    /// Masked form for logs: region code, eight asterisks, last four characters.
    public var masked: String { String(rawValue.prefix(6)) + "********" + String(rawValue.suffix(4)) }

    public var description: String { masked }

    public var debugDescription: String { "ResidentID(\(masked))" }

    // MARK: - SingleValueCodable

    public var singleValue: String { rawValue }

    public init(singleValue text: String) throws(ResidentIDError) {
        try self.init(text)
    }
}
