import Contracts
import Foundation

/// One beneficiary of one program as a roster sees it: where it is, its terms and what it has
/// been paid. Assistance's beneficiary is a case (a household's 低保 or 特困); ElderCare's will be
/// an elder's allowance.
public struct RosterEntitlement: Sendable, Hashable {
    /// The record the program pays from; with `program`, the payment's key for each month.
    public let beneficiaryID: UUID
    /// The program's name as its events carry it (`minimum-living-allowance`, …).
    public let program: String
    public let region: RegionCode
    public let terms: PaymentTerms
    /// What was paid per month so far: roster payments and back-payments.
    public let paid: [YearMonth: Money]

    /// Refuses an amount of zero or less anywhere in the schedule (`roster.amount-not-positive`):
    /// a month that owes nothing is a suspension or the end of the period, never a zero payment.
    public init(beneficiaryID: UUID, program: String, region: RegionCode, terms: PaymentTerms,
                paid: [YearMonth: Money] = [:]) throws(RuleViolation) {
        if let step = terms.steps.first(where: { $0.amount <= .zero }) {
            throw RuleViolation.invalid("roster.amount-not-positive",
                                        "beneficiary \(beneficiaryID) would be paid \(step.amount) from \(step.from)")
        }
        self.beneficiaryID = beneficiaryID
        self.program = program
        self.region = region
        self.terms = terms
        self.paid = paid
    }
}
