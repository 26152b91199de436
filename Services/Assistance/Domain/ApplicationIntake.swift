import Contracts

/// An application as a township took it in, checked and ready to store: any township accepts any
/// application ("全面推行“一门受理、协同办理”机制,由乡镇统一受理社会救助申请") with the applicant's ID
/// and the signed authorisation for checks ("一证一书", 《景泰县“十四五”民政事业发展规划》第三章（一）2); the household's residence decides
/// which county handles it.
public struct ApplicationIntake: Sendable {
    public let idempotencyKey: String
    public let program: AssistanceProgram
    /// The township that took the application.
    public let intakeRegion: RegionCode
    public let applicant: PersonRef
    public let household: Household
    /// The county that handles the case.
    public let region: RegionCode
    /// 特困 only: whether a legal supporter is able to support the applicant.
    public let hasAbleSupporter: Bool
    /// 特困 only: the self-care tier that selects the care standard.
    public let selfCareAbility: SelfCareAbility?

    public init(idempotencyKey: String, program: AssistanceProgram, intakeRegion: RegionCode, applicant: PersonRef,
                household: Household, region: RegionCode, hasAbleSupporter: Bool, selfCareAbility: SelfCareAbility?) {
        self.idempotencyKey = idempotencyKey
        self.program = program
        self.intakeRegion = intakeRegion
        self.applicant = applicant
        self.household = household
        self.region = region
        self.hasAbleSupporter = hasAbleSupporter
        self.selfCareAbility = selfCareAbility
    }
}

/// The rules an application meets before anything is written. Each is its own check, so that
/// an intake applies them in the order it reads the request.
public enum IntakeRules {
    /// 临时救助 is reported, not applied for (`application.program-not-accepted`).
    public static func requireApplicationProgram(_ program: AssistanceProgram) throws(RuleViolation) {
        guard program != .temporaryAssistance else {
            throw .invalid("application.program-not-accepted", "临时救助 is reported through POST /temporary-assistance")
        }
    }

    /// 一证一书: the signed authorisation for economic verification (`application.authorisation-missing`).
    public static func requireAuthorisation(signed: Bool) throws(RuleViolation) {
        guard signed else {
            throw RuleViolation("application.authorisation-missing",
                                "the applicant must sign the authorisation for economic verification (一证一书)")
        }
    }

    /// 一门受理: a township takes the application in (`application.intake-not-township`).
    public static func requireTownship(_ intake: RegionCode) throws(RuleViolation) {
        guard intake.level == .township else {
            throw .invalid("application.intake-not-township", "intakeRegion must be a township (9-digit code), got \(intake)")
        }
    }

    /// The applicant is one of the household's members (`application.applicant-not-member`).
    public static func requireMember(_ applicant: PersonRef, of household: Household) throws(RuleViolation) {
        guard household.member(applicant) != nil else {
            throw .invalid("application.applicant-not-member", "the applicant must be listed among the household members")
        }
    }

    /// The county that handles the application: that of the household's first residence basis
    /// allowing it (`application.no-residence-basis` when none does).
    public static func responsibleCounty(of household: Household, policy: ResidencePolicy) throws(RuleViolation) -> RegionCode {
        guard let county = ResidenceBasis.responsibleCounty(household.residence, policy: policy) else {
            throw RuleViolation("application.no-residence-basis",
                                "the household has no household registration or accepted residence basis to apply on")
        }
        return county
    }
}
