import Contracts
import Foundation
import Hummingbird
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// What happens to a death record after it is recorded: corrections and annulments
/// (events of their own, so other bureaus can undo what they did), funeral service
/// records (殡葬服务), and the free basic funeral grant.
enum FuneralRoutes {
    struct CorrectionRequest: Decodable, Sendable {
        var dateOfDeath: String
        var reason: String
    }

    struct AnnulmentRequest: Decodable, Sendable {
        var reason: String
    }

    struct ServiceRequest: Decodable, Sendable {
        /// `transport`, `storage`, `cremation`, `ash-storage` or `burial`.
        var service: String
        var performedOn: String
        var cremationCertificateNumber: String?
        var cemeteryPlot: String?
        /// 节地生态安葬.
        var ecoBurial: Bool?
        var facilityRegion: String?
    }

    struct ServiceRecord: ResponseEncodable {
        var serviceRecordId: UUID
        var service: String
        var performedOn: String
    }

    struct Grant: ResponseEncodable {
        var grantId: UUID
        var basis: String
        var services: [Item]
        var total: Int64
        var grantedOn: String
        var status: String

        struct Item: Codable { var service: String; var amount: Int64 }
    }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies, policy: FuneralPolicy) {
        router.post("/deaths/:id/correction") { request, context -> DeathRoutes.Record in
            let id = try MarriageRoutes.uuidParameter(context)
            let body = try await request.decode(as: CorrectionRequest.self, context: context)
            return try await correct(id, body, dependencies: dependencies, policy: policy, logger: context.logger)
        }
        router.post("/deaths/:id/annulment") { request, context -> DeathRoutes.Record in
            let id = try MarriageRoutes.uuidParameter(context)
            let body = try await request.decode(as: AnnulmentRequest.self, context: context)
            return try await annul(id, reason: try RequestParsing.nonEmpty(body.reason, field: "reason", max: 500),
                                   dependencies: dependencies, logger: context.logger)
        }
        router.post("/deaths/:id/funeral-services") { request, context -> EditedResponse<ServiceRecord> in
            let id = try MarriageRoutes.uuidParameter(context)
            let body = try await request.decode(as: ServiceRequest.self, context: context)
            let record = try await recordService(id, body, dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: .created, response: record)
        }
        router.get("/deaths/:id/funeral-subsidy") { _, context -> Grant in
            let id = try MarriageRoutes.uuidParameter(context)
            let rows = try await dependencies.database.query("""
                SELECT id, basis, items::text, total_fen, granted_on::text, status FROM funeral_subsidy_grants WHERE death_record_id = \(id)
                """, logger: context.logger)
            for try await (grant, basis, items, total, granted, status) in rows.decode((UUID, String, String, Int64, String, String).self) {
                let decoded = try JSONDecoder().decode([Grant.Item].self, from: Data(items.utf8))
                return Grant(grantId: grant, basis: basis, services: decoded, total: total, grantedOn: granted, status: status)
            }
            throw RuleViolation("funeral-subsidy.not-found", "no free basic funeral was granted for death record \(id)", kind: .notFound)
        }
    }

    /// Locks a recorded death; refuses an annulled or unknown one.
    static func lockRecord(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> DeathRoutes.Record {
        let rows = try await connection.query("\(unescaped: DeathRoutes.selectRecord) WHERE id = \(id) FOR UPDATE", logger: logger)
        for try await row in rows.decode(DeathRoutes.RecordRow.self) {
            let record = DeathRoutes.Record(row)
            guard record.status == "recorded" else {
                throw RuleViolation("death.annulled", "death record \(id) was annulled", kind: .conflict)
            }
            return record
        }
        throw RuleViolation("death.not-found", "no death record \(id)", kind: .notFound)
    }

    static func correct(
        _ id: UUID, _ body: CorrectionRequest, dependencies: ServiceDependencies, policy: FuneralPolicy, logger: Logger
    ) async throws -> DeathRoutes.Record {
        let date = try RequestParsing.date(body.dateOfDeath, field: "dateOfDeath")
        let reason = try RequestParsing.nonEmpty(body.reason, field: "reason", max: 500)
        return try await dependencies.database.transaction(logger: logger) { connection in
            var record = try await lockRecord(id, on: connection, logger: logger)
            try DeathReport.checkDate(date, of: try RequestParsing.residentID(record.residentId, field: "residentId"),
                                      today: .today())
            let previous = try RequestParsing.date(record.dateOfDeath, field: "dateOfDeath")
            guard previous != date else { return record }  // nothing to correct: no event
            try await connection.query("UPDATE death_records SET date_of_death = \(date.iso)::date WHERE id = \(id)", logger: logger)
            let envelope = try await Outbox.append(
                DeathRecordCorrected(recordID: id, person: try PersonRef(rawValue: record.personRef), previousDateOfDeath: previous,
                                     dateOfDeath: date, region: try RegionCode(record.region), correctedAt: Date(), reason: reason),
                source: dependencies.source, on: connection, logger: logger)
            try await FuneralGrants.evaluate(deathRecord: id, policy: policy, source: dependencies.source, causationID: envelope.id,
                                             on: connection, logger: logger)
            record.dateOfDeath = date.iso
            return record
        }
    }

    /// A wrongly recorded death: the record stays for audit, marked annulled, and its grant is revoked.
    static func annul(_ id: UUID, reason: String, dependencies: ServiceDependencies, logger: Logger) async throws -> DeathRoutes.Record {
        try await dependencies.database.transaction(logger: logger) { connection in
            var record = try await lockRecord(id, on: connection, logger: logger)
            try await connection.query("UPDATE death_records SET status = 'annulled' WHERE id = \(id)", logger: logger)
            try await connection.query("UPDATE funeral_subsidy_grants SET status = 'revoked' WHERE death_record_id = \(id)", logger: logger)
            try await Outbox.append(
                DeathRecordAnnulled(recordID: id, person: try PersonRef(rawValue: record.personRef),
                                    annulledDateOfDeath: try RequestParsing.date(record.dateOfDeath, field: "dateOfDeath"),
                                    annulledAt: Date(), reason: reason),
                source: dependencies.source, on: connection, logger: logger)
            record.status = "annulled"
            return record
        }
    }

    static func recordService(
        _ id: UUID, _ body: ServiceRequest, dependencies: ServiceDependencies, logger: Logger
    ) async throws -> ServiceRecord {
        let performed = try RequestParsing.date(body.performedOn, field: "performedOn")
        let region = try body.facilityRegion.map { try RequestParsing.region($0, field: "facilityRegion") }
        return try await dependencies.database.transaction(logger: logger) { connection in
            let record = try await lockRecord(id, on: connection, logger: logger)
            let service = try FuneralServiceRecord.validate(
                service: body.service, performedOn: performed,
                dateOfDeath: try RequestParsing.date(record.dateOfDeath, field: "dateOfDeath"),
                cremationCertificate: body.cremationCertificateNumber, cemeteryPlot: body.cemeteryPlot)
            let person = try PersonRef(rawValue: record.personRef)
            let facility = try region ?? RegionCode(record.region)
            let serviceID = UUID()
            let event: (any DomainEvent)?
            switch service {
            case .cremation(let certificate):
                event = CremationCompleted(serviceRecordID: serviceID, person: person, crematedOn: performed,
                                           cremationCertificateNumber: certificate, facilityRegion: facility)
            case .burial(let plot):
                event = BurialCompleted(serviceRecordID: serviceID, person: person, buriedOn: performed, cemeteryPlot: plot,
                                        ecoBurial: body.ecoBurial ?? false, region: facility)
            case .transport, .storage, .ashStorage:
                event = nil  // recorded, not published
            }
            try await connection.query("""
                INSERT INTO funeral_services (id, death_record_id, service, performed_on, cremation_certificate, cemetery_plot,
                                              eco_burial, facility_region)
                VALUES (\(serviceID), \(id), \(body.service), \(performed.iso)::date, \(body.cremationCertificateNumber),
                        \(body.cemeteryPlot), \(body.ecoBurial ?? false), \(region?.rawValue))
                """, logger: logger)
            if let event { try await MarriageRoutes.appendAny(event, source: dependencies.source, on: connection, logger: logger) }
            return ServiceRecord(serviceRecordId: serviceID, service: body.service, performedOn: performed.iso)
        }
    }
}
