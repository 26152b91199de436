/// A validated 统一社会信用代码 (unified social credit code, GB 32100-2015) of a legal person or
/// other organisation — for this bureau chiefly 社会组织 registered by civil affairs (authority `5`).
///
/// Layout (18 characters from `0123456789ABCDEFGHJKLMNPQRTUWXY`):
/// 1 registration authority (`5` = 民政, `9` = 市场监管/工商, `1` = 机构编制, …),
/// 2 organisation type (under `5`: `1` 社会团体, `2` 民办非企业单位/社会服务机构, `3` 基金会, `9` 其他),
/// 3–8 the registering authority's GB/T 2260 region, 9–17 the GB 11714 organisation code
/// (8 characters + its own check character), 18 a GB 32100 mod-31 check character.
///
/// Why both checks: position 18 alone lets a typo inside positions 9–17 through ~1 time in 31;
/// the GB 11714 check catches most of those. Every real code we tested — enterprise codes
/// (91350100M000100Y43, 91110000600037341L, 9144030071526726XG, 91330100716105852F) and
/// civil-affairs codes (51100000500009247D, 51100000500012681T, 53100000500019795A,
/// 53100000500021676K) — satisfies the GB 11714 check, including the post-2015 `M…` subject
/// codes, so it is enforced by default. Pass `checkingOrganisationCode: false` when importing
/// legacy registers that are known to contain codes issued without a valid GB 11714 part.
///
/// Lower-case input is accepted and normalised to upper case. Encodes as the string.
public struct CreditCode: Sendable, Hashable, Comparable, SingleValueCodable, CustomStringConvertible {
    /// What civil affairs registers, by the type character under authority `5`.
    public enum SocialOrganisationKind: String, Sendable, Hashable, Codable, CaseIterable {
        /// 51 社会团体 (associations, societies).
        case socialGroup
        /// 52 民办非企业单位 / 社会服务机构 (private non-enterprise units, social service organisations).
        case socialServiceOrganisation
        /// 53 基金会 (foundations).
        case foundation
        /// 59 其他.
        case other
    }

    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    static let organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// The normalised 18-character code.
    public let rawValue: String

    /// Validates length, alphabet, the six region digits, the GB 11714 check character (unless
    /// disabled) and the GB 32100 check character.
    public init(_ string: String, checkingOrganisationCode: Bool = true) throws(CreditCodeError) {
        guard string.count == 18 else { throw .wrongLength }
        let upper = string.uppercased()
        let characters = Array(upper)
        guard characters.count == 18 else { throw .wrongLength }
        var values: [Int] = []
        values.reserveCapacity(18)
        for character in characters {
            guard let value = CreditCode.alphabetValue(character) else { throw .invalidCharacter }
            values.append(value)
        }
        guard values[2..<8].allSatisfy({ $0 < 10 }) else { throw .invalidRegion }
        if checkingOrganisationCode {
            let expected = CreditCode.organisationCheckCharacter(characters[8..<16])
            guard characters[16] == expected else { throw .badOrganisationCheck(expected: expected) }
        }
        let expected = CreditCode.checkCharacter(values[0..<17])
        guard characters[17] == expected else { throw .badCheckCharacter(expected: expected) }
        self.rawValue = upper
    }

    private init(validated: String) {
        self.rawValue = validated
    }

    /// Builds a valid code, computing both check characters. Meant for seed data and tests.
    ///
    /// - Parameters:
    ///   - authority: registration authority character, e.g. `"5"` for civil affairs.
    ///   - type: organisation type character, e.g. `"2"` for 民办非企业单位.
    ///   - region: the registering authority's region; its first six digits are used.
    ///   - organisationCodeBase8: the first eight characters of the GB 11714 organisation code.
    public static func make(
        authority: Character, type: Character, region: RegionCode, organisationCodeBase8: String
    ) throws(CreditCodeError) -> CreditCode {
        let base = Array(organisationCodeBase8.uppercased())
        guard base.count == 8 else { throw .wrongLength }
        let head = [Character(authority.uppercased()), Character(type.uppercased())] + Array(region.county.rawValue) + base
        let organisationCheck = organisationCheckCharacter(head[8..<16])
        let first17 = head + [organisationCheck]
        var values: [Int] = []
        for character in first17 {
            guard let value = alphabetValue(character) else { throw .invalidCharacter }
            values.append(value)
        }
        return CreditCode(validated: String(first17 + [checkCharacter(values[...])]))
    }

    // MARK: - Parts

    /// Position 1: the registration authority (`5` = civil affairs).
    public var authority: Character { Array(rawValue)[0] }

    /// Position 2: the organisation type within that authority.
    public var organisationType: Character { Array(rawValue)[1] }

    /// Positions 1–2, e.g. `"52"`.
    public var category: String { String(rawValue.prefix(2)) }

    /// Positions 3–8 as text (always six digits).
    public var regionDigits: String { String(rawValue.dropFirst(2).prefix(6)) }

    /// The registering authority's region, if its six digits form a known GB/T 2260 code. National
    /// registrations use `100000`, which has no province and yields nil.
    public var region: RegionCode? { try? RegionCode(regionDigits) }

    /// Positions 9–17: the GB 11714 organisation code including its check character.
    public var organisationCode: String { String(rawValue.dropFirst(8).prefix(9)) }

    /// Whether civil affairs (authority `5`) registered it: 社会团体, 民办非企业单位, 基金会 or other.
    public var isSocialOrganisation: Bool { authority == "5" }

    /// The civil-affairs kind, or nil if not registered by civil affairs or of an unknown type.
    public var socialOrganisationKind: SocialOrganisationKind? {
        guard isSocialOrganisation else { return nil }
        switch organisationType {
        case "1": return .socialGroup
        case "2": return .socialServiceOrganisation
        case "3": return .foundation
        case "9": return .other
        default: return nil
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: CreditCode, rhs: CreditCode) -> Bool { lhs.rawValue < rhs.rawValue }

    // MARK: - Check characters

    static func alphabetValue(_ character: Character) -> Int? {
        alphabet.firstIndex(of: character)
    }

    /// GB 32100 position-18 check: 31 − (Σ value×weight mod 31), 31 → 0, mapped through the alphabet.
    static func checkCharacter(_ values: ArraySlice<Int>) -> Character {
        var sum = 0
        for (weight, value) in zip(weights, values) { sum += weight * value }
        let check = (31 - sum % 31) % 31
        return alphabet[check]
    }

    /// GB 11714 check: digits 0–9 → 0–9, letters A–Z → 10–35; 11 − (Σ value×weight mod 11),
    /// 10 → `X`, 11 → `0`.
    static func organisationCheckCharacter(_ characters: ArraySlice<Character>) -> Character {
        var sum = 0
        for (weight, character) in zip(organisationWeights, characters) {
            let value: Int
            if let digit = character.wholeNumberValue, character.isASCII {
                value = digit
            } else if let ascii = character.asciiValue, ascii >= UInt8(ascii: "A"), ascii <= UInt8(ascii: "Z") {
                value = Int(ascii - UInt8(ascii: "A")) + 10
            } else {
                value = 0  // unreachable after alphabet validation
            }
            sum += weight * value
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let digit: return Character(String(digit))
        }
    }

    // MARK: - SingleValueCodable

    public var singleValue: String { rawValue }

    public init(singleValue text: String) throws(CreditCodeError) {
        try self.init(text)
    }
}
