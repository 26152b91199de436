import Contracts

/// The monthly amount of one subsidy in one county from an effective month on, until the county's
/// next standard for that subsidy.
///
/// Why per county and month: the amounts are the county's ("建立困难残疾人生活补贴和重度残疾人护理补贴标准动态调整机制",
/// 《景泰县“十四五”民政事业发展规划》第三章（五）2), and the raises are dated by month like every standard here
/// (seed 004 dates its changes "2023年1月起", "从2023年7月起").
public struct DisabilitySubsidyStandard: Sendable, Hashable, Codable {
    public let region: RegionCode
    public let kind: DisabilitySubsidyKind
    public let effectiveFrom: YearMonth
    public let monthlyAmount: Money

    /// Refuses a region below county level (`disability-standard.region-not-county`) and a zero or
    /// negative amount (`disability-standard.amount-not-positive`).
    public init(region: RegionCode, kind: DisabilitySubsidyKind, effectiveFrom: YearMonth, monthlyAmount: Money) throws(RuleViolation) {
        guard region.level == .county else {
            throw RuleViolation.invalid("disability-standard.region-not-county", "subsidy amounts are set per county; \(region) is a \(region.level) code")
        }
        guard monthlyAmount > .zero else {
            throw RuleViolation.invalid("disability-standard.amount-not-positive", "a subsidy amount must be positive, got \(monthlyAmount)")
        }
        self.region = region
        self.kind = kind
        self.effectiveFrom = effectiveFrom
        self.monthlyAmount = monthlyAmount
    }
}
