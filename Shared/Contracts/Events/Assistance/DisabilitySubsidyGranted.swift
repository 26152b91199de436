import Foundation

/// `civil.assistance.disability-subsidy-granted.v1`: a county granted one of the disability two
/// subsidies (残疾人两项补贴) to a person, paid from `firstMonth` at the county's amount.
///
/// Published by Assistance when the county's approver approves an application for it, its eligibility checked for
/// `firstMonth` (the nursing subsidy's is effective-dated: grades 3–4 智力/精神 from July 2023).
/// Keyed by the subsidy id, so its payments and stop stay in order. The statistics count grants
/// against certificate holders for the coverage target ("覆盖率均达到100%",
/// 《景泰县“十四五”民政事业发展规划》第三章（五）2).
public struct DisabilitySubsidyGranted: DomainEvent {
    public static let eventType = EventType(.assistance, "disability-subsidy-granted", version: 1)

    public var subsidyID: UUID
    public var person: PersonRef
    /// The county that pays it.
    public var region: RegionCode
    public var program: DisabilitySubsidyProgram
    /// Why the person qualifies, e.g. `minimum-living-household`, `intellectual-or-mental-grade-3-or-4`.
    public var basis: String
    public var firstMonth: YearMonth
    /// The amount of the first month, in fen.
    public var monthlyAmount: Money
    /// The application the grant decided; absent on grants made before the one-door intake took them.
    public var applicationID: UUID?

    public init(subsidyID: UUID, person: PersonRef, region: RegionCode, program: DisabilitySubsidyProgram, basis: String,
                firstMonth: YearMonth, monthlyAmount: Money, applicationID: UUID? = nil) {
        self.subsidyID = subsidyID
        self.person = person
        self.region = region
        self.program = program
        self.basis = basis
        self.firstMonth = firstMonth
        self.monthlyAmount = monthlyAmount
        self.applicationID = applicationID
    }

    public var aggregateID: String { subsidyID.uuidString.lowercased() }
}
