import Contracts

/// What a beneficiary is owed for each month: the period, the amount schedule (every change of
/// amount with the month it took effect) and the suspension. Assistance calls them a case's terms
/// (`CaseTerms`); every allowance paid by roster has them.
///
/// Why a separate type: the roster pays from these terms, and every correction of the past (a
/// death reported late, a death record corrected or annulled) is settled by comparing what the
/// terms say was due with what was actually paid (``PaymentReconciliation``). The schedule keeps
/// every change, so a second change (another member's death, a review) never rewrites what was
/// due before it.
public struct PaymentTerms: Sendable, Hashable {
    /// From `from` on (until the next step), the beneficiary is paid `amount` a month.
    public struct Step: Sendable, Hashable, Codable {
        public let from: YearMonth
        public let amount: Money

        public init(from: YearMonth, amount: Money) {
            self.from = from
            self.amount = amount
        }
    }

    public let firstMonth: YearMonth
    public let lastMonth: YearMonth?
    /// In month order, never empty; the first step starts at `firstMonth`.
    public let steps: [Step]
    /// The first month not paid because of a suspension (death: the month after it).
    public let suspendedFrom: YearMonth?

    public init(firstMonth: YearMonth, lastMonth: YearMonth? = nil, monthlyAmount: Money, suspendedFrom: YearMonth? = nil) {
        self.init(firstMonth: firstMonth, lastMonth: lastMonth, steps: [Step(from: firstMonth, amount: monthlyAmount)],
                  suspendedFrom: suspendedFrom)
    }

    /// One change of amount: `previousAmount` until `amountChangedFrom`, `monthlyAmount` from then on.
    public init(firstMonth: YearMonth, lastMonth: YearMonth? = nil, monthlyAmount: Money, previousAmount: Money?,
                amountChangedFrom: YearMonth?, suspendedFrom: YearMonth? = nil) {
        var steps = [Step(from: firstMonth, amount: previousAmount ?? monthlyAmount)]
        if let amountChangedFrom, previousAmount != nil {
            // A change at or before the first month is simply the amount from the start.
            if amountChangedFrom <= firstMonth { steps = [] }
            steps.append(Step(from: max(amountChangedFrom, firstMonth), amount: monthlyAmount))
        }
        self.init(firstMonth: firstMonth, lastMonth: lastMonth, steps: steps, suspendedFrom: suspendedFrom)
    }

    /// Steps are sorted; the one in force at `firstMonth` starts there, and an empty schedule pays nothing.
    public init(firstMonth: YearMonth, lastMonth: YearMonth?, steps: [Step], suspendedFrom: YearMonth?) {
        // The step in force at the first month starts there; later steps follow in order.
        let sorted = steps.sorted { $0.from < $1.from }
        let opening = sorted.last { $0.from <= firstMonth } ?? sorted.first
        var normalised = [Step(from: firstMonth, amount: opening?.amount ?? .zero)]
        normalised += sorted.filter { $0.from > firstMonth }
        self.firstMonth = firstMonth
        self.lastMonth = lastMonth
        self.steps = normalised
        self.suspendedFrom = suspendedFrom
    }

    /// The amount in force now (the last step).
    public var monthlyAmount: Money { steps.last?.amount ?? .zero }

    /// The month the current amount took effect.
    public var currentAmountFrom: YearMonth { steps.last?.from ?? firstMonth }

    /// The amount before the last change, if the amount ever changed.
    public var previousAmount: Money? { steps.count > 1 ? steps[steps.count - 2].amount : nil }

    /// When the last change took effect, if the amount ever changed.
    public var amountChangedFrom: YearMonth? { steps.count > 1 ? steps.last?.from : nil }

    /// The scheduled amount for `month`, ignoring period and suspension.
    public func amount(in month: YearMonth) -> Money {
        (steps.last { $0.from <= month } ?? steps.first)?.amount ?? .zero
    }

    /// Why nothing is due for `month` (before the period, after it, or from the suspension on);
    /// nil when the scheduled amount is. The one statement of the payable rule in Swift: the
    /// roster's SQL repeats it set-based, and a parity test keeps the two equal.
    public func notDue(in month: YearMonth) -> NotDue? {
        if month < firstMonth { return .notStarted }
        if let lastMonth, month > lastMonth { return .ended }
        if let suspendedFrom, month >= suspendedFrom { return .suspended }
        return nil
    }

    /// The amount due for `month`: zero outside the period and from the suspension on.
    public func due(in month: YearMonth) -> Money {
        notDue(in: month) == nil ? amount(in: month) : .zero
    }
}

/// Why a month owes nothing.
public enum NotDue: String, Sendable, Hashable, CaseIterable {
    /// Before the first payable month.
    case notStarted = "not-started"
    /// After the last payable month (a gradual exit, a termination).
    case ended
    /// From the suspension month on (a death: the month after it).
    case suspended
}

extension PaymentTerms {
    /// The same terms, suspended from `month` (nil lifts the suspension).
    public func suspended(from month: YearMonth?) -> PaymentTerms {
        PaymentTerms(firstMonth: firstMonth, lastMonth: lastMonth, steps: steps, suspendedFrom: month)
    }

    /// The amount changes to `amount` from `month` on; every month before keeps its scheduled
    /// amount, and any change scheduled from `month` or later is replaced.
    public func changingAmount(to amount: Money, from month: YearMonth) -> PaymentTerms {
        var kept = steps.filter { $0.from < month }
        if kept.last?.amount != amount || kept.isEmpty { kept.append(Step(from: max(month, firstMonth), amount: amount)) }
        return PaymentTerms(firstMonth: firstMonth, lastMonth: lastMonth, steps: kept, suspendedFrom: suspendedFrom)
    }

    /// Moves the change that took effect in `old` to `new` (a corrected date of death), keeping
    /// the amount it set; unchanged if no step starts in `old`.
    public func movingChange(from old: YearMonth, to new: YearMonth) -> PaymentTerms {
        guard old != new, old != firstMonth, let index = steps.firstIndex(where: { $0.from == old }) else { return self }
        var moved = steps
        let step = moved.remove(at: index)
        moved.removeAll { $0.from == new }
        moved.append(Step(from: max(new, firstMonth), amount: step.amount))
        return PaymentTerms(firstMonth: firstMonth, lastMonth: lastMonth, steps: moved, suspendedFrom: suspendedFrom)
    }

    /// Undoes the change that took effect in `month` (an annulled death): from `month` on, the
    /// amount in force before it applies again, and later changes are dropped — they were
    /// computed without the person, so the service re-checks them (Assistance re-verifies the case).
    public func revertingChange(from month: YearMonth) -> PaymentTerms {
        guard month != firstMonth, steps.contains(where: { $0.from == month }) else { return self }
        let before = steps.filter { $0.from < month }
        return PaymentTerms(firstMonth: firstMonth, lastMonth: lastMonth, steps: before, suspendedFrom: suspendedFrom)
    }

    /// The same terms, ending after `month` (the last month paid). Never lengthens terms that
    /// already end earlier, and never ends before the month preceding the first.
    public func ending(after month: YearMonth) -> PaymentTerms {
        let last = min(max(month, firstMonth.previous), lastMonth ?? month)
        return PaymentTerms(firstMonth: firstMonth, lastMonth: max(last, firstMonth.previous), steps: steps, suspendedFrom: suspendedFrom)
    }
}
