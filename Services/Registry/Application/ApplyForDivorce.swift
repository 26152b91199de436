import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// An application for divorce by agreement (协议离婚, Civil Code art. 1076): its cooling-off
/// period and registration window start, and `divorce-applied` is published.
enum ApplyForDivorce {
    static func run(marriage: UUID, dependencies: ServiceDependencies, today: CivilDate, logger: Logger) async throws -> DivorceApplicationRecord {
        try await dependencies.database.transaction(logger: logger) { connection in
            guard let parties = try await MarriageStore(connection, logger: logger).lockParties(marriage) else {
                throw RuleViolation.marriageNotFound(marriage)
            }
            try parties.status.requireCurrent()
            let applications = DivorceApplicationStore(connection, logger: logger)
            // An earlier application blocks a new one until it was registered, withdrawn or expired.
            guard try await !applications.hasOpenApplication(marriage: marriage, on: today) else {
                throw RuleViolation("divorce.application-open", "an application for this marriage is still open", kind: .conflict)
            }
            let divorce = try DivorceByAgreement.apply(partyA: parties.idA, partyB: parties.idB, on: today)
            let id = UUID()
            try await applications.insert(id: id, marriage: marriage, divorce)
            try await Outbox.append(
                DivorceApplied(applicationID: id, marriageID: marriage, partyA: parties.refA, partyB: parties.refB,
                               appliedOn: today, coolingOffEndsOn: divorce.coolingOffLastDay,
                               registrationWindowEndsOn: divorce.registrationWindow.upperBound),
                source: dependencies.source, on: connection, logger: logger)
            return DivorceApplicationRecord(id: id, marriageID: marriage, office: parties.office, partyA: parties.refA,
                                            partyB: parties.refB, divorce: divorce)
        }
    }
}
