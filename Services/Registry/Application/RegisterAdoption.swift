import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// Adoption registration (收养登记, Civil Code art. 1105): the eligibility rules, one registered
/// adoption per child, the certificate and `adoption-registered`, in one transaction.
enum RegisterAdoption {
    struct Command: Sendable {
        var office: RegistrationOfficeCode
        var adopters: AdoptionEligibility.Adopters
        var child: AdoptionEligibility.Child
        var assessmentRecorded: Bool
    }

    static func run(_ command: Command, dependencies: ServiceDependencies, today: CivilDate, logger: Logger) async throws -> AdoptionRecord {
        let key = dependencies.personRefKey
        let adopters = command.adopters.all.map { ($0.id, PersonRef.derive(from: $0.id, key: key)) }
        let child = (command.child.id, PersonRef.derive(from: command.child.id, key: key))
        let adopterRefs = adopters.map(\.1)
        return try await dependencies.database.transaction(logger: logger) { connection in
            guard try await RegistrationOfficeStore(connection, logger: logger).exists(command.office) else {
                throw RuleViolation.unknownOffice(command.office)
            }
            try await AdvisoryLocks(connection, logger: logger).lock(people: adopterRefs + [child.1])
            let adoptions = AdoptionStore(connection, logger: logger)
            // Adoptions the adopters already registered count against the two-child limit.
            let prior = try await adoptions.countRegistered(adoptedBy: adopterRefs)
            try AdoptionEligibility.check(adopters: command.adopters, child: command.child, assessmentRecorded: command.assessmentRecorded,
                                          priorAdoptionsByAdopter: prior, today: today)
            guard try await !adoptions.hasRegisteredAdoption(child: child.1) else {
                throw RuleViolation("adoption.child-already-adopted", "the child has a registered adoption", kind: .conflict)
            }
            let id = UUID()
            let number = try await CertificateStore(connection, logger: logger).next(kind: .adoption, office: command.office, year: today.year)
            try await adoptions.insert(id: id, office: command.office, certificate: number, child: child, adopters: adopters, on: today)
            try await Outbox.append(
                AdoptionRegistered(adoptionID: id, child: child.1, adopters: adopterRefs, registeredOn: today, region: command.office.region,
                                   certificateNumber: number.rawValue),
                source: dependencies.source, on: connection, logger: logger)
            return AdoptionRecord(id: id, certificateNumber: number.rawValue, registeredOn: today, status: .registered)
        }
    }
}
