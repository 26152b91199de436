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

extension ApplicationRequest {
    /// The intake the request describes, checked in the order the fields are read: a missing
    /// authorisation, 临时救助 through this route, an intake code that is not a township, an
    /// applicant outside the household and a household with no basis to apply anywhere are
    /// refused before anything is written (``IntakeRules``).
    func intake(key: PersonRefKey, policy: ResidencePolicy) throws(RuleViolation) -> ApplicationIntake {
        let idempotencyKey = try RequestParsing.nonEmpty(self.idempotencyKey, field: "idempotencyKey", max: 128)
        let program = try RequestParsing.choice(self.program, field: "program", as: AssistanceProgram.self)
        try IntakeRules.requireApplicationProgram(program)
        try IntakeRules.requireAuthorisation(signed: authorisationSigned)
        let intake = try RequestParsing.region(self.intakeRegion, field: "intakeRegion")
        try IntakeRules.requireTownship(intake)
        let applicantID = try RequestParsing.residentID(applicantResidentId, field: "applicantResidentId")
        let household = try self.household.parse(key: key)
        let applicant = PersonRef.derive(from: applicantID, key: key)
        try IntakeRules.requireMember(applicant, of: household)
        let county = try IntakeRules.responsibleCounty(of: household, policy: policy)
        let selfCare = try selfCareAbility.map { text throws(RuleViolation) in
            try RequestParsing.choice(text, field: "selfCareAbility", as: SelfCareAbility.self)
        }
        return ApplicationIntake(idempotencyKey: idempotencyKey, program: program, intakeRegion: intake, applicant: applicant,
                                 household: household, region: county, hasAbleSupporter: hasAbleSupporter ?? false,
                                 selfCareAbility: selfCare)
    }
}

extension ResidenceRequest {
    /// Residence bases; a region coarser than a county is refused (`application.residence-not-county`):
    /// standards and approval are per county, so a prefecture or province says too little.
    static func parse(_ items: [ResidenceRequest]) throws(RuleViolation) -> [ResidenceBasis] {
        var residence: [ResidenceBasis] = []
        for item in items {
            let region = try RequestParsing.region(item.region, field: "residence.region")
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
}

extension HouseholdRequest {
    func parse(key: PersonRefKey) throws(RuleViolation) -> Household {
        let area = try RequestParsing.choice(self.area, field: "area", as: UrbanRural.self)
        let residence = try ResidenceRequest.parse(self.residence)
        var members: [Member] = []
        for item in self.members {
            members.append(try item.parse(key: key))
        }
        return try Household(area: area, residence: residence, members: members)
    }
}

extension MemberRequest {
    func parse(key: PersonRefKey) throws(RuleViolation) -> Member {
        let id = try RequestParsing.residentID(residentId, field: "members.residentId")
        var disability: DisabilityGrade?
        if let grade = disabilityGrade {
            guard let parsed = DisabilityGrade(rawValue: grade) else {
                throw .invalid("request.invalid-disabilityGrade", "disabilityGrade must be 1 to 4")
            }
            disability = parsed
        }
        var incomes: [IncomeItem] = []
        for income in declaredIncomes ?? [] {
            incomes.append(try income.parse(note: "declared" + (income.note.map { ": \($0)" } ?? "")))
        }
        var assets: [AssetItem] = []
        for asset in declaredAssets ?? [] {
            assets.append(try AssetItem(kind: try RequestParsing.choice(asset.kind, field: "assets.kind", as: AssetItem.Kind.self),
                                        value: try RequestParsing.fen(asset.valueFen, field: "assets.valueFen"),
                                        note: "declared" + (asset.note.map { ": \($0)" } ?? "")))
        }
        return try Member(
            person: PersonRef.derive(from: id, key: key),
            relation: try RequestParsing.choice(relation, field: "relation", as: MemberRelation.self),
            residentID: id, disability: disability,
            workCapacity: try RequestParsing.choice(workCapacity, field: "workCapacity", as: WorkCapacity.self),
            seriouslyIll: seriouslyIll ?? false, incomes: incomes, assets: assets,
            employmentCosts: try RequestParsing.fen(employmentCostsFen ?? 0, field: "employmentCostsFen"))
    }
}

extension IncomeRequest {
    /// A declared monthly income, with `note` telling where it came from.
    func parse(note: String) throws(RuleViolation) -> IncomeItem {
        try IncomeItem(kind: try RequestParsing.choice(kind, field: "incomes.kind", as: IncomeItem.Kind.self),
                       monthlyAmount: try RequestParsing.fen(monthlyFen, field: "incomes.monthlyFen"), note: note)
    }
}
