import Foundation

/// `civil.assistance.disability-subsidy-standard-set.v1`: a county set (or changed) the monthly
/// amount of one disability subsidy (残疾人两项补贴) from an effective month.
///
/// Published by Assistance when `PUT /disability-subsidy-standards/{county}` sets a new amount; the
/// same amount again publishes nothing. Keyed by `"<region>:<program>"`, so a county's amounts of a
/// subsidy stay in order. `warnings` holds `disability-standard.growth-below-floor` when the raise
/// is below +10% (济民发〔2022〕3号 第28项), never a refusal. The back-payments of the subsidies it
/// re-rated name this event as their cause. Consumed by the statistics.
public struct DisabilitySubsidyStandardSet: DomainEvent {
    public static let eventType = EventType(.assistance, "disability-subsidy-standard-set", version: 1)

    public var region: RegionCode
    public var program: DisabilitySubsidyProgram
    public var effectiveFrom: YearMonth
    /// Per person per month, in fen.
    public var monthlyAmount: Money
    public var warnings: [String]
    /// Subsidies whose amount it changed.
    public var reratedSubsidies: Int
    public var setOn: CivilDate

    public init(region: RegionCode, program: DisabilitySubsidyProgram, effectiveFrom: YearMonth, monthlyAmount: Money, warnings: [String],
                reratedSubsidies: Int, setOn: CivilDate) {
        self.region = region
        self.program = program
        self.effectiveFrom = effectiveFrom
        self.monthlyAmount = monthlyAmount
        self.warnings = warnings
        self.reratedSubsidies = reratedSubsidies
        self.setOn = setOn
    }

    public var aggregateID: String { "\(region.rawValue):\(program.rawValue)" }
}
