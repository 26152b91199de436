import Contracts
import ElderCareDomain
import Foundation
import Hummingbird
import ServiceKit

/// Institutions (养老机构) over HTTP: filing, grading, beds, listing, and the bed figures the plans
/// set targets for.
enum InstitutionRoutes {
    struct FilingRequest: Decodable, Sendable {
        var name: String
        /// The operator's unified social credit code (18 characters, both check characters valid).
        var operatorCode: String
        /// `public` or `private`.
        var ownership: String
        /// `welfare-home`, `extreme-poverty-support` or `care-home`.
        var kind: String
        var region: String
        /// Defaults to today.
        var filedOn: String?
    }

    struct GradeRequest: Decodable, Sendable {
        var grade: Int
        var awardedOn: String
    }

    struct BedCountRequest: Decodable, Sendable {
        var beds: Int
        var occupied: Int
    }

    struct BedsRequest: Decodable, Sendable {
        var nursing: BedCountRequest?
        var dementia: BedCountRequest?
        var general: BedCountRequest?
        /// Defaults to today.
        var changedOn: String?
    }

    struct BedCountView: Encodable, Sendable {
        var type: String
        var beds: Int
        var occupied: Int
        var free: Int
    }

    struct InstitutionView: ResponseEncodable {
        var institutionId: UUID
        var name: String
        var operatorCode: String
        var operatorKind: String
        var ownership: String
        var kind: String
        var region: String
        var filedOn: String
        var grade: Int?
        var gradedOn: String?
        var beds: [BedCountView]
        var bedsChangedOn: String?
        /// Whether new residents may be admitted now; when not, the refusals' codes in order.
        var admissionsOpen: Bool
        var admissionRefusals: [String]

        init(_ standing: InstitutionFiling.Standing) {
            let stored = standing.stored
            let institution = stored.institution
            institutionId = stored.id
            name = institution.name
            operatorCode = institution.operatorCode.rawValue
            operatorKind = institution.operatorKind.rawValue
            ownership = institution.ownership.rawValue
            kind = institution.kind.rawValue
            region = institution.region.rawValue
            filedOn = institution.filedOn.iso
            grade = institution.grade?.grade
            gradedOn = institution.grade?.awardedOn.iso
            beds = BedType.allCases.map {
                BedCountView(type: $0.rawValue, beds: institution.beds.beds($0), occupied: institution.beds.occupied($0),
                             free: institution.beds.free($0))
            }
            bedsChangedOn = stored.bedsChangedOn?.iso
            admissionsOpen = standing.refusals.isEmpty
            admissionRefusals = standing.refusals.map(\.code)
        }
    }

