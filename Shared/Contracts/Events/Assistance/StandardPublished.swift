import Foundation

/// `civil.assistance.standard-published.v1`: a county published its social-assistance standards
/// (低保标准, 特困基本生活标准 and 照料护理标准) for a year and for urban or rural residents.
///
/// Published by Assistance when the standard takes effect, with any warnings it was published
/// despite (and the override reason when one was needed). Keyed by `"<region>:<year>:<area>"`
/// (e.g. `"620423:2026:rural"`), so a corrected publication, or a second standard of the year
/// (`effectiveFrom`), follows the earlier one. Assistance re-rates its cases from it
/// (`case-rerated`); ElderCare uses the care standard for supported 特困 persons;
/// dashboards compare counties.
public struct StandardPublished: DomainEvent {
    public static let eventType = EventType(.assistance, "standard-published", version: 1)

    /// The county the standard applies to.
    public var region: RegionCode
    public var year: Int
    public var area: UrbanRuralArea
    /// 低保 standard per person per month, in fen.
    public var minimumLivingAllowance: Money
    /// 特困 basic-living standard per person per month, in fen.
    public var extremePovertyBasic: Money
    /// 特困 care standard per self-care tier, per person per month; one entry per tier.
    public var extremePovertyCare: [CareStandard]
    /// Codes of the warnings the standard was published despite (e.g. `"standard.growth-below-floor"`).
    public var warnings: [String]
    /// Why a standard below a required floor was published anyway, if it was.
    public var overrideReason: String?
    public var publishedOn: CivilDate
    /// The figures that grew less than their yearly floor, by how much (the details behind the
    /// `…growth-below-floor` warnings). Absent from payloads of releases before floors per figure.
    public var growthShortfalls: [StandardGrowthShortfall]?
    /// The previous year's growth of residents' per-capita consumption the publication gave, in per
    /// mille, which the 低保 growth is held to (居民上年度人均消费支出增速); absent when none was given.
    public var consumptionGrowthPermille: Int?
    /// The first month the standard is paid at (within `year`); absent from payloads of releases
    /// before effective months, whose standards took effect in January.
    public var effectiveFrom: YearMonth?

    public init(region: RegionCode, year: Int, area: UrbanRuralArea, minimumLivingAllowance: Money,
                extremePovertyBasic: Money, extremePovertyCare: [CareStandard], warnings: [String],
                overrideReason: String?, publishedOn: CivilDate, growthShortfalls: [StandardGrowthShortfall]? = nil,
                consumptionGrowthPermille: Int? = nil, effectiveFrom: YearMonth? = nil) {
        self.region = region
        self.year = year
        self.area = area
        self.minimumLivingAllowance = minimumLivingAllowance
        self.extremePovertyBasic = extremePovertyBasic
        self.extremePovertyCare = extremePovertyCare
        self.warnings = warnings
        self.overrideReason = overrideReason
        self.publishedOn = publishedOn
        self.growthShortfalls = growthShortfalls
        self.consumptionGrowthPermille = consumptionGrowthPermille
        self.effectiveFrom = effectiveFrom
    }

    public var aggregateID: String { "\(region.rawValue):\(year):\(area.rawValue)" }
}
