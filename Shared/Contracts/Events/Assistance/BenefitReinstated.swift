import Foundation

/// `civil.assistance.benefit-reinstated.v1`: Assistance resumed paying a suspended case, paying
/// back the months it withheld.
///
/// Published by Assistance, for instance in reaction to the Registry's `DeathRecordAnnulled` (whose
/// event id is then `causationEventID`) or when a review clears the household. Keyed by the case
/// id, after its `BenefitSuspended`. The payment roster includes the case again from `resumedFrom`
/// and pays `backPayAmount` once; any overpayment recovery opened for the withheld months is dropped;
/// ElderCare and ChildProtection restore the coverage of the people they serve.
public struct BenefitReinstated: DomainEvent {
    public static let eventType = EventType(.assistance, "benefit-reinstated", version: 1)

    public var caseID: UUID
    public var program: AssistanceProgram
    /// Every person the case covers; at least one.
    public var recipients: [PersonRef]
    public var region: RegionCode
    /// The person whose situation caused the suspension now lifted.
    public var person: PersonRef
    /// The first month paid regularly again.
    public var resumedFrom: YearMonth
    /// The withheld months paid back, in order; empty when none were withheld.
    public var backPaidMonths: [YearMonth]
    /// The total paid back for `backPaidMonths`, in fen.
    public var backPayAmount: Money
    /// The id of the event that caused the reinstatement (e.g. a `DeathRecordAnnulled`), if any.
    public var causationEventID: UUID?

    public init(caseID: UUID, program: AssistanceProgram, recipients: [PersonRef], region: RegionCode,
                person: PersonRef, resumedFrom: YearMonth, backPaidMonths: [YearMonth], backPayAmount: Money,
                causationEventID: UUID?) {
        self.caseID = caseID
        self.program = program
        self.recipients = recipients
        self.region = region
        self.person = person
        self.resumedFrom = resumedFrom
        self.backPaidMonths = backPaidMonths
        self.backPayAmount = backPayAmount
        self.causationEventID = causationEventID
    }

    public var aggregateID: String { caseID.uuidString.lowercased() }
}
