import Contracts
import Foundation
import Hummingbird
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Certificate verification (valid/revoked, no personal data) and reissue (补领).
enum CertificateRoutes {
    struct Verification: ResponseEncodable {
        var number: String
        /// `marriage`, `divorce`, `marriage-reissue` or `divorce-reissue`.
        var kind: String
        var status: String
        var issuedOn: String
    }

    struct Reissue: ResponseEncodable {
        var number: String
        var originalNumber: String
        var issuedOn: String
    }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        router.get("/certificates/:number") { _, context -> Verification in
            let number = try parseNumber(context)
            let rows = try await dependencies.database.query("""
                SELECT kind, status, issued_on::text FROM certificates WHERE number = \(number.rawValue)
                UNION ALL
                SELECT 'SY', CASE status WHEN 'registered' THEN 'valid' ELSE 'revoked' END, registered_on::text
                FROM adoptions WHERE certificate_number = \(number.rawValue)
                """, logger: context.logger)
            for try await (_, status, issued) in rows.decode((String, String, String).self) {
                return Verification(number: number.rawValue, kind: kindName(number.kind), status: status, issuedOn: issued)
            }
            throw RuleViolation("certificate.not-found", "no certificate \(number.rawValue)", kind: .notFound)
        }
        router.post("/certificates/:number/reissue") { request, context -> EditedResponse<Reissue> in
            let number = try parseNumber(context)
            let body = try await request.decode(as: PartyRequest.self, context: context)
            let applicant = try RequestParsing.residentID(body.residentId, field: "residentId")
            let reissue = try await reissue(number, applicant: applicant, dependencies: dependencies, today: clock.today(),
                                            logger: context.logger)
            return EditedResponse(status: .created, response: reissue)
        }
    }

    static func parseNumber(_ context: ServiceRequestContext) throws -> CertificateNumber {
        guard let text = context.parameters.get("number") else {
            throw RuleViolation.invalid("certificate-number.malformed", "missing certificate number")
        }
        return try CertificateNumber(parsing: text)
    }

    static func kindName(_ kind: CertificateKind) -> String {
        switch kind {
        case .marriage: "marriage"
        case .divorce: "divorce"
        case .marriageReissue: "marriage-reissue"
        case .divorceReissue: "divorce-reissue"
        case .adoption: "adoption"
        }
    }

    /// A party gets a new certificate number, linked to the original; the original stops being valid.
    static func reissue(
        _ original: CertificateNumber, applicant: ResidentID, dependencies: ServiceDependencies, today: CivilDate, logger: Logger
    ) async throws -> Reissue {
        try await dependencies.database.transaction(logger: logger) { connection in
            let rows = try await connection.query("""
                SELECT c.marriage_id, c.status, m.party_a_id, m.party_b_id
                FROM certificates c JOIN marriages m ON m.id = c.marriage_id WHERE c.number = \(original.rawValue) FOR UPDATE OF c
                """, logger: logger)
            var found: (UUID, String, String, String)?
            for try await row in rows.decode((UUID, String, String, String).self) { found = row }
            guard let (marriage, status, idA, idB) = found else {
                throw RuleViolation("certificate.not-found", "no certificate \(original.rawValue)", kind: .notFound)
            }
            guard status == "valid" else {
                throw RuleViolation("certificate.revoked", "certificate \(original.rawValue) is no longer valid", kind: .conflict)
            }
            guard applicant.rawValue == idA || applicant.rawValue == idB else {
                throw RuleViolation("certificate.not-a-party", "only a party named on the certificate may ask for a reissue")
            }
            guard original.kind != .adoption else {
                throw RuleViolation("certificate.not-reissuable", "adoption certificates are not reissued here")
            }
            let isMarriage = original.kind == .marriage || original.kind == .marriageReissue
            let number = try await CertificateIssuer.next(
                kind: isMarriage ? .marriageReissue : .divorceReissue, office: original.office, year: today.year,
                on: connection, logger: logger)
            try await connection.query("""
                INSERT INTO certificates (number, kind, marriage_id, original_number, issued_on)
                VALUES (\(number.rawValue), \(number.kind.rawValue), \(marriage), \(original.rawValue), \(today.iso)::date)
                """, logger: logger)
            try await connection.query("UPDATE certificates SET status = 'revoked' WHERE number = \(original.rawValue)", logger: logger)
            try await Outbox.append(
                CertificateReissued(certificateNumber: number.rawValue, originalCertificateNumber: original.rawValue,
                                    kind: isMarriage ? .marriage : .divorce, marriageID: marriage,
                                    applicant: PersonRef.derive(from: applicant, key: dependencies.personRefKey), reissuedOn: today),
                source: dependencies.source, on: connection, logger: logger)
            return Reissue(number: number.rawValue, originalNumber: original.rawValue, issuedOn: today.iso)
        }
    }
}
