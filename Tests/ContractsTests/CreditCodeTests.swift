import Foundation
import TestKit
import Testing
import Contracts

@Suite("CreditCode (GB 32100-2015)", .tags(.unit))
struct CreditCodeTests {
    /// Real, published enterprise codes (authority 9 = market regulation).
    @Test(arguments: ["91350100M000100Y43", "91110000600037341L", "9144030071526726XG", "91330100716105852F"])
    func realEnterpriseCodesValidate(_ text: String) throws {
        let code = try CreditCode(text)
        #expect(code.authority == "9")
        #expect(code.organisationType == "1")
        #expect(!code.isSocialOrganisation)
        #expect(code.socialOrganisationKind == nil)
    }

    @Test func realEnterpriseCodeParts() throws {
        let code = try CreditCode("91350100M000100Y43")
        #expect(code.regionDigits == "350100")
        #expect(code.region?.rawValue == "350100")  // 福州市
        #expect(code.region?.level == .prefecture)
        #expect(code.organisationCode == "M000100Y4")
        #expect(try CreditCode("91110000600037341L").region?.level == .province)
    }

    /// Codes of national social organisations registered with the Ministry of Civil Affairs
    /// (region 100000), as they appear in public invoice/registration data. Both of their check
    /// characters hold, which a mistyped code would do only about once in 341 tries; they have
    /// not been confirmed against the national social-organisation register.
    @Test(arguments: [
        ("51100000500009247D", CreditCode.SocialOrganisationKind.socialGroup),       // 中国复合材料工业协会
        ("51100000500012681T", CreditCode.SocialOrganisationKind.socialGroup),       // 中国医疗保健国际交流促进会
        ("53100000500019795A", CreditCode.SocialOrganisationKind.foundation),        // 中国社会福利基金会
        ("53100000500021676K", CreditCode.SocialOrganisationKind.foundation),        // 北京理工大学教育基金会
    ])
    func realSocialOrganisationCodes(_ text: String, _ kind: CreditCode.SocialOrganisationKind) throws {
        let code = try CreditCode(text)
        #expect(code.isSocialOrganisation)
        #expect(code.socialOrganisationKind == kind)
        #expect(code.regionDigits == "100000")
        #expect(code.region == nil)  // 100000 (national) is not a province code
    }

    /// SYNTHETIC codes: generated here and cross-checked with an independent Python implementation.
    @Test func makeComputesBothCheckCharacters() throws {
        let jingtai = try RegionCode("620423")
        let ngo = try CreditCode.make(authority: "5", type: "2", region: jingtai, organisationCodeBase8: "MJ000001")
        #expect(ngo.rawValue == "52620423MJ0000018H")
        #expect(ngo.socialOrganisationKind == .socialServiceOrganisation)
        #expect(ngo.region == jingtai)
        #expect(try CreditCode(ngo.rawValue) == ngo)
        #expect(try CreditCode.make(authority: "5", type: "1", region: RegionCode("620400"), organisationCodeBase8: "MJ000002").rawValue
                == "51620400MJ00000265")
        #expect(try CreditCode.make(authority: "5", type: "3", region: RegionCode("620000"), organisationCodeBase8: "MJ000003").rawValue
                == "53620000MJ00000345")
        #expect(throws: CreditCodeError.invalidCharacter) {
            try CreditCode.make(authority: "5", type: "2", region: jingtai, organisationCodeBase8: "MJ00000I")
        }
    }

    @Test func badCheckCharacters() {
        // Position 18 altered.
        #expect(throws: CreditCodeError.badCheckCharacter(expected: "3")) { try CreditCode("91350100M000100Y44") }
        // Position 17 (GB 11714 check) altered, position 18 left as it was.
        #expect(throws: CreditCodeError.badOrganisationCheck(expected: "4")) { try CreditCode("91350100M000100Y53") }
        // A typo inside the organisation code is caught by the GB 11714 check.
        #expect(throws: CreditCodeError.badOrganisationCheck(expected: "X")) { try CreditCode("91110000600037351L") }
        #expect(CreditCodeError.badCheckCharacter(expected: "0").code == "credit-code.bad-check-character")
    }

    @Test func organisationCheckCanBeDisabledForLegacyImports() throws {
        // SYNTHETIC: a valid position-18 check over an organisation code whose own check is wrong.
        let text = "91350100M000100Y56"
        #expect(throws: CreditCodeError.badOrganisationCheck(expected: "4")) { try CreditCode(text) }
        #expect(try CreditCode(text, checkingOrganisationCode: false).rawValue == text)
    }

    @Test func formatErrors() {
        #expect(throws: CreditCodeError.wrongLength) { try CreditCode("91350100M000100Y4") }
        #expect(throws: CreditCodeError.invalidCharacter) { try CreditCode("91350100M000100I43") }
        #expect(throws: CreditCodeError.invalidCharacter) { try CreditCode("9135010OM000100Y43") }
        #expect(throws: CreditCodeError.invalidRegion) { try CreditCode("913501A0M000100Y43") }
    }

    @Test func lowercaseIsNormalisedAndCodable() throws {
        let code = try CreditCode("91350100m000100y43")
        #expect(code.rawValue == "91350100M000100Y43")
        let data = try JSONEncoder().encode([code])
        #expect(String(decoding: data, as: UTF8.self) == #"["91350100M000100Y43"]"#)
        #expect(try JSONDecoder().decode([CreditCode].self, from: data) == [code])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CreditCode].self, from: Data(#"["91350100M000100Y44"]"#.utf8)) }
    }
}