    struct InstitutionList: ResponseEncodable {
        var institutions: [InstitutionView]
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: ElderCarePolicy, clock: ServiceClock) {
        let institution = PlacementRecordRegions.institution(dependencies)
        routes.post("/institutions", RoutePolicy(roles: [.caseworker], region: .body("region"))) { request, context -> EditedResponse<InstitutionView> in
            let body = try await request.decode(as: FilingRequest.self, context: context)
            let filed = try await InstitutionFiling.file(try body.institution(today: clock.today()), dependencies: dependencies,
                                                         logger: context.logger)
            let standing = try await InstitutionFiling.load(filed.id, policy: policy, today: clock.today(), dependencies: dependencies,
                                                            logger: context.logger)
            return EditedResponse(status: .created, response: InstitutionView(standing))
        }
        // Without ?region=, the institutions within the token's region.
        routes.get("/institutions", RoutePolicy(roles: [.caseworker, .auditor], region: .query("region"))) { request, context -> InstitutionList in
            let region = try listingRegion(request, context)
            let found = try await InstitutionFiling.list(within: region, policy: policy, today: clock.today(), dependencies: dependencies,
                                                         logger: context.logger)
            return InstitutionList(institutions: found.map(InstitutionView.init))
        }
        routes.get("/institutions/summary", RoutePolicy(roles: [.caseworker, .policy, .auditor], region: .query("region"))) { request, context -> BedSummary in
            let region = try listingRegion(request, context)
            let found = try await InstitutionFiling.list(within: region, policy: policy, today: clock.today(), dependencies: dependencies,
                                                         logger: context.logger)
            let extremePoverty = try await CentralisedSupportFigures.extremePoverty(within: region, dependencies: dependencies,
                                                                                   logger: context.logger)
            return BedSummary(region: region, institutions: found.map(\.stored.institution), countingDementia: policy.dementiaBedsAsNursing,
                              extremePoverty: extremePoverty)
        }
        routes.get("/institutions/:id", RoutePolicy(roles: [.caseworker, .auditor], region: .record),
                   regionOf: institution) { _, context -> InstitutionView in
            let id = try context.parameters.require("id", as: UUID.self)
            return InstitutionView(try await InstitutionFiling.load(id, policy: policy, today: clock.today(), dependencies: dependencies,
                                                                   logger: context.logger))
        }
        routes.post("/institutions/:id/grade", RoutePolicy(roles: [.caseworker], region: .record),
                    regionOf: institution) { request, context -> InstitutionView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: GradeRequest.self, context: context)
            let grade = try InstitutionGrade(grade: body.grade, awardedOn: try RequestParsing.date(body.awardedOn, field: "awardedOn"))
            try await InstitutionFiling.grade(id, grade, dependencies: dependencies, logger: context.logger)
            return InstitutionView(try await InstitutionFiling.load(id, policy: policy, today: clock.today(), dependencies: dependencies,
                                                                   logger: context.logger))
        }
        routes.put("/institutions/:id/beds", RoutePolicy(roles: [.caseworker], region: .record),
                   regionOf: institution) { request, context -> InstitutionView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: BedsRequest.self, context: context)
            let beds = try body.inventory()
            let day = try body.changedOn.map { text throws(RuleViolation) in try RequestParsing.date(text, field: "changedOn") } ?? clock.today()
            try await InstitutionFiling.changeBeds(id, to: beds, on: day, dependencies: dependencies, logger: context.logger)
            return InstitutionView(try await InstitutionFiling.load(id, policy: policy, today: clock.today(), dependencies: dependencies,
                                                                   logger: context.logger))
        }
    }

    /// `?region=`, or the token's region without it.
    static func listingRegion(_ request: Request, _ context: ServiceRequestContext) throws -> RegionCode {
        if let text = request.uri.queryParameters.get("region") { return try RequestParsing.region(String(text), field: "region") }
        return try context.requirePrincipal().region
    }
}

extension InstitutionRoutes.FilingRequest {
    /// Refuses a malformed credit code (`institution.operator-code-invalid`, naming the check that
    /// failed) and what ``ElderCareInstitution`` refuses.
    func institution(today: CivilDate) throws(RuleViolation) -> ElderCareInstitution {
        let code: CreditCode
        do { code = try CreditCode(operatorCode) } catch {
            throw .invalid("institution.operator-code-invalid", "operatorCode is not a valid unified social credit code: \(error)")
        }
        let ownership = try RequestParsing.choice(self.ownership, field: "ownership", as: InstitutionOwnership.self)
        let kind = try RequestParsing.choice(self.kind, field: "kind", as: InstitutionKind.self)
        let region = try RequestParsing.region(self.region, field: "region")
        let day = try filedOn.map { text throws(RuleViolation) in try RequestParsing.date(text, field: "filedOn") } ?? today
        return try ElderCareInstitution(name: name, operatorCode: code, ownership: ownership, kind: kind, region: region, filedOn: day)
    }
}

extension InstitutionRoutes.BedsRequest {
    func inventory() throws(RuleViolation) -> BedInventory {
        var counts: [BedType: (beds: Int, occupied: Int)] = [:]
        if let nursing { counts[.nursing] = (nursing.beds, nursing.occupied) }
        if let dementia { counts[.dementia] = (dementia.beds, dementia.occupied) }
        if let general { counts[.general] = (general.beds, general.occupied) }
        return try BedInventory(counts)
    }
}
