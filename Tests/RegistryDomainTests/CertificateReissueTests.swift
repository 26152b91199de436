import Contracts
import Testing
@testable import RegistryDomain
import TestKit

/// 补领 (《婚姻登记条例》第十七条): who may have which certificate reissued, and as what.
@Suite("Certificate reissue", .tags(.unit))
struct CertificateReissueTests {
    typealias F = RegistryDomainFixture
    static var husband: ResidentID { get throws { try F.man(born: "1990-04-01") } }
    static var wife: ResidentID { get throws { try F.woman(born: "1992-09-09") } }

    /// The reissue of `original` applied for by `applicant` (default the wife).
    func reissue(_ original: String, valid: Bool = true, applicant: ResidentID? = nil) throws -> Result<CertificateKind, RuleViolation> {
        let number = try CertificateNumber(parsing: original)
        let parties = try [Self.husband, Self.wife]
        let applicant = try applicant ?? Self.wife
        return Result { () throws(RuleViolation) in
            try CertificateReissue.kind(reissuing: number, isValid: valid, parties: parties, applicant: applicant)
        }
    }

    @Test(arguments: [
        ("J620423-01-2026-000001", CertificateKind.marriageReissue), ("BJ620423-01-2026-000001", .marriageReissue),
        ("L620423-01-2026-000001", .divorceReissue), ("BL620423-01-2026-000001", .divorceReissue),
    ])
    func aPartyGetsAReissueOfTheSameFamily(original: String, kind: CertificateKind) throws {
        #expect(try reissue(original).get() == kind)
        #expect(try reissue(original, applicant: Self.husband).get() == kind)
    }

    @Test func aRevokedCertificateIsNotReissued() throws {
        #expect(try reissue("J620423-01-2026-000001", valid: false).failureCode == "certificate.revoked")
    }

    @Test func onlyAPartyMayAsk() throws {
        #expect(try reissue("J620423-01-2026-000001", applicant: F.man(born: "1980-01-01", sequence: 5)).failureCode
                == "certificate.not-a-party")
    }

    @Test func adoptionCertificatesAreNotReissuedHere() throws {
        #expect(try reissue("SY620423-01-2026-000001").failureCode == "certificate.not-reissuable")
    }
}
