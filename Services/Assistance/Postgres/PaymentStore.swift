import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO
import Roster

/// What a case has been paid and what is claimed back: `payments` (from rosters),
/// `back_payments` and `recovery_claims`.
enum PaymentStore {
    /// What reconciling a case needs to know about its past.
    struct PaymentHistory: Sendable {
        /// Months whose roster has run for the case's region.
        var settledMonths: Set<YearMonth>
        /// Paid per month: roster payments plus earlier back-payments.
        var paid: [YearMonth: Money]
        /// Covered per month by open recovery claims.
        var claimed: [YearMonth: Money]
    }

    static func history(of benefit: BenefitCase, on connection: PostgresConnection, logger: Logger) async throws -> PaymentHistory {
        var history = PaymentHistory(settledMonths: [], paid: [:], claimed: [:])
        let rostered = try await connection.query("""
            SELECT DISTINCT to_char(month, 'YYYY-MM') FROM payment_rosters WHERE starts_with(\(benefit.region.rawValue), region_prefix)
            """, logger: logger)
        for try await month in rostered.decode(String.self) { history.settledMonths.insert(try YearMonth(iso: month)) }
        let payments = try await connection.query("""
            SELECT to_char(month, 'YYYY-MM'), sum(amount_fen)::bigint FROM (
                SELECT month, amount_fen FROM payments WHERE case_id = \(benefit.id)
                UNION ALL SELECT month, amount_fen FROM back_payments WHERE case_id = \(benefit.id)) p
            GROUP BY month
            """, logger: logger)
        for try await (month, fen) in payments.decode((String, Int64).self) { history.paid[try YearMonth(iso: month)] = Money(fen: fen) }
        let claims = try await connection.query("""
            SELECT m.key, sum(m.value::bigint)::bigint FROM recovery_claims c, jsonb_each_text(c.months) m
            WHERE c.case_id = \(benefit.id) AND c.status = 'open' GROUP BY m.key
            """, logger: logger)
        for try await (month, fen) in claims.decode((String, Int64).self) { history.claimed[try YearMonth(iso: month)] = Money(fen: fen) }
        return history
    }

    static func insertBackPayments(_ items: [PaymentReconciliation.MonthAmount], caseID: UUID, causeEventID: UUID, paidOn: CivilDate,
                                   on connection: PostgresConnection, logger: Logger) async throws {
        for item in items {
            try await connection.query("""
                INSERT INTO back_payments (id, case_id, month, amount_fen, cause_event_id, paid_on)
                VALUES (\(UUID()), \(caseID), \(item.month.firstDay.iso)::date, \(item.amount.fen), \(causeEventID), \(paidOn.iso)::date)
                """, logger: logger)
        }
    }

    /// Opens one recovery claim for the overpaid months after `person`'s death.
    static func openRecoveryClaim(_ id: UUID, caseID: UUID, person: PersonRef, dateOfDeath: CivilDate,
                                  overpaid: [PaymentReconciliation.MonthAmount], total: Money, openedOn: CivilDate, causeEventID: UUID,
                                  on connection: PostgresConnection, logger: Logger) async throws {
        let months = Dictionary(uniqueKeysWithValues: overpaid.map { ($0.month.iso, $0.amount.fen) })
        try await connection.query("""
            INSERT INTO recovery_claims (id, case_id, person_ref, date_of_death, months, amount_fen, opened_on, cause_event_id)
            VALUES (\(id), \(caseID), \(person.rawValue), \(dateOfDeath.iso)::date, \(try StoredJSON.text(months))::jsonb,
                    \(total.fen), \(openedOn.iso)::date, \(causeEventID))
            """, logger: logger)
    }

    /// Cancels the open claims of `caseID` about `person` (their death was corrected or annulled).
    static func cancelClaims(caseID: UUID, person: PersonRef, byEvent eventID: UUID, on connection: PostgresConnection,
                             logger: Logger) async throws {
        try await connection.query("""
            UPDATE recovery_claims SET status = 'cancelled', cancelled_by_event_id = \(eventID)
            WHERE case_id = \(caseID) AND person_ref = \(person.rawValue) AND status = 'open'
            """, logger: logger)
    }

