import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// Both parties appear within the registration window (Civil Code arts. 1077 para. 2, 1078): the
/// marriage ends, the divorce certificate is issued and `divorce-registered` is published with the
/// office and its region (the statistics count divorce registrations per office and region).
enum RegisterDivorce {
    static func run(
        _ id: UUID, dependencies: ServiceDependencies, today: CivilDate, logger: Logger
    ) async throws -> (application: DivorceApplicationRecord, certificate: CertificateNumber) {
        try await dependencies.database.transaction(logger: logger) { connection in
            let applications = DivorceApplicationStore(connection, logger: logger)
            guard var application = try await applications.find(id, lock: true) else { throw RuleViolation.divorceNotFound(id) }
            try application.divorce.register(on: today)
            let (refA, refB) = try await EndMarriage.run(application.marriageID, as: .divorced, on: today,
                                                         connection: connection, logger: logger)
            let certificates = CertificateStore(connection, logger: logger)
            let number = try await certificates.next(kind: .divorce, office: application.office, year: today.year)
            try await certificates.insert(number, marriage: application.marriageID, issuedOn: today)
            try await applications.recordRegistration(id, on: today)
            try await Outbox.append(
                DivorceRegistered(marriageID: application.marriageID, applicationID: id, certificateNumber: number.rawValue,
                                  partyA: refA, partyB: refB, registeredOn: today, basis: .agreement, courtDocumentNumber: nil,
                                  office: application.office.rawValue, region: application.office.region),
                source: dependencies.source, on: connection, logger: logger)
            return (application, number)
        }
    }
}
