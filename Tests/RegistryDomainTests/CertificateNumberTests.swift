import Contracts
import Testing
@testable import RegistryDomain
import TestKit

@Suite("Certificate numbers", .tags(.unit))
struct CertificateNumberTests {
    typealias F = RegistryDomainFixture
    static var office: RegistrationOfficeCode { get throws { try RegistrationOfficeCode(parsing: "620423-01") } }

    @Test func formatsKindOfficeYearAndPaddedSerial() throws {
        let number = try CertificateNumber(kind: .marriage, office: Self.office, year: 2026, serial: 123)
        #expect(number.rawValue == "J620423-01-2026-000123")
        #expect(number.description == number.rawValue)
    }

    @Test(arguments: [
        (CertificateKind.marriage, "J"), (.divorce, "L"), (.marriageReissue, "BJ"), (.divorceReissue, "BL"),
    ])
    func kindLetters(kind: CertificateKind, letters: String) throws {
        #expect(kind.rawValue == letters)
        let number = try CertificateNumber(kind: kind, office: Self.office, year: 2026, serial: 7)
        #expect(number.rawValue == letters + "620423-01-2026-000007")
    }

    @Test(arguments: CertificateKind.allCases, [1, 9, 10, 999, 123_456, 999_999])
    func parseRoundTrips(kind: CertificateKind, serial: Int) throws {
        let office = try RegistrationOfficeCode(region: RegionCode("620400"), number: 12)
        let number = try CertificateNumber(kind: kind, office: office, year: 2027, serial: serial)
        let parsed = try CertificateNumber(parsing: number.rawValue)
        #expect(parsed == number)
        #expect(parsed.kind == kind)
        #expect(parsed.office.rawValue == "620400-12")
        #expect(parsed.year == 2027)
        #expect(parsed.serial == serial)
    }

    @Test func lowerCaseIsAcceptedAndNormalised() throws {
        let parsed = try CertificateNumber(parsing: "bj620423-01-2026-000007")
        #expect(parsed.kind == .marriageReissue)
        #expect(parsed.rawValue == "BJ620423-01-2026-000007")
    }

    static let malformed: [(String, String)] = [
        ("", "certificate-number.unknown-kind"),
        ("X620423-01-2026-000001", "certificate-number.unknown-kind"),
        ("B620423-01-2026-000001", "certificate-number.unknown-kind"),
        ("620423-01-2026-000001", "certificate-number.unknown-kind"),
        ("J", "certificate-number.malformed"),
        ("BJ", "certificate-number.malformed"),
        ("J620423-1-2026-000001", "certificate-number.malformed"),
        ("J620423-01-26-000001", "certificate-number.malformed"),
        ("J620423-01-2026-0001", "certificate-number.malformed"),
        ("J620423-01-2026-1234567", "certificate-number.malformed"),
        ("J620423-01-2026-00000A", "certificate-number.malformed"),
        ("J620423-01-2026 000001", "certificate-number.malformed"),
        (" J620423-01-2026-000001", "certificate-number.unknown-kind"),
        ("J620423-01-2026-000001 ", "certificate-number.malformed"),
        ("J620423_01-2026-000001", "certificate-number.malformed"),
        ("J62042A-01-2026-000001", "registration-office.malformed"),
        ("J620423-0A-2026-000001", "registration-office.malformed"),
        ("J620423-00-2026-000001", "registration-office.number-out-of-range"),
        ("J990423-01-2026-000001", "region-code.unknown-province"),
        ("J620423-01-2026-000000", "certificate-number.serial-out-of-range"),
        ("J620423-01-1949-000001", "certificate-number.year-out-of-range"),
        ("J620423-01-0000-000001", "certificate-number.year-out-of-range"),
        ("J６２０４２３-01-2026-000001", "certificate-number.malformed"),
    ]

    @Test(arguments: malformed)
    func malformedNumbersAreRefused(text: String, code: String) throws {
        let refusal = try F.refusal { _ = try CertificateNumber(parsing: text) }
        #expect(refusal?.code == code)
        #expect(refusal?.kind == .invalidInput)
    }

    @Test(arguments: [(0, "certificate-number.serial-out-of-range"), (-1, "certificate-number.serial-out-of-range"),
                      (1_000_000, "certificate-number.serial-out-of-range")])
    func serialRange(serial: Int, code: String) throws {
        let refusal = try F.refusal {
            _ = try CertificateNumber(kind: .divorce, office: Self.office, year: 2026, serial: serial)
        }
        #expect(refusal?.code == code)
    }

    @Test func successorCountsUpWithinTheSeriesAndStopsAt999999() throws {
        let first = try CertificateNumber.first(kind: .divorce, office: Self.office, year: 2026)
        #expect(first.rawValue == "L620423-01-2026-000001")
        let second = try first.successor()
        #expect(second.rawValue == "L620423-01-2026-000002")
        #expect(first < second)
        let last = try CertificateNumber(kind: .divorce, office: Self.office, year: 2026, serial: 999_999)
        let refusal = try F.refusal { _ = try last.successor() }
        #expect(refusal?.code == "certificate-number.serial-exhausted")
        #expect(refusal?.kind == .conflict)
    }

    @Test func distinctNumbersAcrossOfficesKindsAndYearsFormatDistinctly() throws {
        let offices = try [
            RegistrationOfficeCode(parsing: "620423-01"), RegistrationOfficeCode(parsing: "620423-02"),
            RegistrationOfficeCode(parsing: "620402-01"), RegistrationOfficeCode(parsing: "620400-01"),
        ]
        var values = Set<CertificateNumber>()
        var texts = Set<String>()
        for office in offices {
            for kind in CertificateKind.allCases {
                for year in [2026, 2027] {
                    for serial in [1, 2, 10, 100] {
                        let number = try CertificateNumber(kind: kind, office: office, year: year, serial: serial)
                        values.insert(number)
                        texts.insert(number.rawValue)
                    }
                }
            }
        }
        #expect(values.count == 4 * CertificateKind.allCases.count * 2 * 4)
        #expect(texts.count == values.count)
    }

    @Test func officeCode() throws {
        let office = try RegistrationOfficeCode(region: RegionCode("620423"), number: 7)
        #expect(office.rawValue == "620423-07")
        #expect(try RegistrationOfficeCode(parsing: "620423-07") == office)
        #expect(try RegistrationOfficeCode(parsing: "620423-99").number == 99)
        #expect(try RegistrationOfficeCode(parsing: "620423-01") < RegistrationOfficeCode(parsing: "620423-02"))
    }

    @Test(arguments: [("620423100", 1, "registration-office.region-not-six-digits"),
                      ("620423", 0, "registration-office.number-out-of-range"),
                      ("620423", 100, "registration-office.number-out-of-range")])
    func officeCodeRefusals(region: String, number: Int, code: String) throws {
        let regionCode = try RegionCode(region)
        let refusal = try F.refusal { _ = try RegistrationOfficeCode(region: regionCode, number: number) }
        #expect(refusal?.code == code)
    }

    @Test(arguments: ["620423-1", "620423--01", "620423-001", "62042301", "", "620423-0１"])
    func malformedOfficeCodes(text: String) throws {
        let refusal = try F.refusal { _ = try RegistrationOfficeCode(parsing: text) }
        #expect(refusal?.code == "registration-office.malformed")
    }
}
