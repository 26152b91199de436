import Contracts

/// The local policy of the Assistance service: every figure a county configures, read from
/// `ASSISTANCE_*` settings with the documented defaults.
///
/// The policy documents give no figure for the asset cap, the per-person minimum or the
/// top-ups; the defaults below are placeholders a county replaces (README, "Configuration").
public struct AssistancePolicy: Sendable {
    public var meansTest: MeansTestPolicy
    public var amount: BenefitAmountPolicy
    public var workflow: WorkflowPolicy
    public var residence: ResidencePolicy
    public var extremePoverty: ExtremePovertyEligibility.Policy
    /// 渐退: months the benefit continues after income rises above the standard (default 6).
    public var gradualExitMonths: Int
    /// 定期核查 interval per program, in months (national practice, 民发〔2021〕57号; the source documents give none).
    public var reviewMonths: [AssistanceProgram: Int]
    /// Yearly growth floors per figure of a standard and area; falling short is flagged.
    public var growthFloors: StandardGrowthFloors
    /// Which year's 低保 the 特困 basic standard must reach 1.3 times (default the previous year's).
    public var extremePovertyBaseline: ExtremePovertyBaseline
    /// Largest single advance from a township reserve (先行救助), if capped.
    public var advanceCap: Money?
    /// Where an outreach lead goes when a signal from the monitoring topic names no region and the
    /// person is in no household Assistance knows (the city's monitoring desk, say); unset, such a
    /// signal is stored, counted and logged, but raises no lead.
    public var outreachRegion: RegionCode?
    /// The disability two subsidies (残疾人两项补贴): which groups the living subsidy includes, the
    /// nursing extension month, the 渐退 length.
    public var disability: DisabilitySubsidyPolicy = .default

    /// Reads the policy from `ASSISTANCE_*` settings (the process environment, in the service);
    /// refuses a value it cannot read (`settings.invalid`, naming the setting).
    public static func fromEnvironment(_ environment: [String: String]) throws(RuleViolation) -> AssistancePolicy {
        let settings = PolicySettings(environment: environment)
        func integer(_ name: String, _ fallback: Int64) throws(RuleViolation) -> Int64 { try settings.integer(name, fallback) }
        let advanceCap = try integer("ADVANCE_CAP_FEN", 0)
        return AssistancePolicy(
            meansTest: MeansTestPolicy(
                financialAssetCapPerCapita: Money(fen: try integer("FINANCIAL_ASSET_CAP_PER_CAPITA_FEN", 2_000_000)),
                employmentCostAreas: try settings.areas("EMPLOYMENT_COST_AREAS", [.rural]),
                singlePersonEnrolment: environment["ASSISTANCE_SINGLE_PERSON_ENROLMENT"] != "false"),
            amount: BenefitAmountPolicy(
                minimumPerPerson: Money(fen: try integer("MINIMUM_PER_PERSON_FEN", 1_000)),
                topUps: [
                    .elderly: .shareOfStandard(try PolicyRatio(try integer("TOP_UP_ELDERLY_PERCENT", 10), 100)),
                    .severelyDisabled: .shareOfStandard(try PolicyRatio(try integer("TOP_UP_SEVERELY_DISABLED_PERCENT", 20), 100)),
                    .minor: .shareOfStandard(try PolicyRatio(try integer("TOP_UP_MINOR_PERCENT", 10), 100)),
                    .seriouslyIll: .shareOfStandard(try PolicyRatio(try integer("TOP_UP_SERIOUSLY_ILL_PERCENT", 20), 100)),
                ]),
            workflow: try WorkflowPolicy(
                noticeDays: Int(try integer("NOTICE_DAYS", 7)),
                approvalDevolvedToTownship: environment["ASSISTANCE_APPROVAL_DEVOLVED"] == "true"),
            residence: ResidencePolicy(
                acceptsResidencePermit: environment["ASSISTANCE_ACCEPT_RESIDENCE_PERMIT"] != "false",
                acceptsPermanentResidents: environment["ASSISTANCE_ACCEPT_PERMANENT_RESIDENTS"] != "false"),
            extremePoverty: ExtremePovertyEligibility.Policy(),
            gradualExitMonths: Int(try integer("GRADUAL_EXIT_MONTHS", 6)),
            reviewMonths: [
                .minimumLivingAllowance: Int(try integer("REVIEW_MONTHS_MINIMUM_LIVING_ALLOWANCE", 6)),
                .extremePoverty: Int(try integer("REVIEW_MONTHS_EXTREME_POVERTY", 12)),
                .temporaryAssistance: 0,
            ],
            growthFloors: try growthFloors(settings),
            extremePovertyBaseline: try settings.choice("EXTREME_POVERTY_BASELINE", ExtremePovertyBaseline.previousYear),
            advanceCap: advanceCap > 0 ? Money(fen: advanceCap) : nil,
            outreachRegion: try settings.region("OUTREACH_REGION"),
            disability: try DisabilitySubsidyPolicy(
                nearLowIncomeIncluded: environment["ASSISTANCE_DISABILITY_NEAR_LOW_INCOME"] != "false",
                elderlyParentsSupportingIncluded: environment["ASSISTANCE_DISABILITY_ELDERLY_PARENTS_SUPPORTING"] == "true",
                multipleDisabledIncluded: environment["ASSISTANCE_DISABILITY_MULTIPLE_DISABLED"] == "true",
                gradualExitMonths: Int(try integer("DISABILITY_GRADUAL_EXIT_MONTHS", 6))))
    }

    /// `ASSISTANCE_STANDARD_GROWTH_FLOOR_PERMILLE_<FIGURE>_<AREA>` (FIGURE `MINIMUM_LIVING_ALLOWANCE`,
    /// `EXTREME_POVERTY_BASIC` or `EXTREME_POVERTY_CARE`; AREA `URBAN` or `RURAL`), seed 001's figures
    /// by default. The older `ASSISTANCE_STANDARD_GROWTH_FLOOR_PERMILLE`, the one 低保 floor of both
    /// areas, still sets the 低保 default, so a deployment that set it keeps its figure.
    static func growthFloors(_ settings: PolicySettings) throws(RuleViolation) -> StandardGrowthFloors {
        let legacy: Int64? = settings.environment["ASSISTANCE_STANDARD_GROWTH_FLOOR_PERMILLE"] == nil
            ? nil : try settings.integer("STANDARD_GROWTH_FLOOR_PERMILLE", 0)
        var floors: [StandardFigure: [UrbanRural: Int]] = [:]
        for figure in StandardFigure.allCases {
            for area in UrbanRural.allCases {
                let fallback = figure == .minimumLivingAllowance ? legacy : nil
                let name = "STANDARD_GROWTH_FLOOR_PERMILLE_\(figure.settingName)_\(area.rawValue.uppercased())"
                let seed = StandardGrowthFloors.seed001.floor(of: figure, in: area) ?? 0
                floors[figure, default: [:]][area] = Int(try settings.integer(name, fallback ?? Int64(seed)))
            }
        }
        return try StandardGrowthFloors(permille: floors)
    }
}

private extension StandardFigure {
    /// The figure as settings name it: `MINIMUM_LIVING_ALLOWANCE`, ….
    var settingName: String { String(rawValue.uppercased().map { $0 == "-" ? "_" : $0 }) }
}
