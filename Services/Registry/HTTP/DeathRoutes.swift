import Contracts
import Foundation
import Hummingbird
import RegistryDomain
import ServiceKit

/// `POST /deaths` records a death and publishes `death-recorded` through the outbox;
/// `GET /deaths/{id}` returns the record (with the resident ID: this is the Registry's own API).
enum DeathRoutes {
    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: FuneralPolicy) {
        // In the region the report names: the registrar's county, or a township within it.
        routes.post("/deaths", RoutePolicy(roles: [.registrar], region: .body("region"))) { request, context -> EditedResponse<DeathRecordResponse> in
            let body = try await request.decode(as: DeathReport.Request.self, context: context)
            let report = try DeathReport.validate(body, today: .today())
            let (record, isNew) = try await RecordDeath.run(report, dependencies: dependencies, policy: policy, logger: context.logger)
            // A repeat answers with the record stored before, whose region the body's (checked
            // before the route ran) need not be: show it only within the token's region.
            if !isNew { try RegionScope.check(try context.requirePrincipal(), record: record.region) }
            return EditedResponse(status: isNew ? .created : .ok,
                                  response: DeathRecordResponse(record, status: isNew ? nil : "already-recorded"))
        }
        routes.get("/deaths/:id", RoutePolicy(roles: [.registrar, .auditor], region: .record, personalData: true),
                   regionOf: RecordRegions.death(dependencies)) { _, context -> DeathRecordResponse in
            let id = try context.parameters.require("id", as: UUID.self)
            guard let record = try await DeathRecordStore(dependencies.database, logger: context.logger).find(id) else {
                throw RuleViolation.deathNotFound(id)
            }
            return DeathRecordResponse(record)
        }
    }
}

struct DeathRecordResponse: ResponseEncodable {
    var recordId: UUID
    var residentId: String
    var personRef: String
    var dateOfDeath: String
    var region: String
    var source: String
    /// `recorded`, `annulled`, or `already-recorded` when the same death was reported before.
    var status: String

    /// The record; `status` replaces the record's own (`already-recorded` for a repeated report).
    init(_ record: DeathRecord, status: String? = nil) {
        recordId = record.id
        residentId = record.residentID.rawValue
        personRef = record.person.rawValue
        dateOfDeath = record.dateOfDeath.iso
        region = record.region.rawValue
        source = record.source.rawValue
        self.status = status ?? record.status.rawValue
    }
}
