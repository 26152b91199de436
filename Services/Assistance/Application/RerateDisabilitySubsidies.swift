import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import Roster
import RosterStore

/// A new amount for a county's subsidy re-rates the active and exiting subsidies paid on it,
/// inside the publication's transaction (``DisabilitySubsidy/rerate(to:from:)``): the new amount
/// from its month, then each amount the county already set for a later month again from that
/// month, so a raise dated before an already-published later one stops where that one starts.
/// Months a roster already paid at the old amount are back-paid the difference; months it paid
/// above a lower amount are claimed back (one recovery claim per subsidy, reason `amount-lowered`,
/// published as `disability-subsidy-recovery-opened`). The same amount again changes no subsidy
/// (the store writes nothing, and the terms are equal), so it claims nothing twice.
enum RerateDisabilitySubsidies {
    /// Re-rates for `standard` (already stored); returns how many subsidies changed.
    static func run(for standard: DisabilitySubsidyStandard, today: CivilDate, cause: UUID, source: String,
                    on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let schedule = try await DisabilitySubsidyStandardStore.schedule(region: standard.region, kind: standard.kind,
                                                                         on: connection, logger: logger)
        let later = schedule.standards.filter { $0.effectiveFrom > standard.effectiveFrom }
        var rerated = 0
        for stored in try await DisabilitySubsidyStore.reratable(region: standard.region, kind: standard.kind,
                                                                 on: connection, logger: logger) {
            var subsidy = stored.subsidy
            let before = subsidy.terms
            _ = subsidy.rerate(to: standard.monthlyAmount, from: standard.effectiveFrom)
            for next in later { _ = subsidy.rerate(to: next.monthlyAmount, from: next.effectiveFrom) }
            guard subsidy.terms != before else { continue }
            try await DisabilitySubsidyStore.save(subsidy, on: connection, logger: logger)
            try await settle(subsidy, from: standard.effectiveFrom, today: today, cause: cause, source: source, on: connection, logger: logger)
            rerated += 1
        }
        if rerated > 0 {
            logger.info("disability subsidies re-rated", metadata: [
                "region": "\(standard.region)", "kind": "\(standard.kind.rawValue)", "from": "\(standard.effectiveFrom)",
                "subsidies": "\(rerated)"])
        }
        return rerated
    }

    /// Months from `month` a roster already paid below the new amount are back-paid the difference,
    /// months it paid above it claimed back (the shared roster's ledger, this scheme's rosters). The
    /// claim's end day is the last day the higher amount was due.
    private static func settle(_ subsidy: DisabilitySubsidy, from month: YearMonth, today: CivilDate, cause: UUID, source: String,
                               on connection: PostgresConnection, logger: Logger) async throws {
        let program = subsidy.kind.program.rawValue
        let history = try await PaymentLedger.history(of: subsidy.id, program: program, region: subsidy.region,
                                                      scheme: DisabilitySubsidyRoster(), on: connection, logger: logger)
        let settlement = PaymentReconciliation.settle(terms: subsidy.terms, settledMonths: history.settledMonths, paid: history.paid,
                                                      claimed: history.claimed)
        try await PaymentLedger.insertBackPayments(settlement.backPay.filter { $0.month >= month }, beneficiaryID: subsidy.id,
                                                   program: program, causeEventID: cause, paidOn: today, on: connection, logger: logger)
        let overpaid = settlement.overpaid.filter { $0.month >= month }
        guard !overpaid.isEmpty else { return }
        let claim = UUID()
        let total = overpaid.reduce(Money.zero) { $0 + $1.amount }
        try await PaymentLedger.openRecoveryClaim(claim, beneficiaryID: subsidy.id, program: program, person: subsidy.person,
                                                  endedOn: month.previous.lastDay, overpaid: overpaid, total: total, openedOn: today,
                                                  causeEventID: cause, reason: .amountLowered, on: connection, logger: logger)
        try await Outbox.append(
            DisabilitySubsidyRecoveryOpened(claimID: claim, subsidyID: subsidy.id, person: subsidy.person, region: subsidy.region,
                                            program: subsidy.kind.program, reason: .amountLowered, dateOfDeath: nil, effectiveFrom: month,
                                            months: overpaid.map(\.month), amount: total, causationEventID: cause),
            source: source, causationID: cause, on: connection, logger: logger)
        logger.info("disability subsidy paid above a lower amount: recovery claim opened", metadata: [
            "subsidy": "\(subsidy.id)", "from": "\(month)", "months": "\(overpaid.count)"])
    }
}
