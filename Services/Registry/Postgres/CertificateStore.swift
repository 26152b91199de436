import Contracts
import Foundation
import Logging
import RegistryDomain

/// `certificates` and `certificate_serials`; adoption certificates live in `adoptions`.
struct CertificateStore: RegistryStore {
    let session: StoreSession
    let logger: Logger

    /// Allocates the next number of an office, kind and year. The serial row stays locked until
    /// commit, so numbers are unique city-wide and a rolled-back registration gives its number back.
    func next(kind: CertificateKind, office: RegistrationOfficeCode, year: Int) async throws -> CertificateNumber {
        let serial = try await firstInt("""
            INSERT INTO certificate_serials (office, kind, year, last_serial) VALUES (\(office.rawValue), \(kind.rawValue), \(year), 1)
            ON CONFLICT (office, kind, year) DO UPDATE SET last_serial = certificate_serials.last_serial + 1
            RETURNING last_serial
            """)
        return try CertificateNumber(kind: kind, office: office, year: year, serial: serial)
    }

    /// A marriage, divorce or reissued certificate of `marriage`; a reissue names its original.
    func insert(_ number: CertificateNumber, marriage: UUID, original: CertificateNumber? = nil, issuedOn: CivilDate) async throws {
        try await query("""
            INSERT INTO certificates (number, kind, marriage_id, original_number, issued_on)
            VALUES (\(number.rawValue), \(number.kind.rawValue), \(marriage), \(original?.rawValue), \(issuedOn.iso)::date)
            """)
    }

    /// Whether any certificate (adoption certificates included) with this number is valid, and
    /// when it was issued.
    func verification(_ number: CertificateNumber) async throws -> (valid: Bool, issuedOn: CivilDate)? {
        let rows = try await query("""
            SELECT status, issued_on::text FROM certificates WHERE number = \(number.rawValue)
            UNION ALL
            SELECT CASE status WHEN 'registered' THEN 'valid' ELSE 'revoked' END, registered_on::text
            FROM adoptions WHERE certificate_number = \(number.rawValue)
            """)
        for try await (status, issued) in rows.decode((String, String).self) {
            return (status == "valid", try CivilDate(iso: issued))
        }
        return nil
    }

    /// The region of the office that registered the certificate's marriage or adoption (its
    /// region scope: a certificate follows its record); nil when no such certificate was issued.
    func region(of number: CertificateNumber) async throws -> RegionCode? {
        let rows = try await query("""
            SELECT m.office FROM certificates c JOIN marriages m ON m.id = c.marriage_id WHERE c.number = \(number.rawValue)
            UNION ALL
            SELECT office FROM adoptions WHERE certificate_number = \(number.rawValue)
            """)
        for try await office in rows.decode(String.self) { return try RegistrationOfficeCode(parsing: office).region }
        return nil
    }

    /// Locks a marriage or divorce certificate and reads what a reissue needs.
    func lockForReissue(_ number: CertificateNumber) async throws -> (marriage: UUID, valid: Bool, parties: [ResidentID])? {
        let rows = try await query("""
            SELECT c.marriage_id, c.status, m.party_a_id, m.party_b_id
            FROM certificates c JOIN marriages m ON m.id = c.marriage_id WHERE c.number = \(number.rawValue) FOR UPDATE OF c
            """)
        for try await (marriage, status, idA, idB) in rows.decode((UUID, String, String, String).self) {
            return (marriage, status == "valid", [try ResidentID(idA), try ResidentID(idB)])
        }
        return nil
    }

    func revoke(_ number: CertificateNumber) async throws {
        try await query("UPDATE certificates SET status = 'revoked' WHERE number = \(number.rawValue)")
    }

    /// The marriage certificates (original and reissues) of an ended marriage stop being valid.
    func revokeMarriageCertificates(of marriage: UUID) async throws {
        try await query("UPDATE certificates SET status = 'revoked' WHERE marriage_id = \(marriage) AND kind IN ('J', 'BJ')")
    }
}
