import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO
import Roster
import RosterStore

/// Settles an allowance's past after what it owes changed (a death recorded, corrected or
/// annulled; a late proof of life): the shared ``PaymentReconciliation`` compares what
/// ``AllowanceEntitlement`` now owes each month with what the ledger says was paid; months owed
/// more are back-paid (only months a roster has run for), months paid more than owed and not yet
/// claimed become one recovery claim.
enum AllowanceReconciliation {
    struct Outcome: Sendable {
        var settlement: PaymentReconciliation.Settlement
        var claimID: UUID?
    }

    /// What `recipient` is owed per month, as the shared roster's terms: one step per month of
    /// `months` (a month owing nothing is a zero step), so that ``PaymentReconciliation`` reads the
    /// allowance's own rule month by month — tiers by age, standards, death, proofs of life.
    static func terms(for recipient: AllowanceRecipient, schedule: AllowanceSchedule, proofOfLife: ProofOfLifePolicy,
                      months: Set<YearMonth>, fallback: YearMonth) -> PaymentTerms {
        let sorted = months.sorted()
        let first = sorted.first ?? fallback
        let steps = sorted.map { month in
            PaymentTerms.Step(from: month, amount: AllowanceEntitlement.month(month, for: recipient, schedule: schedule,
                                                                              proofOfLife: proofOfLife).amount)
        }
        return PaymentTerms(firstMonth: first, lastMonth: nil, steps: steps, suspendedFrom: nil)
    }

    /// Reconciles the allowance of `recipient` (living in `region`, under `schedule`), writing
    /// back-payments and, for overpaid months, a recovery claim ended on `endedOn` (the death).
    static func settle(_ allowance: AllowanceStore.Allowance, recipient: AllowanceRecipient, region: RegionCode, schedule: AllowanceSchedule,
                       settings: AllowanceSettings, endedOn: CivilDate?, today: CivilDate, cause: UUID?, on connection: PostgresConnection,
                       logger: Logger) async throws -> Outcome {
        let scheme = AllowanceRoster(settings: settings)
        let history = try await PaymentLedger.history(of: allowance.id, program: AllowanceRoster.program, region: region, scheme: scheme,
                                                      on: connection, logger: logger)
        let months = history.settledMonths.union(history.paid.keys)
        let terms = terms(for: recipient, schedule: schedule, proofOfLife: settings.proofOfLife, months: months, fallback: today.yearMonth)
        let settlement = PaymentReconciliation.settle(terms: terms, settledMonths: history.settledMonths, paid: history.paid,
                                                      claimed: history.claimed)
        // A back-payment records its cause; a late proof of life has no event behind it, so its own id stands in.
        try await PaymentLedger.insertBackPayments(settlement.backPay, beneficiaryID: allowance.id, program: AllowanceRoster.program,
                                                   causeEventID: cause ?? UUID(), paidOn: today, on: connection, logger: logger)
        guard !settlement.overpaid.isEmpty, let endedOn else { return Outcome(settlement: settlement, claimID: nil) }
        let claim = UUID()
        try await PaymentLedger.openRecoveryClaim(claim, beneficiaryID: allowance.id, program: AllowanceRoster.program, person: allowance.person,
                                                  endedOn: endedOn, overpaid: settlement.overpaid, total: settlement.overpaidTotal,
                                                  openedOn: today, causeEventID: cause ?? UUID(), on: connection, logger: logger)
        return Outcome(settlement: settlement, claimID: claim)
    }

    /// The recipient and schedule of `allowance` as the register and the county's standards hold
    /// them now; nil when the person is not on the register or the county has no standard.
    static func load(_ allowance: AllowanceStore.Allowance, settings: AllowanceSettings, on connection: PostgresConnection,
                     logger: Logger) async throws -> (AllowanceRecipient, AllowanceSchedule, RegionCode)? {
        guard let facts = try await AllowanceStore.facts(of: allowance.person, on: connection, logger: logger) else { return nil }
        let standards = try await AllowanceStandardStore.schedule(of: facts.region, on: connection, logger: logger)
        guard !standards.isEmpty else { return nil }
        let proofs = try await AllowanceStore.proofsOfLife(of: allowance.person, on: connection, logger: logger)
        let recipient = AllowanceRecipient(bornOn: facts.birthDate, registeredFrom: facts.registeredOn.yearMonth, diedOn: allowance.diedOn,
                                           proofsOfLife: proofs)
        return (recipient, try settings.schedule(standards), facts.region)
    }
}
