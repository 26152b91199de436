import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// Reissue of a marriage or divorce certificate (补领, 《婚姻登记条例》第十七条): the party gets a
/// new number linked to the original, the original stops being valid, `certificate-reissued` is
/// published with the reissuing office (the original's, whose series the new number is in) and its
/// region, for the statistics (补领结婚证/离婚证 per office).
enum ReissueCertificate {
    static func run(
        _ original: CertificateNumber, applicant: ResidentID, dependencies: ServiceDependencies, today: CivilDate, logger: Logger
    ) async throws -> CertificateNumber {
        try await dependencies.database.transaction(logger: logger) { connection in
            let certificates = CertificateStore(connection, logger: logger)
            guard let (marriage, valid, parties) = try await certificates.lockForReissue(original) else {
                throw RuleViolation.certificateNotFound(original)
            }
            let kind = try CertificateReissue.kind(reissuing: original, isValid: valid, parties: parties, applicant: applicant)
            let number = try await certificates.next(kind: kind, office: original.office, year: today.year)
            try await certificates.insert(number, marriage: marriage, original: original, issuedOn: today)
            try await certificates.revoke(original)
            try await Outbox.append(
                CertificateReissued(certificateNumber: number.rawValue, originalCertificateNumber: original.rawValue,
                                    kind: kind == .marriageReissue ? .marriage : .divorce, marriageID: marriage,
                                    applicant: PersonRef.derive(from: applicant, key: dependencies.personRefKey), reissuedOn: today,
                                    office: original.office.rawValue, region: original.office.region),
                source: dependencies.source, on: connection, logger: logger)
            return number
        }
    }
}
