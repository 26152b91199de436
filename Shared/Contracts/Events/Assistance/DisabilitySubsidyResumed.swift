import Foundation

/// `civil.assistance.disability-subsidy-resumed.v1`: a disability subsidy stopped by a death is
/// paid again, the withheld months paid back.
///
/// Published by Assistance once per subsidy in reaction to the Registry's `death-record-annulled`
/// (whose event id is `causationEventID`). Keyed by the subsidy id, after its
/// `disability-subsidy-stopped`. The subsidy's roster pays it again from `resumedFrom` (through
/// `lastMonth` when a gradual exit was under way) and `backPayAmount` is paid once for
/// `backPaidMonths` (the withheld months a roster had already run for); the death's recovery
/// claims are dropped.
public struct DisabilitySubsidyResumed: DomainEvent {
    public static let eventType = EventType(.assistance, "disability-subsidy-resumed", version: 1)

    public var subsidyID: UUID
    public var person: PersonRef
    public var region: RegionCode
    public var program: DisabilitySubsidyProgram
    /// The first month the death had left unpaid.
    public var resumedFrom: YearMonth
    /// The last month paid when a gradual exit (渐退) sets one; absent while the subsidy runs on.
    public var lastMonth: YearMonth?
    /// The withheld months paid back, in order; empty when a roster had run for none.
    public var backPaidMonths: [YearMonth]
    /// The total paid back for `backPaidMonths`, in fen.
    public var backPayAmount: Money
    public var causationEventID: UUID?

    public init(subsidyID: UUID, person: PersonRef, region: RegionCode, program: DisabilitySubsidyProgram, resumedFrom: YearMonth,
                lastMonth: YearMonth?, backPaidMonths: [YearMonth], backPayAmount: Money, causationEventID: UUID?) {
        self.subsidyID = subsidyID
        self.person = person
        self.region = region
        self.program = program
        self.resumedFrom = resumedFrom
        self.lastMonth = lastMonth
        self.backPaidMonths = backPaidMonths
        self.backPayAmount = backPayAmount
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { subsidyID.uuidString.lowercased() }
}
