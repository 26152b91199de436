import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO

/// A benefit case as stored, with its terms.
struct CaseRecord: Sendable {
    var id: UUID
    var householdID: UUID
    var program: AssistanceProgram
    var region: RegionCode
    var recipients: [PersonRef]
    var terms: CaseTerms
    var status: String
    var suspensionReason: String?
    /// Members who died while covered: kept so a corrected or annulled death can be reversed.
    var departed: [Departure]
}

/// A covered person's death as applied to a case.
struct Departure: Codable, Sendable, Equatable {
    var person: PersonRef
    var dateOfDeath: CivilDate
    /// The first month without the person (the month after the death).
    var fromMonth: YearMonth
    /// Whether the person was the case's only recipient (the case was suspended) or a member
    /// of a larger household (the household was recomputed).
    var soleRecipient: Bool
    /// The monthly amount before the departure, restored if the death is annulled.
    var amountBeforeFen: Int64
    var eventID: UUID
}

/// Reads and writes cases, and settles their past payments.
enum CaseLedger {
    static func open(caseID: UUID, application: StoredApplication, recipients: [PersonRef], amount: Money, startsOn: CivilDate,
                     approvedOn: CivilDate, reviewMonths: Int, on connection: PostgresConnection, logger: Logger) async throws {
        let reviewOn = reviewMonths > 0 ? approvedOn.adding(months: reviewMonths) : nil
        let terms = CaseTerms(firstMonth: startsOn.yearMonth, monthlyAmount: amount)
        try await connection.query("""
            INSERT INTO cases (id, application_id, household_id, program, region, recipients, monthly_amount_fen, amount_from,
                               amount_steps, first_month, approved_on, next_review_on)
            VALUES (\(caseID), \(application.id), \(application.householdID), \(application.program.rawValue),
                    \(application.region.rawValue), \(recipients.map(\.rawValue))::text[], \(amount.fen),
                    \(startsOn.yearMonth.firstDay.iso)::date, \(try stepsJSON(terms.steps))::jsonb,
                    \(startsOn.yearMonth.firstDay.iso)::date, \(approvedOn.iso)::date, \(reviewOn?.iso)::date)
            """, logger: logger)
    }

    static let columns = """
        id, household_id, program, region, recipients, monthly_amount_fen, amount_steps::text,
        to_char(amount_from, 'YYYY-MM'), to_char(first_month, 'YYYY-MM'), to_char(last_month, 'YYYY-MM'),
        to_char(suspended_from, 'YYYY-MM'), status, suspension_reason, departed::text
        """

    typealias Row = (UUID, UUID, String, String, [String], Int64, String, String, String, String?, String?, String, String?, String)

