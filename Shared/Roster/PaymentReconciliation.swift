import Contracts

/// Settles the past after a beneficiary's terms changed: months paid less than due are
/// back-paid, months paid more than due (and not yet claimed) become a recovery claim.
///
/// Rules (of the suite, for every allowance paid by roster; the policy documents do not state
/// them): a death reported after months were paid opens an overpayment-recovery claim for the
/// months after the death; a corrected or annulled death record reverses that and back-pays the
/// missed months. Only months a roster has already run for are settled: later months are simply
/// paid (or not) by their roster.
public enum PaymentReconciliation {
    public struct MonthAmount: Sendable, Hashable {
        public let month: YearMonth
        public let amount: Money

        public init(month: YearMonth, amount: Money) {
            self.month = month
            self.amount = amount
        }
    }

    public struct Settlement: Sendable, Hashable {
        /// Amounts to pay now, in month order.
        public let backPay: [MonthAmount]
        /// Amounts to claim back, in month order.
        public let overpaid: [MonthAmount]

        public var backPayTotal: Money { backPay.reduce(.zero) { $0 + $1.amount } }
        public var overpaidTotal: Money { overpaid.reduce(.zero) { $0 + $1.amount } }
    }

    /// - Parameters:
    ///   - terms: the terms after the change.
    ///   - settledMonths: months whose roster has run (the only months reconciled).
    ///   - paid: what was paid per month (roster payment plus earlier back-payments).
    ///   - claimed: what open recovery claims already cover per month.
    public static func settle(terms: PaymentTerms, settledMonths: Set<YearMonth>, paid: [YearMonth: Money],
                              claimed: [YearMonth: Money]) -> Settlement {
        var backPay: [MonthAmount] = []
        var overpaid: [MonthAmount] = []
        for month in settledMonths.union(paid.keys).sorted() {
            let due = terms.due(in: month)
            let received = paid[month] ?? .zero
            if received < due, settledMonths.contains(month) {
                backPay.append(MonthAmount(month: month, amount: due - received))
            } else if received > due {
                let open = received - due - (claimed[month] ?? .zero)
                if open > .zero { overpaid.append(MonthAmount(month: month, amount: open)) }
            }
        }
        return Settlement(backPay: backPay, overpaid: overpaid)
    }
}
