import Contracts
import ElderCareDomain
import Foundation
import Hummingbird
import ServiceKit

/// The elder register over HTTP: `POST /elders` registers, `GET /elders/{personRef}` reads one
/// person with their personal data and categories, `GET /elders` lists a region's register.
enum ElderRoutes {
    struct ContactBody: Codable, Sendable {
        var name: String
        var relation: String?
        var phone: String
    }

    struct RegisterRequest: Decodable, Sendable {
        var residentId: String
        var name: String
        var address: String
        var phone: String?
        var contacts: [ContactBody]?
        var region: String
        var registeredOn: String?
    }

    struct Category: Codable, Sendable {
        var category: String
        var origin: String
        var since: String

        init(_ membership: ElderCategoryStore.Membership) {
            category = membership.category.rawValue
            origin = membership.origin.rawValue
            since = membership.since.iso
        }
    }

    /// One person as a caseworker or visitor sees them: personal data (audited), never the resident ID.
    struct Elder: ResponseEncodable, Codable, Sendable {
        var personRef: String
        var name: String
        var address: String
        var phone: String?
        var contacts: [ContactBody]
        var birthDate: String
        var age: Int
        var region: String
        var registeredOn: String
        var status: String
        var dateOfDeath: String?
        var disabilityGrade: Int?
        var categories: [Category]

        init(_ elder: ElderRecord, categories: [ElderCategoryStore.Membership], today: CivilDate) {
            personRef = elder.person.rawValue
            name = elder.name
            address = elder.address
            phone = elder.phone
            contacts = elder.contacts.map { ContactBody(name: $0.name, relation: $0.relation, phone: $0.phone) }
            birthDate = elder.birthDate.iso
            age = elder.age(on: min(today, elder.dateOfDeath ?? today))
            region = elder.region.rawValue
            registeredOn = elder.registeredOn.iso
            status = elder.status.rawValue
            dateOfDeath = elder.dateOfDeath?.iso
            disabilityGrade = elder.disabilityGrade?.rawValue
            self.categories = categories.map(Category.init)
        }
    }

    struct ElderList: ResponseEncodable {
        var elders: [Elder]
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: ElderCarePolicy, clock: ServiceClock) {
        routes.post("/elders", RoutePolicy(roles: [.caseworker], region: .body("region"))) { request, context -> EditedResponse<Elder> in
            let body = try await request.decode(as: RegisterRequest.self, context: context)
            let command = try body.command(by: try context.requirePrincipal().subject)
            let today = clock.today()
            let (elder, categories) = try await RegisterElder.run(command, today: today, policy: policy, dependencies: dependencies,
                                                                   logger: context.logger)
            return EditedResponse(status: .created, response: Elder(elder, categories: categories, today: today))
        }
        routes.get("/elders/:personRef", RoutePolicy(roles: [.caseworker, .visitor, .auditor], region: .record, personalData: true),
                   regionOf: RecordRegions.elder(dependencies)) { _, context -> Elder in
            let person = try personRef(context)
            return try await dependencies.database.withConnection { connection in
                guard let elder = try await ElderStore.find(person, on: connection, logger: context.logger) else {
                    throw ElderStore.notFound(person)
                }
                let categories = try await ElderCategoryStore.memberships(of: person, on: connection, logger: context.logger)
                return Elder(elder, categories: categories, today: clock.today())
            }
        }
        // ?region= outside the token's is refused; without it the listing keeps to the token's region.
        routes.get("/elders", RoutePolicy(roles: [.caseworker, .visitor, .auditor], region: .query("region"), personalData: true)) { request, context -> ElderList in
            let query = request.uri.queryParameters
            let scope = try context.requirePrincipal().region
            let region = try query.get("region").map { text throws(RuleViolation) in try RequestParsing.region(text, field: "region") } ?? scope
            let category = try query.get("category").map { text throws(RuleViolation) in
                try RequestParsing.choice(text, field: "category", as: KeyCategory.self)
            }
            let today = clock.today()
            return try await dependencies.database.withConnection { connection in
                let elders = try await ElderStore.list(within: region, category: category, on: connection, logger: context.logger)
                let categories = try await ElderCategoryStore.memberships(of: elders.map(\.person), on: connection, logger: context.logger)
                return ElderList(elders: elders.map { Elder($0, categories: categories[$0.person] ?? [], today: today) })
            }
        }
    }

    /// The `personRef` path parameter; a malformed one is refused with `person-ref.malformed` (400).
    static func personRef(_ context: ServiceRequestContext) throws -> PersonRef {
        try RequestParsing.personRef(try context.parameters.require("personRef"), field: "personRef")
    }
}

extension ElderRoutes.RegisterRequest {
    func command(by userID: String) throws(RuleViolation) -> RegisterElder.Command {
        RegisterElder.Command(
            residentID: try RequestParsing.residentID(residentId, field: "residentId"),
            name: try RequestParsing.nonEmpty(name, field: "name", max: 100),
            address: try RequestParsing.nonEmpty(address, field: "address", max: 300),
            phone: phone,
            contacts: try (contacts ?? []).map { contact throws(RuleViolation) in
                ElderContact(name: try RequestParsing.nonEmpty(contact.name, field: "contactName", max: 100), relation: contact.relation,
                             phone: try RequestParsing.nonEmpty(contact.phone, field: "contactPhone", max: 32))
            },
            region: try RequestParsing.region(region, field: "region"),
            registeredOn: try registeredOn.map { text throws(RuleViolation) in try RequestParsing.date(text, field: "registeredOn") },
            registeredBy: userID)
    }
}
