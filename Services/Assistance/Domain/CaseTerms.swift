import Contracts

/// What a case owes for each month: its period, its amount (with the month a household change
/// took effect) and its suspension.
///
/// Why a separate type: the roster pays from these terms, and every correction of the past (a
/// death reported late, a death record corrected or annulled) is settled by comparing what the
/// terms say was due with what was actually paid (``PaymentReconciliation``).
public struct CaseTerms: Sendable, Hashable {
    public let firstMonth: YearMonth
    public let lastMonth: YearMonth?
    public let monthlyAmount: Money
    /// The amount before `amountChangedFrom` (a member died or left); nil if it never changed.
    public let previousAmount: Money?
    public let amountChangedFrom: YearMonth?
    /// The first month not paid because of a suspension (death: the month after it).
    public let suspendedFrom: YearMonth?

    public init(firstMonth: YearMonth, lastMonth: YearMonth? = nil, monthlyAmount: Money, previousAmount: Money? = nil,
                amountChangedFrom: YearMonth? = nil, suspendedFrom: YearMonth? = nil) {
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.monthlyAmount = monthlyAmount
        self.previousAmount = previousAmount
        self.amountChangedFrom = amountChangedFrom
        self.suspendedFrom = suspendedFrom
    }

    /// The amount due for `month`: zero outside the period and from the suspension on.
    public func due(in month: YearMonth) -> Money {
        if month < firstMonth { return .zero }
        if let lastMonth, month > lastMonth { return .zero }
        if let suspendedFrom, month >= suspendedFrom { return .zero }
        if let amountChangedFrom, let previousAmount, month < amountChangedFrom { return previousAmount }
        return monthlyAmount
    }
}

extension CaseTerms {
    /// The same terms, suspended from `month` (nil lifts the suspension).
    public func suspended(from month: YearMonth?) -> CaseTerms {
        CaseTerms(firstMonth: firstMonth, lastMonth: lastMonth, monthlyAmount: monthlyAmount, previousAmount: previousAmount,
                  amountChangedFrom: amountChangedFrom, suspendedFrom: month)
    }

    /// The amount changes from `month` on; months before keep the amount paid until now.
    public func changingAmount(to amount: Money, from month: YearMonth) -> CaseTerms {
        CaseTerms(firstMonth: firstMonth, lastMonth: lastMonth, monthlyAmount: amount,
                  previousAmount: amountChangedFrom == nil ? monthlyAmount : previousAmount,
                  amountChangedFrom: month, suspendedFrom: suspendedFrom)
    }

    /// The amount before any change, restored for every month (an annulled departure).
    public func restoringAmount(_ amount: Money) -> CaseTerms {
        CaseTerms(firstMonth: firstMonth, lastMonth: lastMonth, monthlyAmount: amount, previousAmount: nil,
                  amountChangedFrom: nil, suspendedFrom: suspendedFrom)
    }

    /// The same terms, ending after `month` (the last month paid).
    public func ending(after month: YearMonth) -> CaseTerms {
        CaseTerms(firstMonth: firstMonth, lastMonth: max(month, firstMonth.previous), monthlyAmount: monthlyAmount,
                  previousAmount: previousAmount, amountChangedFrom: amountChangedFrom, suspendedFrom: suspendedFrom)
    }
}