    /// Cases that cover `person` now, or covered them until a recorded death; locked for update.
    static func lockCases(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> [CaseRecord] {
        try await cases(of: person, forUpdate: true, on: connection, logger: logger)
    }

    static func cases(of person: PersonRef, forUpdate: Bool, on connection: PostgresConnection, logger: Logger) async throws -> [CaseRecord] {
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM cases
            WHERE (recipients @> ARRAY[\(person.rawValue)]::text[] OR departed @> \(#"[{"person":"\#(person.rawValue)"}]"#)::jsonb)
              AND status <> 'terminated'
            ORDER BY id \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)
        var cases: [CaseRecord] = []
        for try await row in rows.decode(Row.self) { cases.append(try record(row)) }
        return cases
    }

    static func lock(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> CaseRecord {
        try await load(id, forUpdate: true, on: connection, logger: logger)
    }

    static func load(_ id: UUID, forUpdate: Bool, on connection: PostgresConnection, logger: Logger) async throws -> CaseRecord {
        let rows = try await connection.query(
            "SELECT \(unescaped: columns) FROM cases WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")", logger: logger)
        for try await row in rows.decode(Row.self) { return try record(row) }
        throw RuleViolation("case.not-found", "no case \(id)", kind: .notFound)
    }

    static func record(_ row: Row) throws -> CaseRecord {
        func month(_ text: String?) throws -> YearMonth? { try text.map { try YearMonth(iso: $0) } }
        return CaseRecord(
            id: row.0, householdID: row.1, program: AssistanceProgram(rawValue: row.2) ?? .minimumLivingAllowance,
            region: try RegionCode(row.3), recipients: try row.4.map { try PersonRef(rawValue: $0) },
            terms: CaseTerms(firstMonth: try YearMonth(iso: row.8), lastMonth: try month(row.9),
                             steps: try EventJSON.decoder.decode([CaseTerms.Step].self, from: Data(row.6.utf8)),
                             suspendedFrom: try month(row.10)),
            status: row.11, suspensionReason: row.12,
            departed: try EventJSON.decoder.decode([Departure].self, from: Data(row.13.utf8)))
    }

    static func stepsJSON(_ steps: [CaseTerms.Step]) throws -> String {
        String(decoding: try EventJSON.encoder.encode(steps), as: UTF8.self)
    }

    static func save(_ record: CaseRecord, on connection: PostgresConnection, logger: Logger) async throws {
        let departed = String(decoding: try EventJSON.encoder.encode(record.departed), as: UTF8.self)
        try await connection.query("""
            UPDATE cases SET recipients = \(record.recipients.map(\.rawValue))::text[], monthly_amount_fen = \(record.terms.monthlyAmount.fen),
                amount_from = \(record.terms.currentAmountFrom.firstDay.iso)::date, amount_steps = \(try stepsJSON(record.terms.steps))::jsonb,
                last_month = \(record.terms.lastMonth?.firstDay.iso)::date, suspended_from = \(record.terms.suspendedFrom?.firstDay.iso)::date,
                status = \(record.status), suspension_reason = \(record.suspensionReason), departed = \(departed)::jsonb
            WHERE id = \(record.id)
            """, logger: logger)
    }

    /// Compares what the case's terms say was due with what was paid for every month a roster has
    /// run, back-pays shortfalls and opens one recovery claim for unclaimed overpayments.
    static func settle(_ record: CaseRecord, person: PersonRef, dateOfDeath: CivilDate, causeEventID: UUID, today: CivilDate,
                       on connection: PostgresConnection, logger: Logger) async throws -> (PaymentReconciliation.Settlement, UUID?) {
        var settled = Set<YearMonth>()
        let rostered = try await connection.query("""
            SELECT DISTINCT to_char(month, 'YYYY-MM') FROM payment_rosters WHERE starts_with(\(record.region.rawValue), region_prefix)
            """, logger: logger)
        for try await month in rostered.decode(String.self) { settled.insert(try YearMonth(iso: month)) }
        var paid: [YearMonth: Money] = [:]
        let payments = try await connection.query("""
            SELECT to_char(month, 'YYYY-MM'), sum(amount_fen)::bigint FROM (
                SELECT month, amount_fen FROM payments WHERE case_id = \(record.id)
                UNION ALL SELECT month, amount_fen FROM back_payments WHERE case_id = \(record.id)) p
            GROUP BY month
            """, logger: logger)
        for try await (month, fen) in payments.decode((String, Int64).self) { paid[try YearMonth(iso: month)] = Money(fen: fen) }
        var claimed: [YearMonth: Money] = [:]
        let claims = try await connection.query("""
            SELECT m.key, sum(m.value::bigint)::bigint FROM recovery_claims c, jsonb_each_text(c.months) m
            WHERE c.case_id = \(record.id) AND c.status = 'open' GROUP BY m.key
            """, logger: logger)
        for try await (month, fen) in claims.decode((String, Int64).self) { claimed[try YearMonth(iso: month)] = Money(fen: fen) }

        let settlement = PaymentReconciliation.settle(terms: record.terms, settledMonths: settled, paid: paid, claimed: claimed)
        for item in settlement.backPay {
            try await connection.query("""
                INSERT INTO back_payments (id, case_id, month, amount_fen, cause_event_id, paid_on)
                VALUES (\(UUID()), \(record.id), \(item.month.firstDay.iso)::date, \(item.amount.fen), \(causeEventID), \(today.iso)::date)
                """, logger: logger)
        }
        guard !settlement.overpaid.isEmpty else { return (settlement, nil) }
        let claimID = UUID()
        let months = Dictionary(uniqueKeysWithValues: settlement.overpaid.map { ($0.month.iso, $0.amount.fen) })
        try await connection.query("""
            INSERT INTO recovery_claims (id, case_id, person_ref, date_of_death, months, amount_fen, opened_on, cause_event_id)
            VALUES (\(claimID), \(record.id), \(person.rawValue), \(dateOfDeath.iso)::date,
                    \(String(decoding: try JSONEncoder().encode(months), as: UTF8.self))::jsonb, \(settlement.overpaidTotal.fen),
                    \(today.iso)::date, \(causeEventID))
            """, logger: logger)
        return (settlement, claimID)
    }
}
