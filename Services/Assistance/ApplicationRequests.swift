import AssistanceDomain
import Contracts
import Foundation
import ServiceKit

/// `POST /applications`: one-door intake (一门受理). Any township accepts any application with the
/// applicant's ID and the signed authorisation for checks (一证一书); the household's residence
/// decides which county handles it.
struct ApplicationRequest: Decodable, Sendable {
    var idempotencyKey: String
    var program: String
    /// The township (9-digit code) that took the application.
    var intakeRegion: String
    var applicantResidentId: String
    /// 一证一书: the signed authorisation for economic verification. Required.
    var authorisationSigned: Bool
    var household: HouseholdRequest
    /// 特困 only: whether a legal supporter is able to support the applicant.
    var hasAbleSupporter: Bool?
    /// 特困 only: self-care tier for the care standard.
    var selfCareAbility: String?
    /// The intake date when recorded afterwards (default today; never in the future).
    var submittedOn: String?
}

struct HouseholdRequest: Decodable, Sendable {
    var area: String
    var residence: [ResidenceRequest]
    var members: [MemberRequest]
}

struct ResidenceRequest: Decodable, Sendable {
    /// `household-registration`, `residence-permit` or `permanent-resident`.
    var basis: String
    var region: String
}

struct MemberRequest: Decodable, Sendable {
    var residentId: String
    var relation: String
    var disabilityGrade: Int?
    var workCapacity: String
    var seriouslyIll: Bool?
    var employmentCostsFen: Int64?
    /// Self-declared monthly income; verification adds what the agencies report.
    var declaredIncomes: [IncomeRequest]?
    var declaredAssets: [AssetRequest]?
}

struct IncomeRequest: Decodable, Sendable {
    var kind: String
    var monthlyFen: Int64
    var note: String?
}

struct AssetRequest: Decodable, Sendable {
    var kind: String
    var valueFen: Int64
    var note: String?
}

/// A validated application, ready to store.
struct ParsedApplication: Sendable {
    var idempotencyKey: String
    var program: AssistanceProgram
    var intakeRegion: RegionCode
    var applicant: PersonRef
    var household: Household
    /// The county that handles the case.
    var region: RegionCode
    var hasAbleSupporter: Bool
    var selfCareAbility: SelfCareAbility?

    /// Refuses, before anything is written: a missing authorisation (`application.authorisation-missing`),
    /// 临时救助 through this route (`application.program-not-accepted`), an intake code that is not a
    /// township (`application.intake-not-township`), an applicant outside the household
    /// (`application.applicant-not-member`) and a household with no basis to apply anywhere
    /// (`application.no-residence-basis`).
    static func parse(_ body: ApplicationRequest, key: PersonRefKey, policy: ResidencePolicy) throws(RuleViolation) -> ParsedApplication {
        let idempotencyKey = try RequestParsing.nonEmpty(body.idempotencyKey, field: "idempotencyKey", max: 128)
        let program = try RequestParsing.choice(body.program, field: "program", as: AssistanceProgram.self)
        guard program != .temporaryAssistance else {
            throw .invalid("application.program-not-accepted", "临时救助 is reported through POST /temporary-assistance")
        }
        guard body.authorisationSigned else {
            throw RuleViolation("application.authorisation-missing",
                                "the applicant must sign the authorisation for economic verification (一证一书)")
        }
        let intake = try RequestParsing.region(body.intakeRegion, field: "intakeRegion")
        guard intake.level == .township else {
            throw .invalid("application.intake-not-township", "intakeRegion must be a township (9-digit code), got \(intake)")
        }
        let applicantID = try RequestParsing.residentID(body.applicantResidentId, field: "applicantResidentId")
        let household = try parseHousehold(body.household, key: key)
        let applicant = PersonRef.derive(from: applicantID, key: key)
        guard household.member(applicant) != nil else {
            throw .invalid("application.applicant-not-member", "the applicant must be listed among the household members")
        }
        guard let county = ResidenceBasis.responsibleCounty(household.residence, policy: policy) else {
            throw RuleViolation("application.no-residence-basis",
                                "the household has no household registration or accepted residence basis to apply on")
        }
        let selfCare = try body.selfCareAbility.map { text throws(RuleViolation) in
            try RequestParsing.choice(text, field: "selfCareAbility", as: SelfCareAbility.self)
        }
        return ParsedApplication(idempotencyKey: idempotencyKey, program: program, intakeRegion: intake, applicant: applicant,
                                 household: household, region: county, hasAbleSupporter: body.hasAbleSupporter ?? false,
                                 selfCareAbility: selfCare)
    }

    static func parseResidence(_ items: [ResidenceRequest]) throws(RuleViolation) -> [ResidenceBasis] {
        var residence: [ResidenceBasis] = []
        for item in items {
            let region = try RequestParsing.region(item.region, field: "residence.region")
            // Standards and approval are per county: a prefecture or province says too little.
            guard region.level >= .county else {
                throw .invalid("application.residence-not-county", "residence.region must be a county code or finer, got \(region)")
            }
            switch item.basis {
            case "household-registration": residence.append(.householdRegistration(region))
            case "residence-permit": residence.append(.residencePermit(region))
            case "permanent-resident": residence.append(.permanentResident(region))
            default: throw .invalid("request.invalid-basis", "basis must be household-registration, residence-permit or permanent-resident")
            }
        }
        return residence
    }

    static func parseHousehold(_ body: HouseholdRequest, key: PersonRefKey) throws(RuleViolation) -> Household {
        let area = try RequestParsing.choice(body.area, field: "area", as: UrbanRural.self)
        let residence = try parseResidence(body.residence)
        var members: [Member] = []
        for item in body.members {
            let id = try RequestParsing.residentID(item.residentId, field: "members.residentId")
            var disability: DisabilityGrade?
            if let grade = item.disabilityGrade {
                guard let parsed = DisabilityGrade(rawValue: grade) else {
                    throw .invalid("request.invalid-disabilityGrade", "disabilityGrade must be 1 to 4")
                }
                disability = parsed
            }
            var incomes: [IncomeItem] = []
            for income in item.declaredIncomes ?? [] {
                incomes.append(try IncomeItem(kind: try RequestParsing.choice(income.kind, field: "incomes.kind", as: IncomeItem.Kind.self),
                                              monthlyAmount: try RequestParsing.fen(income.monthlyFen, field: "incomes.monthlyFen"),
                                              note: "declared" + (income.note.map { ": \($0)" } ?? "")))
            }
            var assets: [AssetItem] = []
            for asset in item.declaredAssets ?? [] {
                assets.append(try AssetItem(kind: try RequestParsing.choice(asset.kind, field: "assets.kind", as: AssetItem.Kind.self),
                                            value: try RequestParsing.fen(asset.valueFen, field: "assets.valueFen"),
                                            note: "declared" + (asset.note.map { ": \($0)" } ?? "")))
            }
            members.append(try Member(
                person: PersonRef.derive(from: id, key: key),
                relation: try RequestParsing.choice(item.relation, field: "relation", as: MemberRelation.self),
                residentID: id, disability: disability,
                workCapacity: try RequestParsing.choice(item.workCapacity, field: "workCapacity", as: WorkCapacity.self),
                seriouslyIll: item.seriouslyIll ?? false, incomes: incomes, assets: assets,
                employmentCosts: try RequestParsing.fen(item.employmentCostsFen ?? 0, field: "employmentCostsFen")))
        }
        return try Household(area: area, residence: residence, members: members)
    }
}
