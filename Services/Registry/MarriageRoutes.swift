import Contracts
import Foundation
import Hummingbird
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Marriage registration (婚姻登记), court judgments against a marriage, and the
/// marital-status query other offices and services use.
enum MarriageRoutes {
    struct Marriage: ResponseEncodable {
        var marriageId: UUID
        var certificateNumber: String
        var office: String
        var partyA: String
        var partyB: String
        var registeredOn: String
        var status: String
    }

    struct MaritalStatus: ResponseEncodable {
        var personRef: String
        /// `married`, `divorced` (no current marriage, at least one ended by divorce) or `unmarried`.
        var status: String
        var marriageId: UUID?
    }

    struct MarriageList: ResponseEncodable { var items: [Marriage] }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        router.post("/marriages") { request, context -> EditedResponse<Marriage> in
            let body = try await request.decode(as: MarriageRequest.self, context: context)
            let marriage = try await registerMarriage(body, dependencies: dependencies, today: clock.today(), logger: context.logger)
            return EditedResponse(status: .created, response: marriage)
        }
        router.get("/marriages/:id") { _, context -> Marriage in
            let id = try uuidParameter(context)
            guard let marriage = try await load(id, on: dependencies.database, logger: context.logger) else {
                throw RuleViolation("marriage.not-found", "no marriage \(id)", kind: .notFound)
            }
            return marriage
        }
        router.get("/marriages") { request, context -> MarriageList in
            guard let officeText = request.uri.queryParameters.get("office"), let dateText = request.uri.queryParameters.get("date") else {
                throw RuleViolation.invalid("request.missing-query", "office and date are required")
            }
            let office = try RegistrationOfficeCode(parsing: officeText)
            let date = try RequestParsing.date(dateText, field: "date")
            let rows = try await dependencies.database.query("""
                \(unescaped: selectMarriage) WHERE m.office = \(office.rawValue) AND m.registered_on = \(date.iso)::date
                ORDER BY c.number
                """, logger: context.logger)
            var items: [Marriage] = []
            for try await row in rows.decode(MarriageRow.self) { items.append(Marriage(row)) }
            return MarriageList(items: items)
        }
        router.get("/marital-status") { request, context -> MaritalStatus in
            let person: PersonRef
            if let id = request.uri.queryParameters.get("residentId") {
                person = PersonRef.derive(from: try RequestParsing.residentID(id, field: "residentId"), key: dependencies.personRefKey)
            } else if let ref = request.uri.queryParameters.get("personRef") {
                do { person = try PersonRef(rawValue: ref) } catch {
                    throw RuleViolation.invalid("person-ref.malformed", "personRef must be pr_ followed by 64 hex digits")
                }
            } else {
                throw RuleViolation.invalid("request.missing-query", "residentId or personRef is required")
            }
            return try await maritalStatus(person, on: dependencies.database, logger: context.logger)
        }
        router.post("/marriages/:id/court-judgments") { request, context -> Marriage in
            let id = try uuidParameter(context)
            let body = try await request.decode(as: CourtJudgmentRequest.self, context: context)
            return try await recordJudgment(body, marriage: id, dependencies: dependencies, logger: context.logger)
        }
    }

    static func uuidParameter(_ context: ServiceRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id", as: UUID.self) else {
            throw RuleViolation.invalid("request.invalid-id", "the id must be a UUID")
        }
        return id
    }

    typealias MarriageRow = (UUID, String, String, String, String, String, String)
    static let selectMarriage = """
        SELECT m.id, c.number, m.office, m.party_a_ref, m.party_b_ref, m.registered_on::text, m.status
        FROM marriages m JOIN certificates c ON c.marriage_id = m.id AND c.kind = 'J' AND c.original_number IS NULL
        """

    static func load(_ id: UUID, on client: PostgresClient, logger: Logger) async throws -> Marriage? {
        let rows = try await client.query("\(unescaped: selectMarriage) WHERE m.id = \(id)", logger: logger)
        for try await row in rows.decode(MarriageRow.self) { return Marriage(row) }
        return nil
    }

    /// One transaction: refusals write nothing; a registration writes the marriage, both parties'
    /// current-spouse rows, the certificate and the event.
    static func registerMarriage(
        _ body: MarriageRequest, dependencies: ServiceDependencies, today: CivilDate, logger: Logger
    ) async throws -> Marriage {
        let idA = try RequestParsing.residentID(body.partyA, field: "partyA")
        let idB = try RequestParsing.residentID(body.partyB, field: "partyB")
        let office = try RegistrationOfficeCode(parsing: body.office)
        let kinship = try RequestParsing.kinship(body.declaredKinship)
        let refA = PersonRef.derive(from: idA, key: dependencies.personRefKey)
        let refB = PersonRef.derive(from: idB, key: dependencies.personRefKey)
        return try await dependencies.database.transaction(logger: logger) { connection in
            try await requireOffice(office, on: connection, logger: logger)
            try await admitCouple(body.appointmentId, parties: [idA, idB], office: office, today: today,
                                  on: connection, logger: logger)
            // Lock both parties' rows (present or not) for the rest of the transaction.
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(refA.rawValue))::bigint)", logger: logger)
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(refB.rawValue))::bigint)", logger: logger)
            let married = try await currentlyMarried([refA.rawValue, refB.rawValue], on: connection, logger: logger)
            try MarriageEligibility.check(
                partyA: .init(id: idA, currentlyMarried: married.contains(refA.rawValue)),
                partyB: .init(id: idB, currentlyMarried: married.contains(refB.rawValue)),
                declaredKinship: kinship, on: today)

            let id = UUID()
            try await connection.query("""
                INSERT INTO marriages (id, office, party_a_id, party_b_id, party_a_ref, party_b_ref, registered_on)
                VALUES (\(id), \(office.rawValue), \(idA.rawValue), \(idB.rawValue), \(refA.rawValue), \(refB.rawValue), \(today.iso)::date)
                """, logger: logger)
            try await connection.query(
                "INSERT INTO current_spouses (person_ref, marriage_id) VALUES (\(refA.rawValue), \(id)), (\(refB.rawValue), \(id))",
                logger: logger)
            let number = try await CertificateIssuer.next(kind: .marriage, office: office, year: today.year, on: connection, logger: logger)
            try await connection.query("""
                INSERT INTO certificates (number, kind, marriage_id, issued_on) VALUES (\(number.rawValue), 'J', \(id), \(today.iso)::date)
                """, logger: logger)
            try await Outbox.append(
                MarriageRegistered(marriageID: id, certificateNumber: number.rawValue, partyA: refA, partyB: refB,
                                   office: office.rawValue, region: office.region, registeredOn: today),
                source: dependencies.source, on: connection, logger: logger)
            return Marriage(marriageId: id, certificateNumber: number.rawValue, office: office.rawValue, partyA: refA.rawValue,
                            partyB: refB.rawValue, registeredOn: today.iso, status: "married")
        }
    }

    /// A couple with today's booking at this office is served; without one, only on a normal day with room left.
    static func admitCouple(
        _ appointment: UUID?, parties: [ResidentID], office: RegistrationOfficeCode, today: CivilDate,
        on connection: PostgresConnection, logger: Logger
    ) async throws {
        if let appointment {
            let rows = try await connection.query("""
                SELECT 1 FROM appointments WHERE id = \(appointment) AND office = \(office.rawValue) AND date = \(today.iso)::date
                  AND cancelled_on IS NULL AND resident_id = ANY(\(parties.map(\.rawValue)))
                """, logger: logger)
            for try await _ in rows { return }
            throw RuleViolation("appointment.not-valid-today", "appointment \(appointment) is not a booking of this couple "
                                + "at \(office.rawValue) today")
        }
        let (book, counts) = try await AppointmentRoutes.load(office, date: today, on: connection, logger: logger)
        let walkIns = try await connection.query("""
            SELECT count(*)::int FROM marriages WHERE office = \(office.rawValue) AND registered_on = \(today.iso)::date
            """, logger: logger)
        var served = 0
        for try await count in walkIns.decode(Int.self) { served = count }
        try book.canAdmitWalkIn(today: today, existingBookings: BookingCounts(bySlot: counts.bySlot, walkIns: served))
    }

    static func requireOffice(_ office: RegistrationOfficeCode, on connection: PostgresConnection, logger: Logger) async throws {
        let rows = try await connection.query("SELECT 1 FROM registration_offices WHERE code = \(office.rawValue)", logger: logger)
        for try await _ in rows { return }
        throw RuleViolation.invalid("office.unknown", "no registration office \(office.rawValue)")
    }

    static func currentlyMarried(_ refs: [String], on connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        let rows = try await connection.query("SELECT person_ref FROM current_spouses WHERE person_ref = ANY(\(refs))", logger: logger)
        var married = Set<String>()
        for try await ref in rows.decode(String.self) { married.insert(ref) }
        return married
    }

    static func maritalStatus(_ person: PersonRef, on client: PostgresClient, logger: Logger) async throws -> MaritalStatus {
        let current = try await client.query(
            "SELECT marriage_id FROM current_spouses WHERE person_ref = \(person.rawValue)", logger: logger)
        for try await id in current.decode(UUID.self) {
            return MaritalStatus(personRef: person.rawValue, status: "married", marriageId: id)
        }
        let ended = try await client.query("""
            SELECT count(*) FROM marriages WHERE status = 'divorced' AND (party_a_ref = \(person.rawValue) OR party_b_ref = \(person.rawValue))
            """, logger: logger)
        var divorced = 0
        for try await count in ended.decode(Int.self) { divorced = count }
        return MaritalStatus(personRef: person.rawValue, status: divorced > 0 ? "divorced" : "unmarried", marriageId: nil)
    }

    /// A court's divorce judgment, or its annulment or revocation of the marriage.
    static func recordJudgment(
        _ body: CourtJudgmentRequest, marriage id: UUID, dependencies: ServiceDependencies, logger: Logger
    ) async throws -> Marriage {
        let document = try RequestParsing.nonEmpty(body.documentNumber, field: "documentNumber")
        let effective = try RequestParsing.date(body.effectiveOn, field: "effectiveOn")
        let status: String
        switch body.kind {
        case "divorce": status = "divorced"
        case "annulment": status = "annulled"
        case "revocation": status = "revoked"
        default: throw RuleViolation.invalid("judgment.unknown-kind", "kind must be divorce, annulment or revocation")
        }
        return try await dependencies.database.transaction(logger: logger) { connection in
            let (refA, refB) = try await endMarriage(id, status: status, on: effective, connection: connection, logger: logger)
            let event: any DomainEvent = status == "divorced"
                ? DivorceRegistered(marriageID: id, applicationID: nil, certificateNumber: nil, partyA: refA, partyB: refB,
                                    registeredOn: effective, basis: .courtJudgment, courtDocumentNumber: document)
                : MarriageAnnulled(marriageID: id, partyA: refA, partyB: refB,
                                   kind: status == "annulled" ? .annulment : .revocation,
                                   courtDocumentNumber: document, effectiveOn: effective)
            try await appendAny(event, source: dependencies.source, on: connection, logger: logger)
            let rows = try await connection.query("\(unescaped: selectMarriage) WHERE m.id = \(id)", logger: logger)
            for try await row in rows.decode(MarriageRow.self) { return Marriage(row) }
            throw RuleViolation("marriage.not-found", "no marriage \(id)", kind: .notFound)
        }
    }

    /// Ends a current marriage: status, end date, current-spouse rows, and the marriage certificates revoked.
    static func endMarriage(
        _ id: UUID, status: String, on date: CivilDate, connection: PostgresConnection, logger: Logger
    ) async throws -> (PersonRef, PersonRef) {
        let rows = try await connection.query("""
            UPDATE marriages SET status = \(status), ended_on = \(date.iso)::date
            WHERE id = \(id) AND status = 'married' RETURNING party_a_ref, party_b_ref
            """, logger: logger)
        for try await (a, b) in rows.decode((String, String).self) {
            try await connection.query("DELETE FROM current_spouses WHERE marriage_id = \(id)", logger: logger)
            try await connection.query(
                "UPDATE certificates SET status = 'revoked' WHERE marriage_id = \(id) AND kind IN ('J', 'BJ')", logger: logger)
            return (try PersonRef(rawValue: a), try PersonRef(rawValue: b))
        }
        let exists = try await connection.query("SELECT status FROM marriages WHERE id = \(id)", logger: logger)
        for try await current in exists.decode(String.self) {
            throw RuleViolation("marriage.not-current", "the marriage is already \(current)", kind: .conflict)
        }
        throw RuleViolation("marriage.not-found", "no marriage \(id)", kind: .notFound)
    }

    static func appendAny(_ event: any DomainEvent, source: String, on connection: PostgresConnection, logger: Logger) async throws {
        func append<E: DomainEvent>(_ event: E) async throws {
            try await Outbox.append(event, source: source, on: connection, logger: logger)
        }
        try await append(event)
    }
}

extension MarriageRoutes.Marriage {
    init(_ row: MarriageRoutes.MarriageRow) {
        self.init(marriageId: row.0, certificateNumber: row.1, office: row.2, partyA: row.3, partyB: row.4,
                  registeredOn: row.5, status: row.6)
    }
}
