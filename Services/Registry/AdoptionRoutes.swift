import Contracts
import Foundation
import Hummingbird
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Adoption registration (收养登记, Civil Code art. 1093–1118) and its dissolution (解除收养关系).
enum AdoptionRoutes {
    struct Request: Decodable, Sendable {
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
    }

    struct DissolutionRequest: Decodable, Sendable {
        /// `registration` or `court-document`.
        var basis: String
        var documentNumber: String?
    }

    struct Adoption: ResponseEncodable {
        var adoptionId: UUID
        var certificateNumber: String
        var registeredOn: String
        var status: String
    }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        router.post("/adoptions") { request, context -> EditedResponse<Adoption> in
            let body = try await request.decode(as: Request.self, context: context)
            let adoption = try await registerAdoption(body, dependencies: dependencies, today: clock.today(), logger: context.logger)
            return EditedResponse(status: .created, response: adoption)
        }
        router.get("/adoptions/:id") { _, context -> Adoption in
            let id = try MarriageRoutes.uuidParameter(context)
            let rows = try await dependencies.database.query(
                "SELECT id, certificate_number, registered_on::text, status FROM adoptions WHERE id = \(id)", logger: context.logger)
            for try await row in rows.decode((UUID, String, String, String).self) {
                return Adoption(adoptionId: row.0, certificateNumber: row.1, registeredOn: row.2, status: row.3)
            }
            throw RuleViolation("adoption.not-found", "no adoption \(id)", kind: .notFound)
        }
        router.post("/adoptions/:id/dissolution") { request, context -> Adoption in
            let id = try MarriageRoutes.uuidParameter(context)
            let body = try await request.decode(as: DissolutionRequest.self, context: context)
            return try await dissolve(id, body, dependencies: dependencies, today: clock.today(), logger: context.logger)
        }
    }

    static func category(_ text: String) throws(RuleViolation) -> AdoptionEligibility.Child.Category {
        switch text {
        case "orphan": .orphan
        case "parents-cannot-be-found": .parentsCannotBeFound
        case "parents-in-special-hardship": .parentsInSpecialHardship
        case "other": .other
        default: throw .invalid("adoption.unknown-category", "child.category must be orphan, parents-cannot-be-found, "
                                + "parents-in-special-hardship or other")
        }
    }

    static func registerAdoption(_ body: Request, dependencies: ServiceDependencies, today: CivilDate, logger: Logger) async throws -> Adoption {
        let office = try RegistrationOfficeCode(parsing: body.office)
        guard (1...2).contains(body.adopters.count) else {
            throw RuleViolation.invalid("adoption.adopter-count", "an adoption has one adopter or a married couple")
        }
        let adopters = try body.adopters.enumerated().map { index, adopter in
            AdoptionEligibility.Adopter(
                id: try RequestParsing.residentID(adopter.residentId, field: "adopters[\(index)].residentId"),
                existingChildren: adopter.existingChildren, isMarried: adopter.married, spouseConsent: adopter.spouseConsent)
        }
        let child = AdoptionEligibility.Child(
            id: try RequestParsing.residentID(body.child.residentId, field: "child.residentId"),
            category: try category(body.child.category), isDisabled: body.child.disabled,
            inWelfareInstitution: body.child.inWelfareInstitution, consentGiven: body.child.consentGiven)
        let key = dependencies.personRefKey
        let adopterRefs = adopters.map { PersonRef.derive(from: $0.id, key: key) }
        let childRef = PersonRef.derive(from: child.id, key: key)

        return try await dependencies.database.transaction(logger: logger) { connection in
            try await MarriageRoutes.requireOffice(office, on: connection, logger: logger)
            for ref in adopterRefs + [childRef] {
                try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(ref.rawValue))::bigint)", logger: logger)
            }
            // Adoptions the adopters already registered count against the two-child limit.
            let prior = try await connection.query("""
                SELECT count(*) FROM adoptions WHERE status = 'registered' AND adopter_refs && \(adopterRefs.map(\.rawValue))
                """, logger: logger)
            var priorCount = 0
            for try await count in prior.decode(Int.self) { priorCount = count }
            try AdoptionEligibility.check(
                adopters: adopters.count == 2 ? .couple(adopters[0], adopters[1]) : .single(adopters[0]),
                child: child, assessmentRecorded: body.assessmentRecorded, priorAdoptionsByAdopter: priorCount, today: today)
            let existing = try await connection.query(
                "SELECT 1 FROM adoptions WHERE child_ref = \(childRef.rawValue) AND status = 'registered'", logger: logger)
            for try await _ in existing {
                throw RuleViolation("adoption.child-already-adopted", "the child has a registered adoption", kind: .conflict)
            }
            let id = UUID()
            let number = try await CertificateIssuer.next(kind: .adoption, office: office, year: today.year, on: connection, logger: logger)
            try await connection.query("""
                INSERT INTO adoptions (id, office, certificate_number, child_id, child_ref, adopter_ids, adopter_refs, registered_on)
                VALUES (\(id), \(office.rawValue), \(number.rawValue), \(child.id.rawValue), \(childRef.rawValue),
                        \(adopters.map(\.id.rawValue)), \(adopterRefs.map(\.rawValue)), \(today.iso)::date)
                """, logger: logger)
            try await Outbox.append(
                AdoptionRegistered(adoptionID: id, child: childRef, adopters: adopterRefs, registeredOn: today, region: office.region,
                                   certificateNumber: number.rawValue),
                source: dependencies.source, on: connection, logger: logger)
            return Adoption(adoptionId: id, certificateNumber: number.rawValue, registeredOn: today.iso, status: "registered")
        }
    }

    static func dissolve(
        _ id: UUID, _ body: DissolutionRequest, dependencies: ServiceDependencies, today: CivilDate, logger: Logger
    ) async throws -> Adoption {
        let basis: AdoptionDissolutionBasis
        switch body.basis {
        case "registration": basis = .registration
        case "court-document": basis = .courtDocument
        default: throw RuleViolation.invalid("adoption.unknown-basis", "basis must be registration or court-document")
        }
        let document = try body.documentNumber.map { try RequestParsing.nonEmpty($0, field: "documentNumber") }
        if basis == .courtDocument, document == nil {
            throw RuleViolation.invalid("adoption.document-missing", "a court document number is required")
        }
        return try await dependencies.database.transaction(logger: logger) { connection in
            let rows = try await connection.query("""
                UPDATE adoptions SET status = 'dissolved', dissolved_on = \(today.iso)::date, dissolution_basis = \(body.basis),
                       dissolution_document = \(document)
                WHERE id = \(id) AND status = 'registered'
                RETURNING certificate_number, registered_on::text, child_ref, adopter_refs
                """, logger: logger)
            for try await (number, registered, child, adopters) in rows.decode((String, String, String, [String]).self) {
                try await Outbox.append(
                    AdoptionDissolved(adoptionID: id, child: try PersonRef(rawValue: child), adopters: try adopters.map(PersonRef.init(rawValue:)),
                                      dissolvedOn: today, basis: basis, documentNumber: document),
                    source: dependencies.source, on: connection, logger: logger)
                return Adoption(adoptionId: id, certificateNumber: number, registeredOn: registered, status: "dissolved")
            }
            throw RuleViolation("adoption.not-registered", "no registered adoption \(id)", kind: .conflict)
        }
    }
}
