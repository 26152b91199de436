import Contracts
import Foundation
import Hummingbird
import RegistryDomain
import ServiceKit

/// What happens to a death record after it is recorded: corrections and annulments (events of
/// their own, so other bureaus can undo what they did), funeral service records (殡葬服务), and
/// the free basic funeral, which waits for the cremation.
enum FuneralRoutes {
    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: FuneralPolicy) {
        routes.post("/deaths/:id/correction", RoutePolicy(roles: [.registrar], region: .record),
                    regionOf: RecordRegions.death(dependencies)) { request, context -> DeathRecordResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: DeathCorrectionRequest.self, context: context)
            let date = try RequestParsing.date(body.dateOfDeath, field: "dateOfDeath")
            let reason = try RequestParsing.nonEmpty(body.reason, field: "reason", max: 500)
            return DeathRecordResponse(try await CorrectDeath.run(id, dateOfDeath: date, reason: reason, dependencies: dependencies,
                                                                  policy: policy, logger: context.logger))
        }
        routes.post("/deaths/:id/annulment", RoutePolicy(roles: [.registrar], region: .record),
                    regionOf: RecordRegions.death(dependencies)) { request, context -> DeathRecordResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: DeathAnnulmentRequest.self, context: context)
            let reason = try RequestParsing.nonEmpty(body.reason, field: "reason", max: 500)
            return DeathRecordResponse(try await AnnulDeath.run(id, reason: reason, dependencies: dependencies, logger: context.logger))
        }
        routes.post("/deaths/:id/funeral-services", RoutePolicy(roles: [.registrar], region: .record),
                    regionOf: RecordRegions.death(dependencies)) { request, context -> EditedResponse<FuneralServiceResponse> in
            let id = try context.parameters.require("id", as: UUID.self)
            let command = try await request.decode(as: FuneralServiceRequest.self, context: context).command(deathRecord: id)
            let serviceID = try await RecordFuneralService.run(command, dependencies: dependencies, policy: policy, logger: context.logger)
            return EditedResponse(status: .created, response: FuneralServiceResponse(
                serviceRecordId: serviceID, service: command.service, performedOn: command.performedOn.iso))
        }
        // Finance reads it too: a granted one is paid out. Its basis (低保/特困) and amounts are personal data.
        routes.get("/deaths/:id/funeral-subsidy", RoutePolicy(roles: [.registrar, .finance, .auditor], region: .record, personalData: true),
                   regionOf: RecordRegions.death(dependencies)) { _, context -> FuneralSubsidyResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            guard let grant = try await FuneralGrantStore(dependencies.database, logger: context.logger).find(deathRecord: id) else {
                throw RuleViolation("funeral-subsidy.not-found", "death record \(id) has no free basic funeral", kind: .notFound)
            }
            return FuneralSubsidyResponse(grant)
        }
    }
}

/// `POST /deaths/{id}/correction`.
struct DeathCorrectionRequest: Decodable, Sendable {
    var dateOfDeath: String
    /// For the audit trail; must not contain names or ID numbers.
    var reason: String
}

/// `POST /deaths/{id}/annulment`.
struct DeathAnnulmentRequest: Decodable, Sendable {
    var reason: String
}

/// `POST /deaths/{id}/funeral-services`.
struct FuneralServiceRequest: Decodable, Sendable {
    /// `transport`, `storage`, `cremation`, `ash-storage` or `burial`.
    var service: String
    var performedOn: String
    var cremationCertificateNumber: String?
    var cemeteryPlot: String?
    /// 节地生态安葬.
    var ecoBurial: Bool?
    var facilityRegion: String?

    func command(deathRecord: UUID) throws(RuleViolation) -> RecordFuneralService.Command {
        RecordFuneralService.Command(
            deathRecord: deathRecord, service: service, performedOn: try RequestParsing.date(performedOn, field: "performedOn"),
            cremationCertificateNumber: cremationCertificateNumber, cemeteryPlot: cemeteryPlot, ecoBurial: ecoBurial ?? false,
            facilityRegion: try facilityRegion.map { text throws(RuleViolation) in try RequestParsing.region(text, field: "facilityRegion") })
    }
}

struct FuneralServiceResponse: ResponseEncodable {
    var serviceRecordId: UUID
    var service: String
    var performedOn: String
}

/// The free basic funeral of a death: its basis, the services with their amounts (fen), the total,
/// and where it stands (``FreeBasicFuneralStatus``) with the days it moved.
struct FuneralSubsidyResponse: ResponseEncodable {
    struct Item: Codable {
        var service: String
        var amount: Int64
    }

    var grantId: UUID
    var basis: String
    var services: [Item]
    var total: Int64
    /// `pending-cremation`, `granted` (payable), `withdrawn` or `revoked`.
    var status: String
    /// The day it became payable; absent until the cremation is recorded.
    var grantedOn: String?
    var crematedOn: String?
    var withdrawnOn: String?

    init(_ grant: FuneralGrantRecord) {
        grantId = grant.id
        basis = grant.basis.rawValue
        services = grant.items.map { Item(service: $0.service.rawValue, amount: $0.amount.fen) }
        total = grant.total.fen
        status = grant.status.rawValue
        grantedOn = grant.grantedOn?.iso
        crematedOn = grant.crematedOn?.iso
        withdrawnOn = grant.withdrawnOn?.iso
    }
}
