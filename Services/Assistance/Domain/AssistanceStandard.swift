import Contracts

/// The assistance standards (保障标准) of one county, year and urban/rural area, all in fen per
/// person per month.
///
/// Why per county, year and area: standards are set by each county, adjusted annually and differ
/// between urban and rural (《景泰县“十四五”民政事业发展规划》第一章（三）; 《景泰县“十四五”民政事业发展规划》第三章（一）2); the same dimensions are named in 济民发〔2022〕3号《2022年全市民政工作要点》第5项 and for the
/// city guidance standard in *市《2023年全市民政工作要点》（八）. Annual figures in the sources
/// (e.g. rural 低保 4428 元/年/人) are stored monthly; use ``monthly(fromAnnual:)``.
///
/// Each standard takes effect in a month of its year (``effectiveFrom``, January unless said
/// otherwise): seed 004 raises 低保 "2023年1月起" and brings grades 3–4 into the care subsidy "从2023年7月起",
/// so a county may publish more than one standard a year, and a standard governs the months from its
/// effective month until the next one's.
public struct AssistanceStandard: Sendable, Hashable, Codable {
    /// The county (GB/T 2260 six-digit code) that publishes the standard.
    public let region: RegionCode
    public let year: Int
    public let area: UrbanRural
    /// The first month the standard is paid at; within `year`.
    public let effectiveFrom: YearMonth
    /// 低保 standard per person per month.
    public let minimumLivingAllowance: Money
    /// 特困 basic living standard (基本生活标准) per person per month.
    public let extremePovertyBasic: Money
    /// 特困 care standards (照料护理标准) per person per month, by self-care tier. May be empty
    /// when a county has not published tiers (the Jingtai plan gives no figures).
    public let extremePovertyCare: [SelfCareAbility: Money]

    /// The years a standard can be set for; a route that reads a year (`GET /standards?year=`,
    /// `PUT /city-minimum-standards/{year}/…`) refuses any other with `request.invalid-year`.
    public static let years = 1...9999

    /// Refuses a region below county level (`standard.region-not-county`), a year outside
    /// 1…9999 (`standard.year-invalid`), an effective month outside the year
    /// (`standard.effective-month-outside-year`) and a zero or negative amount (`standard.amount-not-positive`).
    /// `effectiveFrom` defaults to January of `year`.
    public init(region: RegionCode, year: Int, area: UrbanRural, effectiveFrom: YearMonth? = nil, minimumLivingAllowance: Money,
                extremePovertyBasic: Money, extremePovertyCare: [SelfCareAbility: Money] = [:]) throws(RuleViolation) {
        guard region.level == .county else {
            throw RuleViolation.invalid("standard.region-not-county", "standards are set per county; \(region) is a \(region.level) code")
        }
        guard Self.years.contains(year) else {
            throw RuleViolation.invalid("standard.year-invalid", "year \(year) is outside 1...9999")
        }
        if let effectiveFrom, effectiveFrom.year != year {
            throw RuleViolation.invalid("standard.effective-month-outside-year",
                                        "a standard for \(year) takes effect in a month of \(year), not \(effectiveFrom)")
        }
        guard minimumLivingAllowance > .zero, extremePovertyBasic > .zero,
              extremePovertyCare.values.allSatisfy({ $0 > .zero }) else {
            throw RuleViolation.invalid("standard.amount-not-positive", "every standard must be a positive amount")
        }
        self.init(validRegion: region, year: year, area: area, effectiveFrom: effectiveFrom, minimumLivingAllowance: minimumLivingAllowance,
                  extremePovertyBasic: extremePovertyBasic, extremePovertyCare: extremePovertyCare)
    }

    /// For figures already known to satisfy the checks above (the published Jingtai standards).
    init(validRegion region: RegionCode, year: Int, area: UrbanRural, effectiveFrom: YearMonth? = nil, minimumLivingAllowance: Money,
         extremePovertyBasic: Money, extremePovertyCare: [SelfCareAbility: Money] = [:]) {
        self.region = region
        self.year = year
        self.area = area
        self.effectiveFrom = effectiveFrom ?? Self.january(of: year)
        self.minimumLivingAllowance = minimumLivingAllowance
        self.extremePovertyBasic = extremePovertyBasic
        self.extremePovertyCare = extremePovertyCare
    }

    /// January of `year` (1…9999): the effective month of a standard that names none.
    public static func january(of year: Int) -> YearMonth {
        do { return try YearMonth(year: year, month: 1) } catch {
            preconditionFailure("a standard's year is within 1...9999: \(error)")
        }
    }

    /// The care standard for a tier; nil if the county has not published that tier.
    public func careStandard(for ability: SelfCareAbility) -> Money? { extremePovertyCare[ability] }

    /// Converts an annual per-person figure into the monthly one: ÷ 12 rounded half-up
    /// (四舍五入, the usual rule in published standards). Jingtai's 2020 annual figures divide
    /// exactly (4428 → 369, 9012 → 751, 6360 → 530).
    public static func monthly(fromAnnual annual: Money) throws(RuleViolation) -> Money {
        try Exact.money { () throws(MoneyError) in try annual.divided(by: 12, rounding: .halfUp) }
    }
}

/// The city's minimum guidance standard (市定最低指导标准) for 低保: every local 低保 standard of
/// that year and area must be at least this (*市《2023年全市民政工作要点》（八）).
public struct CityMinimumStandard: Sendable, Hashable, Codable {
    public let year: Int
    public let area: UrbanRural
    /// Per person per month.
    public let minimumLivingAllowance: Money

    public init(year: Int, area: UrbanRural, minimumLivingAllowance: Money) throws(RuleViolation) {
        guard minimumLivingAllowance > .zero else {
            throw RuleViolation.invalid("standard.amount-not-positive", "the city minimum guidance standard must be positive")
        }
        self.year = year
        self.area = area
        self.minimumLivingAllowance = minimumLivingAllowance
    }
}
