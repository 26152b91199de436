import Foundation

/// `civil.assistance.case-rerated.v1`: a published standard changed what an active case is paid
/// from the month it takes effect (提标), with back-pay for the months already paid at the old amount.
/// Also published when ElderCare's `capability-assessed` moves a 特困 case to another care tier
/// (causation: that event; `standardEffectiveFrom`: the standard in force in `from`).
///
/// Published by Assistance once per case and standard, in the transaction that publishes the
/// standard (after its `standard-published`, the envelope's causation); publishing the same
/// standard again re-rates nobody and publishes nothing. Keyed by the case id, so it stays in order
/// with the case's grant and payments. Consumed by the statistics (the raise reaching recipients)
/// and finance (the back-pay).
public struct CaseRerated: DomainEvent {
    public static let eventType = EventType(.assistance, "case-rerated", version: 1)

    public var caseID: UUID
    public var program: AssistanceProgram
    public var recipients: [PersonRef]
    /// The county the case is paid by.
    public var region: RegionCode
    /// The urban or rural standard the case is paid on.
    public var area: UrbanRuralArea
    /// The effective month of the standard that re-rated the case.
    public var standardEffectiveFrom: YearMonth
    /// The first month whose amount changed (the effective month, or the case's first month if later).
    public var from: YearMonth
    /// The monthly amount for `from` before and after, in fen.
    public var previousAmount: Money
    public var newAmount: Money
    /// Months already paid at the old amount, back-paid the difference now; empty when the
    /// effective month's roster had not run.
    public var backPaidMonths: [YearMonth]
    /// The back-pay, in fen.
    public var backPayAmount: Money

    public init(caseID: UUID, program: AssistanceProgram, recipients: [PersonRef], region: RegionCode, area: UrbanRuralArea,
                standardEffectiveFrom: YearMonth, from: YearMonth, previousAmount: Money, newAmount: Money,
                backPaidMonths: [YearMonth], backPayAmount: Money) {
        self.caseID = caseID
        self.program = program
        self.recipients = recipients
        self.region = region
        self.area = area
        self.standardEffectiveFrom = standardEffectiveFrom
        self.from = from
        self.previousAmount = previousAmount
        self.newAmount = newAmount
        self.backPaidMonths = backPaidMonths
        self.backPayAmount = backPayAmount
    }

    public var aggregateID: String { caseID.uuidString.lowercased() }
}
