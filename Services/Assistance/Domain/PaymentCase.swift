import Contracts
import Foundation

/// An active case as the monthly roster sees it.
public struct PaymentCase: Sendable, Hashable {
    public let caseID: UUID
    public let program: AssistanceProgram
    public let region: RegionCode
    /// Monthly household amount.
    public let monthlyAmount: Money
    /// First payable month (the month after approval).
    public let firstMonth: YearMonth
    /// Last payable month, if the case ends (gradual exit, termination).
    public let lastMonth: YearMonth?
    public let suspension: CaseSuspension?
    /// Months already paid, with the amount actually paid.
    public let paidMonths: [YearMonth: Money]
    /// Months already covered by a recovery claim (so a claim is never opened twice).
    public let recoveredMonths: Set<YearMonth>

    /// Refuses a zero or negative amount (`roster.amount-not-positive`) and a last month before the
    /// first (`roster.period-invalid`).
    public init(caseID: UUID, program: AssistanceProgram, region: RegionCode, monthlyAmount: Money,
                firstMonth: YearMonth, lastMonth: YearMonth? = nil, suspension: CaseSuspension? = nil,
                paidMonths: [YearMonth: Money] = [:], recoveredMonths: Set<YearMonth> = []) throws(RuleViolation) {
        guard monthlyAmount > .zero else {
            throw RuleViolation.invalid("roster.amount-not-positive", "case \(caseID) has a monthly amount of \(monthlyAmount)")
        }
        if let lastMonth, lastMonth < firstMonth {
            throw RuleViolation.invalid("roster.period-invalid", "case \(caseID) ends \(lastMonth) before it starts \(firstMonth)")
        }
        self.caseID = caseID
        self.program = program
        self.region = region
        self.monthlyAmount = monthlyAmount
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.suspension = suspension
        self.paidMonths = paidMonths
        self.recoveredMonths = recoveredMonths
    }
}
