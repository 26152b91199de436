import Contracts
import Foundation
import Logging
import PostgresNIO
import Roster

/// What a beneficiary has been paid for a program and what is claimed back: roster payments,
/// back-payments and recovery claims. Reconciling a change of terms reads ``history(of:program:region:scheme:on:logger:)``,
/// asks ``PaymentReconciliation`` and writes its back-payments and claim here.
public enum PaymentLedger {
    /// What reconciling a beneficiary's terms needs to know about its past.
    public struct History: Sendable {
        /// Months whose roster (of the scheme) has run for the beneficiary's region.
        public var settledMonths: Set<YearMonth>
        /// Paid per month: roster payments plus earlier back-payments.
        public var paid: [YearMonth: Money]
        /// Covered per month by open recovery claims.
        public var claimed: [YearMonth: Money]
    }

    public static func history(of beneficiaryID: UUID, program: String, region: RegionCode, scheme: some RosterScheme,
                               on connection: PostgresConnection, logger: Logger) async throws -> History {
        var history = History(settledMonths: [], paid: [:], claimed: [:])
        let rostered = try await connection.query("""
            SELECT DISTINCT to_char(month, 'YYYY-MM') FROM rosters
            WHERE scheme = \(scheme.name) AND starts_with(\(region.rawValue), region_prefix)
            """, logger: logger)
        for try await month in rostered.decode(String.self) { history.settledMonths.insert(try YearMonth(iso: month)) }
        let payments = try await connection.query("""
            SELECT to_char(month, 'YYYY-MM'), sum(amount_fen)::bigint FROM (
                SELECT month, amount_fen FROM roster_payments WHERE beneficiary_id = \(beneficiaryID) AND program = \(program)
                UNION ALL
                SELECT month, amount_fen FROM roster_back_payments WHERE beneficiary_id = \(beneficiaryID) AND program = \(program)) p
            GROUP BY month
            """, logger: logger)
        for try await (month, fen) in payments.decode((String, Int64).self) { history.paid[try YearMonth(iso: month)] = Money(fen: fen) }
        let claims = try await connection.query("""
            SELECT m.key, sum(m.value::bigint)::bigint FROM roster_recovery_claims c, jsonb_each_text(c.months) m
            WHERE c.beneficiary_id = \(beneficiaryID) AND c.program = \(program) AND c.status = 'open' GROUP BY m.key
            """, logger: logger)
        for try await (month, fen) in claims.decode((String, Int64).self) { history.claimed[try YearMonth(iso: month)] = Money(fen: fen) }
        return history
    }

    public static func insertBackPayments(_ items: [PaymentReconciliation.MonthAmount], beneficiaryID: UUID, program: String,
                                          causeEventID: UUID, paidOn: CivilDate, on connection: PostgresConnection,
                                          logger: Logger) async throws {
        for item in items {
            try await connection.query("""
                INSERT INTO roster_back_payments (id, beneficiary_id, program, month, amount_fen, cause_event_id, paid_on)
                VALUES (\(UUID()), \(beneficiaryID), \(program), \(item.month.firstDay.iso)::date, \(item.amount.fen), \(causeEventID),
                        \(paidOn.iso)::date)
                """, logger: logger)
        }
    }

    /// Opens one recovery claim for the months overpaid after `person`'s payments should have
    /// ended on `endedOn` (their death), or, with reason `amountLowered`, paid above a lower amount
    /// due from the day after `endedOn` (the last day the higher amount was due).
    public static func openRecoveryClaim(_ id: UUID, beneficiaryID: UUID, program: String, person: PersonRef, endedOn: CivilDate,
                                         overpaid: [PaymentReconciliation.MonthAmount], total: Money, openedOn: CivilDate,
                                         causeEventID: UUID, reason: RecoveryClaimReason = .death,
                                         on connection: PostgresConnection, logger: Logger) async throws {
        let months = Dictionary(uniqueKeysWithValues: overpaid.map { ($0.month.iso, $0.amount.fen) })
        let monthsJSON = String(decoding: try EventJSON.encoder.encode(months), as: UTF8.self)
        try await connection.query("""
            INSERT INTO roster_recovery_claims (id, beneficiary_id, program, person_ref, ended_on, months, amount_fen, opened_on,
                                                cause_event_id, reason)
            VALUES (\(id), \(beneficiaryID), \(program), \(person.rawValue), \(endedOn.iso)::date, \(monthsJSON)::jsonb, \(total.fen),
                    \(openedOn.iso)::date, \(causeEventID), \(reason.rawValue))
            """, logger: logger)
    }

