import Contracts
import ElderCareDomain
import Foundation
import Hummingbird
import ServiceKit

/// Key categories and information collection over HTTP: a caseworker records or ends a recordable
/// category and the disability grade; caseworkers and visitors mark information collected; the
/// collection rate per category of a region.
enum CategoryRoutes {
    struct EvidenceBody: Codable, Sendable {
        var kind: String
        var reference: String
    }

    struct RecordRequest: Decodable, Sendable {
        var category: String
        var effectiveFrom: String
        var evidence: EvidenceBody
    }

    struct EndRequest: Decodable, Sendable {
        var endedOn: String
        var reason: String
    }

    struct DisabilityGradeRequest: Decodable, Sendable {
        var grade: Int
    }

    struct InformationRequest: Decodable, Sendable {
        var items: [String]
    }

    /// A recorded category (the evidence reference names a document, not a person).
    struct CategoryRecord: ResponseEncodable, Codable, Sendable {
        var recordId: UUID
        var personRef: String
        var category: String
        var effectiveFrom: String
        var evidence: EvidenceBody
        var recordedBy: String
        var endedOn: String?
        var endReason: String?

        init(id: UUID, person: PersonRef, _ record: RecordedCategory) {
            recordId = id
            personRef = person.rawValue
            category = record.category.rawValue
            effectiveFrom = record.effectiveFrom.iso
            evidence = EvidenceBody(kind: record.evidence.kind.rawValue, reference: record.evidence.reference)
            recordedBy = record.recordedBy
            endedOn = record.endedOn?.iso
            endReason = record.endReason
        }
    }

    struct Information: ResponseEncodable, Codable, Sendable {
        var personRef: String
        var collected: [String]
        /// What the person's categories still require.
        var missing: [String]
    }

    struct CategoryRate: Codable, Sendable {
        var category: String
        var members: Int
        var complete: Int
    }

    struct CollectionSummary: ResponseEncodable, Codable, Sendable {
        var region: String
        var categories: [CategoryRate]
        /// The seed's eight together: people in at least one, complete for all of theirs.
        var seedEight: CategoryRate
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: ElderCarePolicy, clock: ServiceClock) {
        let elder = RecordRegions.elder(dependencies)
        routes.post("/elders/:personRef/categories", RoutePolicy(roles: [.caseworker], region: .record),
                    regionOf: elder) { request, context -> EditedResponse<CategoryRecord> in
            let person = try ElderRoutes.personRef(context)
            let body = try await request.decode(as: RecordRequest.self, context: context)
            let category = try RequestParsing.choice(body.category, field: "category", as: KeyCategory.self)
            let effectiveFrom = try RequestParsing.date(body.effectiveFrom, field: "effectiveFrom")
            let evidence = try CategoryEvidence(kind: try RequestParsing.choice(body.evidence.kind, field: "evidenceKind", as: CategoryEvidence.Kind.self),
                                                reference: body.evidence.reference)
            let (id, record, _) = try await RecordCategory.record(
                category, for: person, from: effectiveFrom, evidence: evidence, by: try context.requirePrincipal().subject,
                today: clock.today(), policy: policy, dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: .created, response: CategoryRecord(id: id, person: person, record))
        }
        routes.post("/elders/:personRef/categories/:category/end", RoutePolicy(roles: [.caseworker], region: .record),
                    regionOf: elder) { request, context -> CategoryRecord in
            let person = try ElderRoutes.personRef(context)
            let category = try RequestParsing.choice(try context.parameters.require("category"), field: "category", as: KeyCategory.self)
            let body = try await request.decode(as: EndRequest.self, context: context)
            let endedOn = try RequestParsing.date(body.endedOn, field: "endedOn")
            let reason = try RequestParsing.nonEmpty(body.reason, field: "reason", max: 500)
            let (id, record) = try await RecordCategory.end(
                category, for: person, on: endedOn, reason: reason, by: try context.requirePrincipal().subject, today: clock.today(),
                policy: policy, dependencies: dependencies, logger: context.logger)
            return CategoryRecord(id: id, person: person, record)
        }
        routes.put("/elders/:personRef/disability-grade", RoutePolicy(roles: [.caseworker], region: .record),
                   regionOf: elder) { request, context -> ElderRoutes.Elder in
            let person = try ElderRoutes.personRef(context)
            let body = try await request.decode(as: DisabilityGradeRequest.self, context: context)
            let grade = try DisabilityCertificateGrade(grade: body.grade)
            let today = clock.today()
            let updated = try await RecordCategory.recordDisabilityGrade(grade, for: person, today: today, policy: policy,
                                                                          dependencies: dependencies, logger: context.logger)
            let categories = try await dependencies.database.withConnection { connection in
                try await ElderCategoryStore.memberships(of: person, on: connection, logger: context.logger)
            }
            return ElderRoutes.Elder(updated, categories: categories, today: today)
        }
        routes.post("/elders/:personRef/information", RoutePolicy(roles: [.caseworker, .visitor], region: .record),
                    regionOf: elder) { request, context -> Information in
            let person = try ElderRoutes.personRef(context)
            let body = try await request.decode(as: InformationRequest.self, context: context)
            let items = Set(try body.items.map { text throws(RuleViolation) in
                try RequestParsing.choice(text, field: "item", as: InformationItem.self)
            })
            let userID = try context.requirePrincipal().subject
            let today = clock.today()
            return try await dependencies.database.transaction(logger: context.logger) { connection in
                guard try await ElderStore.lock(person, on: connection, logger: context.logger) != nil else { throw ElderStore.notFound(person) }
                let collection = try await InformationItemStore.collect(items, person: person, on: today, by: userID, on: connection,
                                                                        logger: context.logger)
                let categories = Set(try await ElderCategoryStore.memberships(of: person, on: connection, logger: context.logger).map(\.category))
                return Information(personRef: person.rawValue, collected: collection.collected.sorted().map(\.rawValue),
                                   missing: collection.missing(for: categories).sorted().map(\.rawValue))
            }
        }
        // Counts only, no person: not personal data. Without ?region= the token's region.
        routes.get("/information-collection", RoutePolicy(roles: [.caseworker, .auditor], region: .query("region"))) { request, context -> CollectionSummary in
            let scope = try context.requirePrincipal().region
            let region = try request.uri.queryParameters.get("region").map { text throws(RuleViolation) in
                try RequestParsing.region(text, field: "region")
            } ?? scope
            let people = try await dependencies.database.withConnection { connection in
                try await InformationItemStore.register(within: region, on: connection, logger: context.logger)
            }
            let rates = KeyCategory.seedEight.map { category in
                let rate = InformationCollection.rate(of: category, among: people)
                return CategoryRate(category: category.rawValue, members: rate.total, complete: rate.count)
            }
            let eight = InformationCollection.rateOfTheSeedEight(among: people)
            return CollectionSummary(region: region.rawValue, categories: rates,
                                     seedEight: CategoryRate(category: "seed-eight", members: eight.total, complete: eight.count))
        }
    }
}
