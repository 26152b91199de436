import Contracts
import Foundation
import Hummingbird
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Divorce by agreement (协议离婚, Civil Code art. 1076–1078): application, 30-day
/// cooling-off with withdrawal, then registration within the next 30 days. The
/// windows are the pure `DivorceByAgreement` rules, evaluated on the Registry's clock.
enum DivorceRoutes {
    struct Application: ResponseEncodable {
        var applicationId: UUID
        var marriageId: UUID
        var appliedOn: String
        var coolingOffLastDay: String
        var registrationWindow: [String]
        /// `cooling-off`, `awaiting-registration`, `registered` or `withdrawn`.
        var status: String
        var divorceCertificateNumber: String?
    }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        router.post("/marriages/:id/divorce-applications") { _, context -> EditedResponse<Application> in
            let marriage = try MarriageRoutes.uuidParameter(context)
            let application = try await apply(marriage, dependencies: dependencies, today: clock.today(), logger: context.logger)
            return EditedResponse(status: .created, response: application)
        }
        router.get("/divorce-applications/:id") { _, context -> Application in
            let id = try MarriageRoutes.uuidParameter(context)
            return try await dependencies.database.transaction(logger: context.logger) { connection in
                let (row, divorce) = try await load(id, on: connection, logger: context.logger)
                return Application(row: row, divorce: divorce, today: clock.today(), certificate: nil)
            }
        }
        router.post("/divorce-applications/:id/withdraw") { request, context -> Application in
            let id = try MarriageRoutes.uuidParameter(context)
            let body = try await request.decode(as: PartyRequest.self, context: context)
            let party = try RequestParsing.residentID(body.residentId, field: "residentId")
            return try await withdraw(id, by: party, dependencies: dependencies, today: clock.today(), logger: context.logger)
        }
        router.post("/divorce-applications/:id/register") { _, context -> Application in
            let id = try MarriageRoutes.uuidParameter(context)
            return try await registerDivorce(id, dependencies: dependencies, today: clock.today(), logger: context.logger)
        }
    }

    struct Row {
        var id: UUID
        var marriageID: UUID
        var office: String
        var refA: String
        var refB: String
    }

    static func apply(_ marriage: UUID, dependencies: ServiceDependencies, today: CivilDate, logger: Logger) async throws -> Application {
        try await dependencies.database.transaction(logger: logger) { connection in
            let rows = try await connection.query("""
                SELECT party_a_id, party_b_id, party_a_ref, party_b_ref, office, status FROM marriages WHERE id = \(marriage) FOR UPDATE
                """, logger: logger)
            var found: (String, String, String, String, String, String)?
            for try await row in rows.decode((String, String, String, String, String, String).self) { found = row }
            guard let (idA, idB, refA, refB, office, status) = found else {
                throw RuleViolation("marriage.not-found", "no marriage \(marriage)", kind: .notFound)
            }
            guard status == "married" else { throw RuleViolation("marriage.not-current", "the marriage is already \(status)", kind: .conflict) }
            // An earlier application blocks a new one until it was registered, withdrawn or expired.
            let open = try await connection.query("""
                SELECT id FROM divorce_applications WHERE marriage_id = \(marriage) AND outcome IS NULL AND window_end >= \(today.iso)::date
                """, logger: logger)
            for try await _ in open { throw RuleViolation("divorce.application-open", "an application for this marriage is still open", kind: .conflict) }

            let divorce = try DivorceByAgreement.apply(
                partyA: try RequestParsing.residentID(idA, field: "partyA"), partyB: try RequestParsing.residentID(idB, field: "partyB"),
                on: today)
            let id = UUID()
            try await connection.query("""
                INSERT INTO divorce_applications (id, marriage_id, applied_on, cooling_off_last_day, window_start, window_end)
                VALUES (\(id), \(marriage), \(today.iso)::date, \(divorce.coolingOffLastDay.iso)::date,
                        \(divorce.registrationWindow.lowerBound.iso)::date, \(divorce.registrationWindow.upperBound.iso)::date)
                """, logger: logger)
            try await Outbox.append(
                DivorceApplied(applicationID: id, marriageID: marriage, partyA: try PersonRef(rawValue: refA), partyB: try PersonRef(rawValue: refB),
                               appliedOn: today, coolingOffEndsOn: divorce.coolingOffLastDay,
                               registrationWindowEndsOn: divorce.registrationWindow.upperBound),
                source: dependencies.source, on: connection, logger: logger)
            return Application(row: Row(id: id, marriageID: marriage, office: office, refA: refA, refB: refB), divorce: divorce,
                               today: today, certificate: nil)
        }
    }

    /// Loads and locks an application, restoring the domain value from its row.
    static func load(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> (Row, DivorceByAgreement) {
        let rows = try await connection.query("""
            SELECT d.marriage_id, m.office, m.party_a_id, m.party_b_id, m.party_a_ref, m.party_b_ref, d.applied_on::text,
                   d.cooling_off_last_day::text, d.window_start::text, d.window_end::text, d.outcome, d.outcome_on::text, d.withdrawn_by
            FROM divorce_applications d JOIN marriages m ON m.id = d.marriage_id WHERE d.id = \(id) FOR UPDATE OF d
            """, logger: logger)
        for try await row in rows.decode(
            (UUID, String, String, String, String, String, String, String, String, String, String?, String?, String?).self
        ) {
            let (marriage, office, idA, idB, refA, refB, applied, coolingLast, windowStart, windowEnd, outcome, outcomeOn, withdrawnBy) = row
            var recorded: DivorceByAgreement.Outcome?
            if let outcome, let outcomeOn {
                let date = try RequestParsing.date(outcomeOn, field: "outcome_on")
                if outcome == "registered" {
                    recorded = .registered(on: date)
                } else if let withdrawnBy {
                    recorded = .withdrawn(on: date, by: try RequestParsing.residentID(withdrawnBy, field: "withdrawn_by"))
                }
            }
            let divorce = DivorceByAgreement(
                partyA: try RequestParsing.residentID(idA, field: "partyA"), partyB: try RequestParsing.residentID(idB, field: "partyB"),
                appliedOn: try RequestParsing.date(applied, field: "applied_on"),
                coolingOffLastDay: try RequestParsing.date(coolingLast, field: "cooling_off_last_day"),
                registrationWindow: try RequestParsing.date(windowStart, field: "window_start")...RequestParsing.date(windowEnd, field: "window_end"),
                outcome: recorded)
            return (Row(id: id, marriageID: marriage, office: office, refA: refA, refB: refB), divorce)
        }
        throw RuleViolation("divorce.not-found", "no divorce application \(id)", kind: .notFound)
    }

    static func withdraw(
        _ id: UUID, by party: ResidentID, dependencies: ServiceDependencies, today: CivilDate, logger: Logger
    ) async throws -> Application {
        try await dependencies.database.transaction(logger: logger) { connection in
            var (row, divorce) = try await load(id, on: connection, logger: logger)
            try divorce.withdraw(by: party, on: today)
            try await connection.query("""
                UPDATE divorce_applications SET outcome = 'withdrawn', outcome_on = \(today.iso)::date, withdrawn_by = \(party.rawValue)
                WHERE id = \(id)
                """, logger: logger)
            try await Outbox.append(
                DivorceWithdrawn(applicationID: id, marriageID: row.marriageID, withdrawnOn: today, reason: .party,
                                 byParty: PersonRef.derive(from: party, key: dependencies.personRefKey)),
                source: dependencies.source, on: connection, logger: logger)
            row.id = id
            return Application(row: row, divorce: divorce, today: today, certificate: nil)
        }
    }

    /// Both parties appear within the window: the divorce certificate is issued and the marriage ends.
    static func registerDivorce(_ id: UUID, dependencies: ServiceDependencies, today: CivilDate, logger: Logger) async throws -> Application {
        try await dependencies.database.transaction(logger: logger) { connection in
            var (row, divorce) = try await load(id, on: connection, logger: logger)
            try divorce.register(on: today)
            let (refA, refB) = try await MarriageRoutes.endMarriage(row.marriageID, status: "divorced", on: today,
                                                                     connection: connection, logger: logger)
            let office = try RegistrationOfficeCode(parsing: row.office)
            let number = try await CertificateIssuer.next(kind: .divorce, office: office, year: today.year, on: connection, logger: logger)
            try await connection.query("""
                INSERT INTO certificates (number, kind, marriage_id, issued_on) VALUES (\(number.rawValue), 'L', \(row.marriageID), \(today.iso)::date)
                """, logger: logger)
            try await connection.query(
                "UPDATE divorce_applications SET outcome = 'registered', outcome_on = \(today.iso)::date WHERE id = \(id)", logger: logger)
            try await Outbox.append(
                DivorceRegistered(marriageID: row.marriageID, applicationID: id, certificateNumber: number.rawValue, partyA: refA,
                                  partyB: refB, registeredOn: today, basis: .agreement, courtDocumentNumber: nil),
                source: dependencies.source, on: connection, logger: logger)
            row.id = id
            return Application(row: row, divorce: divorce, today: today, certificate: number.rawValue)
        }
    }
}

extension DivorceRoutes.Application {
    init(row: DivorceRoutes.Row, divorce: DivorceByAgreement, today: CivilDate, certificate: String?) {
        let status: String
        switch divorce.status(on: today) {
        case .coolingOff: status = "cooling-off"
        case .awaitingRegistration: status = "awaiting-registration"
        case .registered: status = "registered"
        case .withdrawn: status = "withdrawn"
        }
        self.init(applicationId: row.id, marriageId: row.marriageID, appliedOn: divorce.appliedOn.iso,
                  coolingOffLastDay: divorce.coolingOffLastDay.iso,
                  registrationWindow: [divorce.registrationWindow.lowerBound.iso, divorce.registrationWindow.upperBound.iso],
                  status: status, divorceCertificateNumber: certificate)
    }
}