    /// Cancels the open death claims about `person` on the beneficiary's program (the end behind
    /// them was corrected or annulled); a claim for a lower amount stands.
    public static func cancelClaims(beneficiaryID: UUID, program: String, person: PersonRef, byEvent eventID: UUID,
                                    on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE roster_recovery_claims SET status = 'cancelled', cancelled_by_event_id = \(eventID)
            WHERE beneficiary_id = \(beneficiaryID) AND program = \(program) AND person_ref = \(person.rawValue) AND status = 'open'
              AND reason = \(RecoveryClaimReason.death.rawValue)
            """, logger: logger)
    }

    /// A claim to recover what was paid for months after a person's payments should have ended.
    public struct RecoveryClaim: Sendable {
        public var id: UUID
        public var beneficiaryID: UUID
        public var program: String
        public var person: PersonRef
        /// The day after which nothing was due for the person (their death); for a lower amount,
        /// the last day the higher amount was due.
        public var endedOn: CivilDate
        public var reason: RecoveryClaimReason
        /// Amount claimed per month.
        public var months: [YearMonth: Money]
        public var amount: Money
        public var status: RecoveryClaimStatus
        public var openedOn: CivilDate
    }

    /// A beneficiary's payments, back-payments and recovery claims on a program, each in order.
    public struct Ledger: Sendable {
        public var payments: [PaymentReconciliation.MonthAmount]
        public var backPayments: [PaymentReconciliation.MonthAmount]
        public var recoveryClaims: [RecoveryClaim]
    }

    public static func ledger(of beneficiaryID: UUID, program: String, on connection: PostgresConnection,
                              logger: Logger) async throws -> Ledger {
        var ledger = Ledger(payments: [], backPayments: [], recoveryClaims: [])
        let paid = try await connection.query("""
            SELECT to_char(month, 'YYYY-MM'), amount_fen FROM roster_payments
            WHERE beneficiary_id = \(beneficiaryID) AND program = \(program) ORDER BY month
            """, logger: logger)
        for try await (month, fen) in paid.decode((String, Int64).self) {
            ledger.payments.append(PaymentReconciliation.MonthAmount(month: try YearMonth(iso: month), amount: Money(fen: fen)))
        }
        let back = try await connection.query("""
            SELECT to_char(month, 'YYYY-MM'), amount_fen FROM roster_back_payments
            WHERE beneficiary_id = \(beneficiaryID) AND program = \(program) ORDER BY month, paid_on
            """, logger: logger)
        for try await (month, fen) in back.decode((String, Int64).self) {
            ledger.backPayments.append(PaymentReconciliation.MonthAmount(month: try YearMonth(iso: month), amount: Money(fen: fen)))
        }
        let claims = try await connection.query("""
            SELECT \(unescaped: Self.claimColumns) FROM roster_recovery_claims
            WHERE beneficiary_id = \(beneficiaryID) AND program = \(program) ORDER BY opened_on, id
            """, logger: logger)
        ledger.recoveryClaims = try await recoveryClaims(from: claims)
        return ledger
    }

    /// Recovery claims on the beneficiaries `among` selects (a SELECT of `uuid`s: the service's
    /// region filter), optionally of one status and one beneficiary, newest first (at most 500).
    public static func recoveryClaims(status: RecoveryClaimStatus?, beneficiaryID: UUID?, among beneficiaries: PostgresQuery,
                                      on connection: PostgresConnection, logger: Logger) async throws -> [RecoveryClaim] {
        var statement = Statement(embedding: beneficiaries)
        let status = statement.bind(status?.rawValue)
        let beneficiary = statement.bind(beneficiaryID)
        let rows = try await connection.query(statement.query("""
            SELECT \(Self.claimColumns) FROM roster_recovery_claims
            WHERE (\(status)::text IS NULL OR status = \(status)) AND (\(beneficiary)::uuid IS NULL OR beneficiary_id = \(beneficiary))
              AND beneficiary_id IN (\(beneficiaries.sql))
            ORDER BY opened_on DESC, id LIMIT 500
            """), logger: logger)
        return try await recoveryClaims(from: rows)
    }

    private static let claimColumns =
        "id, beneficiary_id, program, person_ref, ended_on::text, months::text, amount_fen, status, opened_on::text, reason"

    private static func recoveryClaims(from rows: PostgresRowSequence) async throws -> [RecoveryClaim] {
        var claims: [RecoveryClaim] = []
        for try await row in rows.decode((UUID, UUID, String, String, String, String, Int64, String, String, String).self) {
            guard let status = RecoveryClaimStatus(rawValue: row.7) else { throw StoredValueError(column: "roster_recovery_claims.status", value: row.7) }
            guard let reason = RecoveryClaimReason(rawValue: row.9) else { throw StoredValueError(column: "roster_recovery_claims.reason", value: row.9) }
            var months: [YearMonth: Money] = [:]
            for (month, fen) in try EventJSON.decoder.decode([String: Int64].self, from: Data(row.5.utf8)) {
                months[try YearMonth(iso: month)] = Money(fen: fen)
            }
            claims.append(RecoveryClaim(id: row.0, beneficiaryID: row.1, program: row.2, person: try PersonRef(rawValue: row.3),
                                        endedOn: try CivilDate(iso: row.4), reason: reason, months: months, amount: Money(fen: row.6), status: status,
                                        openedOn: try CivilDate(iso: row.8)))
        }
        return claims
    }
}

