import Foundation

/// `civil.assistance.benefit-paid.v1`: one case's benefit for one month was paid on a payment roster.
///
/// Published by Assistance for every case on a generated roster (`PaymentRosterGenerated`, same
/// `rosterID`). Keyed by the case id, so a case's payments stay in order with its grant, suspension
/// and termination. Overpayment recovery matches paid months against deaths; ElderCare and
/// ChildProtection confirm the support of the people they serve actually arrived.
public struct BenefitPaid: DomainEvent {
    public static let eventType = EventType(.assistance, "benefit-paid", version: 1)

    /// The roster the payment was made on.
    public var rosterID: UUID
    public var caseID: UUID
    public var program: AssistanceProgram
    /// Every person the payment covers; at least one.
    public var recipients: [PersonRef]
    public var region: RegionCode
    /// The month paid for.
    public var month: YearMonth
    /// The amount paid for the month, in fen.
    public var amount: Money
    /// Whether the household is paid on the urban or the rural standard, for the statistics'
    /// counts per area; absent from payloads of releases before it.
    public var area: UrbanRuralArea?

    public init(rosterID: UUID, caseID: UUID, program: AssistanceProgram, recipients: [PersonRef],
                region: RegionCode, month: YearMonth, amount: Money, area: UrbanRuralArea? = nil) {
        self.rosterID = rosterID
        self.caseID = caseID
        self.program = program
        self.recipients = recipients
        self.region = region
        self.month = month
        self.amount = amount
        self.area = area
    }

    public var aggregateID: String { caseID.uuidString.lowercased() }
}
