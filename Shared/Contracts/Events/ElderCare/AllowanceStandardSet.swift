import Foundation

/// `civil.eldercare.allowance-standard-set.v1`: a county's advanced-age allowance (高龄津贴) tiers
/// from a month on, until its next standard.
///
/// Published by ElderCare when the policy section sets a standard (a standard set again for the
/// same month replaces it). Keyed by the county code, so a county's standards stay in order.
/// Consumed by finance (budgets) and dashboards.
public struct AllowanceStandardSet: DomainEvent {
    public static let eventType = EventType(.eldercare, "allowance-standard-set", version: 1)

    /// The county the standard applies to.
    public var region: RegionCode
    public var effectiveFrom: YearMonth
    /// Ascending by age; the first is the entitlement age.
    public var tiers: [AllowanceTierAmount]
    public var setOn: CivilDate

    public init(region: RegionCode, effectiveFrom: YearMonth, tiers: [AllowanceTierAmount], setOn: CivilDate) {
        self.region = region
        self.effectiveFrom = effectiveFrom
        self.tiers = tiers
        self.setOn = setOn
    }

    public var aggregateID: String { region.rawValue }
}
