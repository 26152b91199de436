import Contracts
import Foundation
import Hummingbird
import RegistryDomain
import ServiceKit

/// Adoption registration (收养登记, Civil Code arts. 1093–1118) and its dissolution (解除收养关系).
enum AdoptionRoutes {
    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        routes.post("/adoptions", RoutePolicy(roles: [.registrar], region: .body("office"))) { request, context -> EditedResponse<AdoptionResponse> in
            let command = try await request.decode(as: AdoptionRequest.self, context: context).command()
            let adoption = try await RegisterAdoption.run(command, dependencies: dependencies, today: clock.today(), logger: context.logger)
            return EditedResponse(status: .created, response: AdoptionResponse(adoption))
        }
        // A certificate number, a date and a status: no adopter or child is named. Audited all the
        // same: who adopted whom is a secret the law protects (民法典 第1110条, 收养秘密), and the
        // record's ids lead to the parties.
        routes.get("/adoptions/:id", RoutePolicy(roles: [.registrar, .auditor], region: .record, personalData: true),
                   regionOf: RecordRegions.adoption(dependencies)) { _, context -> AdoptionResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            guard let adoption = try await AdoptionStore(dependencies.database, logger: context.logger).find(id) else {
                throw RuleViolation("adoption.not-found", "no adoption \(id)", kind: .notFound)
            }
            return AdoptionResponse(adoption)
        }
        routes.post("/adoptions/:id/dissolution", RoutePolicy(roles: [.registrar], region: .record),
                    regionOf: RecordRegions.adoption(dependencies)) { request, context -> AdoptionResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            let dissolution = try await request.decode(as: AdoptionDissolutionRequest.self, context: context).dissolution()
            return AdoptionResponse(try await DissolveAdoption.run(id, dissolution, dependencies: dependencies, today: clock.today(),
                                                                   logger: context.logger))
        }
    }
}

/// `POST /adoptions`.
struct AdoptionRequest: Decodable, Sendable {
    struct Adopter: Decodable, Sendable {
        var residentId: String
        var existingChildren: Int
        var married: Bool
        var spouseConsent: Bool
    }

    struct Child: Decodable, Sendable {
        var residentId: String
        /// `orphan`, `parents-cannot-be-found`, `parents-in-special-hardship` or `other`.
        var category: String
        var disabled: Bool
        var inWelfareInstitution: Bool
        var consentGiven: Bool
    }

    var office: String
    var adopters: [Adopter]
    var child: Child
    var assessmentRecorded: Bool

    func command() throws(RuleViolation) -> RegisterAdoption.Command {
        let office = try RegistrationOfficeCode(parsing: office)
        let adopters = try AdoptionEligibility.Adopters(adopters) { index, adopter throws(RuleViolation) in
            AdoptionEligibility.Adopter(
                id: try RequestParsing.residentID(adopter.residentId, field: "adopters[\(index)].residentId"),
                existingChildren: adopter.existingChildren, isMarried: adopter.married, spouseConsent: adopter.spouseConsent)
        }
        let child = AdoptionEligibility.Child(
            id: try RequestParsing.residentID(child.residentId, field: "child.residentId"),
            category: try AdoptionEligibility.Child.Category(parsing: child.category), isDisabled: child.disabled,
            inWelfareInstitution: child.inWelfareInstitution, consentGiven: child.consentGiven)
        return RegisterAdoption.Command(office: office, adopters: adopters, child: child, assessmentRecorded: assessmentRecorded)
    }
}

/// `POST /adoptions/{id}/dissolution`.
struct AdoptionDissolutionRequest: Decodable, Sendable {
    /// `registration` or `court-document`.
    var basis: String
    var documentNumber: String?

    func dissolution() throws(RuleViolation) -> AdoptionDissolution {
        let basis = try AdoptionDissolution.basis(parsing: basis)
        let document = try documentNumber.map { text throws(RuleViolation) in try RequestParsing.nonEmpty(text, field: "documentNumber") }
        return try AdoptionDissolution(basis: basis, documentNumber: document)
    }
}

struct AdoptionResponse: ResponseEncodable {
    var adoptionId: UUID
    var certificateNumber: String
    var registeredOn: String
    /// `registered` or `dissolved`.
    var status: String

    init(_ adoption: AdoptionRecord) {
        adoptionId = adoption.id
        certificateNumber = adoption.certificateNumber
        registeredOn = adoption.registeredOn.iso
        status = adoption.status.rawValue
    }
}
