import Contracts
import Foundation
import Hummingbird
import RegistryDomain
import ServiceKit

/// Divorce by agreement (协议离婚, Civil Code arts. 1076–1078): application, 30-day cooling-off
/// with withdrawal, then registration within the next 30 days. The windows are the pure
/// `DivorceByAgreement` rules, evaluated on the Registry's clock.
enum DivorceRoutes {
    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        // At the office that registered the marriage (see `RecordRegions` on 全市通办).
        routes.post("/marriages/:id/divorce-applications", RoutePolicy(roles: [.registrar], region: .record),
                    regionOf: RecordRegions.marriage(dependencies)) { _, context -> EditedResponse<DivorceApplicationResponse> in
            let marriage = try context.parameters.require("id", as: UUID.self)
            let today = clock.today()
            let application = try await ApplyForDivorce.run(marriage: marriage, dependencies: dependencies, today: today, logger: context.logger)
            return EditedResponse(status: .created, response: DivorceApplicationResponse(application, today: today))
        }
        // Dates and a status keyed by record ids: no resident ID, name or ref of a party.
        // Audited: a pending divorce is a fact about two people's marriage, even told by ids.
        routes.get("/divorce-applications/:id", RoutePolicy(roles: [.registrar, .auditor], region: .record, personalData: true),
                   regionOf: RecordRegions.divorceApplication(dependencies)) { _, context -> DivorceApplicationResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            guard let application = try await DivorceApplicationStore(dependencies.database, logger: context.logger).find(id, lock: false)
            else { throw RuleViolation.divorceNotFound(id) }
            return DivorceApplicationResponse(application, today: clock.today())
        }
        routes.post("/divorce-applications/:id/withdraw", RoutePolicy(roles: [.registrar], region: .record),
                    regionOf: RecordRegions.divorceApplication(dependencies)) { request, context -> DivorceApplicationResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            let party = try await request.decode(as: PartyRequest.self, context: context).party()
            let today = clock.today()
            let application = try await WithdrawDivorceApplication.run(id, by: party, dependencies: dependencies, today: today,
                                                                       logger: context.logger)
            return DivorceApplicationResponse(application, today: today)
        }
        routes.post("/divorce-applications/:id/register", RoutePolicy(roles: [.registrar], region: .record),
                    regionOf: RecordRegions.divorceApplication(dependencies)) { _, context -> DivorceApplicationResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            let today = clock.today()
            let (application, certificate) = try await RegisterDivorce.run(id, dependencies: dependencies, today: today, logger: context.logger)
            return DivorceApplicationResponse(application, today: today, certificate: certificate)
        }
    }
}

/// An application and where it stands on the Registry's today.
struct DivorceApplicationResponse: ResponseEncodable {
    var applicationId: UUID
    var marriageId: UUID
    var appliedOn: String
    var coolingOffLastDay: String
    var registrationWindow: [String]
    /// `cooling-off`, `awaiting-registration`, `registered` or `withdrawn`.
    var status: String
    var divorceCertificateNumber: String?

    init(_ application: DivorceApplicationRecord, today: CivilDate, certificate: CertificateNumber? = nil) {
        let divorce = application.divorce
        applicationId = application.id
        marriageId = application.marriageID
        appliedOn = divorce.appliedOn.iso
        coolingOffLastDay = divorce.coolingOffLastDay.iso
        registrationWindow = [divorce.registrationWindow.lowerBound.iso, divorce.registrationWindow.upperBound.iso]
        switch divorce.status(on: today) {
        case .coolingOff: status = "cooling-off"
        case .awaitingRegistration: status = "awaiting-registration"
        case .registered: status = "registered"
        case .withdrawn: status = "withdrawn"
        }
        divorceCertificateNumber = certificate?.rawValue
    }
}
