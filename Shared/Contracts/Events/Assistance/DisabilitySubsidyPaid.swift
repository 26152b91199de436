import Foundation

/// `civil.assistance.disability-subsidy-paid.v1`: one disability subsidy for one month was paid on
/// a disability-subsidy roster (`DisabilitySubsidyRosterGenerated`, same `rosterID`).
///
/// Published by Assistance for every subsidy on a generated roster; a re-run roster pays nobody
/// twice. Keyed by the subsidy id, so its payments stay in order with its grant and stop. Carries
/// the county and the urban/rural area of the household, so the statistics compute coverage
/// ("覆盖率均达到100%") and spending per county and area.
public struct DisabilitySubsidyPaid: DomainEvent {
    public static let eventType = EventType(.assistance, "disability-subsidy-paid", version: 1)

    public var rosterID: UUID
    public var subsidyID: UUID
    public var person: PersonRef
    public var program: DisabilitySubsidyProgram
    /// The county that pays it.
    public var region: RegionCode
    /// The month paid for.
    public var month: YearMonth
    /// The amount paid for the month, in fen.
    public var amount: Money
    /// The urban or rural area of the household the subsidy was granted in.
    public var area: UrbanRuralArea?

    public init(rosterID: UUID, subsidyID: UUID, person: PersonRef, program: DisabilitySubsidyProgram, region: RegionCode,
                month: YearMonth, amount: Money, area: UrbanRuralArea? = nil) {
        self.rosterID = rosterID
        self.subsidyID = subsidyID
        self.person = person
        self.program = program
        self.region = region
        self.month = month
        self.amount = amount
        self.area = area
    }

    public var aggregateID: String { subsidyID.uuidString.lowercased() }
}