    /// A claim to recover what was paid for months after a recipient's death.
    struct RecoveryClaim: Sendable {
        var id: UUID
        var caseID: UUID
        var person: PersonRef
        var dateOfDeath: CivilDate
        /// Amount claimed per month.
        var months: [YearMonth: Money]
        var amount: Money
        var status: RecoveryClaimStatus
        var openedOn: CivilDate
    }

    /// A case's payments, back-payments and recovery claims, each in order.
    struct CaseLedger: Sendable {
        var payments: [PaymentReconciliation.MonthAmount]
        var backPayments: [PaymentReconciliation.MonthAmount]
        var recoveryClaims: [RecoveryClaim]
    }

    static func ledger(of caseID: UUID, on connection: PostgresConnection, logger: Logger) async throws -> CaseLedger {
        var ledger = CaseLedger(payments: [], backPayments: [], recoveryClaims: [])
        let paid = try await connection.query(
            "SELECT to_char(month, 'YYYY-MM'), amount_fen FROM payments WHERE case_id = \(caseID) ORDER BY month", logger: logger)
        for try await (month, fen) in paid.decode((String, Int64).self) {
            ledger.payments.append(PaymentReconciliation.MonthAmount(month: try YearMonth(iso: month), amount: Money(fen: fen)))
        }
        let back = try await connection.query(
            "SELECT to_char(month, 'YYYY-MM'), amount_fen FROM back_payments WHERE case_id = \(caseID) ORDER BY month, paid_on",
            logger: logger)
        for try await (month, fen) in back.decode((String, Int64).self) {
            ledger.backPayments.append(PaymentReconciliation.MonthAmount(month: try YearMonth(iso: month), amount: Money(fen: fen)))
        }
        ledger.recoveryClaims = try await recoveryClaims(status: nil, caseID: caseID, order: "opened_on, id", on: connection, logger: logger)
        return ledger
    }

    /// Recovery claims on cases whose household lives within `region` now, optionally of one
    /// status and one case, newest first (at most 500).
    static func recoveryClaims(status: RecoveryClaimStatus?, caseID: UUID?, within region: RegionCode, on connection: PostgresConnection,
                               logger: Logger) async throws -> [RecoveryClaim] {
        try await recoveryClaims(status: status, caseID: caseID, within: region, order: "opened_on DESC, id LIMIT 500", on: connection,
                                 logger: logger)
    }

    private static func recoveryClaims(status: RecoveryClaimStatus?, caseID: UUID?, within region: RegionCode? = nil, order: String,
                                       on connection: PostgresConnection, logger: Logger) async throws -> [RecoveryClaim] {
        let status = status?.rawValue
        let prefix = region.map { String($0.significantPrefix) }
        let rows = try await connection.query("""
            SELECT id, case_id, person_ref, date_of_death::text, months::text, amount_fen, status, opened_on::text
            FROM recovery_claims
            WHERE (\(status)::text IS NULL OR status = \(status)) AND (\(caseID)::uuid IS NULL OR case_id = \(caseID))
              AND (\(prefix)::text IS NULL OR EXISTS (
                  SELECT 1 FROM cases c JOIN households h ON h.id = c.household_id
                  WHERE c.id = recovery_claims.case_id AND starts_with(h.region, \(prefix))))
            ORDER BY \(unescaped: order)
            """, logger: logger)
        var claims: [RecoveryClaim] = []
        for try await row in rows.decode((UUID, UUID, String, String, String, Int64, String, String).self) {
            guard let claimStatus = RecoveryClaimStatus(rawValue: row.6) else {
                throw StoredValueError(column: "recovery_claims.status", value: row.6)
            }
            var months: [YearMonth: Money] = [:]
            for (month, fen) in try StoredJSON.decode([String: Int64].self, from: row.4) { months[try YearMonth(iso: month)] = Money(fen: fen) }
            claims.append(RecoveryClaim(id: row.0, caseID: row.1, person: try PersonRef(rawValue: row.2), dateOfDeath: try CivilDate(iso: row.3),
                                        months: months, amount: Money(fen: row.5), status: claimStatus,
                                        openedOn: try CivilDate(iso: row.7)))
        }
        return claims
    }
}
