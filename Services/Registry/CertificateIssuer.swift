import Contracts
import Logging
import PostgresNIO

/// Allocates the next certificate number of an office, kind and year inside the
/// caller's transaction. The serial row is locked until commit, so numbers are
/// unique city-wide and a rolled-back registration gives its number back.
enum CertificateIssuer {
    static func next(
        kind: CertificateKind, office: RegistrationOfficeCode, year: Int, on connection: PostgresConnection, logger: Logger
    ) async throws -> CertificateNumber {
        let rows = try await connection.query("""
            INSERT INTO certificate_serials (office, kind, year, last_serial) VALUES (\(office.rawValue), \(kind.rawValue), \(year), 1)
            ON CONFLICT (office, kind, year) DO UPDATE SET last_serial = certificate_serials.last_serial + 1
            RETURNING last_serial
            """, logger: logger)
        var serial = 0
        for try await value in rows.decode(Int.self) { serial = value }
        return try CertificateNumber(kind: kind, office: office, year: year, serial: serial)
    }
}
