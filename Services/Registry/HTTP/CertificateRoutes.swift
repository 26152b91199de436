import Contracts
import Foundation
import Hummingbird
import RegistryDomain
import ServiceKit

/// Certificate verification (valid/revoked, no personal data) and reissue (补领).
enum CertificateRoutes {
    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        // Verification answers valid or revoked and a date, no party: any office checks a certificate
        // a resident presents, wherever it was issued (a number carries no region of its own to guard).
        routes.get("/certificates/:number", RoutePolicy(roles: [.registrar, .auditor], region: .none)) { _, context -> CertificateVerificationResponse in
            let number = try CertificateNumber(parsing: try context.parameters.require("number"))
            guard let (valid, issuedOn) = try await CertificateStore(dependencies.database, logger: context.logger).verification(number)
            else { throw RuleViolation.certificateNotFound(number) }
            return CertificateVerificationResponse(number: number, valid: valid, issuedOn: issuedOn)
        }
        // At the office that issued the original, whose series numbers the reissue (see `RecordRegions`).
        routes.post("/certificates/:number/reissue", RoutePolicy(roles: [.registrar], region: .record),
                    regionOf: RecordRegions.certificate(dependencies)) { request, context -> EditedResponse<CertificateReissueResponse> in
            let original = try CertificateNumber(parsing: try context.parameters.require("number"))
            let applicant = try await request.decode(as: PartyRequest.self, context: context).party()
            let today = clock.today()
            let number = try await ReissueCertificate.run(original, applicant: applicant, dependencies: dependencies, today: today,
                                                          logger: context.logger)
            return EditedResponse(status: .created, response: CertificateReissueResponse(
                number: number.rawValue, originalNumber: original.rawValue, issuedOn: today.iso))
        }
    }
}

/// What anyone may learn about a certificate number: its kind, whether it is valid, when issued.
struct CertificateVerificationResponse: ResponseEncodable {
    var number: String
    /// `marriage`, `divorce`, `marriage-reissue`, `divorce-reissue` or `adoption`.
    var kind: String
    /// `valid` or `revoked`.
    var status: String
    var issuedOn: String

    init(number: CertificateNumber, valid: Bool, issuedOn: CivilDate) {
        self.number = number.rawValue
        kind = switch number.kind {
        case .marriage: "marriage"
        case .divorce: "divorce"
        case .marriageReissue: "marriage-reissue"
        case .divorceReissue: "divorce-reissue"
        case .adoption: "adoption"
        }
        status = valid ? "valid" : "revoked"
        self.issuedOn = issuedOn.iso
    }
}

struct CertificateReissueResponse: ResponseEncodable {
    var number: String
    var originalNumber: String
    var issuedOn: String
}
