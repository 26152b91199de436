import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// The `cases` table: benefit cases with their terms (the amount schedule as JSON).
enum CaseStore {
    static func open(_ benefit: BenefitCase, applicationID: UUID, approvedOn: CivilDate, reviewMonths: Int,
                     on connection: PostgresConnection, logger: Logger) async throws {
        let reviewOn = reviewMonths > 0 ? approvedOn.adding(months: reviewMonths) : nil
        let firstDay = benefit.terms.firstMonth.firstDay.iso
        try await connection.query("""
            INSERT INTO cases (id, application_id, household_id, program, region, recipients, monthly_amount_fen, amount_from,
                               amount_steps, first_month, approved_on, next_review_on)
            VALUES (\(benefit.id), \(applicationID), \(benefit.householdID), \(benefit.program.rawValue),
                    \(benefit.region.rawValue), \(benefit.recipients.map(\.rawValue))::text[], \(benefit.terms.monthlyAmount.fen),
                    \(benefit.terms.currentAmountFrom.firstDay.iso)::date, \(try stepsJSON(benefit.terms.steps))::jsonb,
                    \(firstDay)::date, \(approvedOn.iso)::date, \(reviewOn?.iso)::date)
            """, logger: logger)
    }

    private static let columns = """
        id, household_id, program, region, recipients, monthly_amount_fen, amount_steps::text,
        to_char(amount_from, 'YYYY-MM'), to_char(first_month, 'YYYY-MM'), to_char(last_month, 'YYYY-MM'),
        to_char(suspended_from, 'YYYY-MM'), status, suspension_reason, departed::text
        """

    private typealias Row = (UUID, UUID, String, String, [String], Int64, String, String, String, String?, String?, String, String?, String)

    /// Cases that cover `person` now, or covered them until a recorded death, except terminated
    /// ones; `forUpdate` locks them for the rest of the transaction. `within` keeps only the cases
    /// whose household lives within that region now (an officer's listing; see ``region(of:in:logger:)``).
    static func cases(of person: PersonRef, forUpdate: Bool, within region: RegionCode? = nil, on connection: PostgresConnection,
                      logger: Logger) async throws -> [BenefitCase] {
        let prefix = region.map { String($0.significantPrefix) }
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM cases
            WHERE (recipients @> ARRAY[\(person.rawValue)]::text[] OR departed @> \(#"[{"person":"\#(person.rawValue)"}]"#)::jsonb)
              AND status <> 'terminated'
              AND (\(prefix)::text IS NULL OR EXISTS (
                  SELECT 1 FROM households h WHERE h.id = cases.household_id AND starts_with(h.region, \(prefix))))
            ORDER BY id \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)
        var cases: [BenefitCase] = []
        for try await row in rows.decode(Row.self) { cases.append(try benefitCase(row)) }
        return cases
    }

    /// The region a case is judged by for region scope: its household's current county (a case
    /// has no region of its own to an officer: it follows its household, also after a move). Nil
    /// when there is no such case. One primary-key read of each table.
    static func region(of id: UUID, in database: PostgresClient, logger: Logger) async throws -> RegionCode? {
        let rows = try await database.query("""
            SELECT h.region FROM cases c JOIN households h ON h.id = c.household_id WHERE c.id = \(id)
            """, logger: logger)
        for try await region in rows.decode(String.self) { return try RegionCode(region) }
        return nil
    }

    static func lock(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> BenefitCase {
        try await load(id, forUpdate: true, on: connection, logger: logger)
    }

    /// Refuses `case.not-found` (404).
    static func load(_ id: UUID, forUpdate: Bool, on connection: PostgresConnection, logger: Logger) async throws -> BenefitCase {
        let rows = try await connection.query(
            "SELECT \(unescaped: columns) FROM cases WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")", logger: logger)
        for try await row in rows.decode(Row.self) { return try benefitCase(row) }
        throw RuleViolation("case.not-found", "no case \(id)", kind: .notFound)
    }

    private static func benefitCase(_ row: Row) throws -> BenefitCase {
        func month(_ text: String?) throws -> YearMonth? { try text.map { try YearMonth(iso: $0) } }
        return BenefitCase(
            id: row.0, householdID: row.1, program: AssistanceProgram(rawValue: row.2) ?? .minimumLivingAllowance,
            region: try RegionCode(row.3), recipients: try row.4.map { try PersonRef(rawValue: $0) },
            terms: CaseTerms(firstMonth: try YearMonth(iso: row.8), lastMonth: try month(row.9),
                             steps: try StoredJSON.decode([CaseTerms.Step].self, from: row.6), suspendedFrom: try month(row.10)),
            status: CaseStatus(rawValue: row.11) ?? .active, suspensionReason: row.12,
            departed: try StoredJSON.decode([Departure].self, from: row.13))
    }

    /// The amount schedule as the `amount_steps` column holds it.
    static func stepsJSON(_ steps: [CaseTerms.Step]) throws -> String {
        try StoredJSON.text(steps)
    }

    static func save(_ benefit: BenefitCase, on connection: PostgresConnection, logger: Logger) async throws {
        let terms = benefit.terms
        try await connection.query("""
            UPDATE cases SET recipients = \(benefit.recipients.map(\.rawValue))::text[], monthly_amount_fen = \(terms.monthlyAmount.fen),
                amount_from = \(terms.currentAmountFrom.firstDay.iso)::date, amount_steps = \(try stepsJSON(terms.steps))::jsonb,
                last_month = \(terms.lastMonth?.firstDay.iso)::date, suspended_from = \(terms.suspendedFrom?.firstDay.iso)::date,
                status = \(benefit.status.rawValue), suspension_reason = \(benefit.suspensionReason),
                departed = \(try StoredJSON.text(benefit.departed))::jsonb
            WHERE id = \(benefit.id)
            """, logger: logger)
    }

    /// 定期核查: every active case of `program` whose review date has come gets one
    /// `periodic-review` task dated `today`, however many intervals were missed, and its next
    /// review date moves past today by whole intervals. Returns how many tasks were opened.
    static func openDueReviews(program: AssistanceProgram, everyMonths months: Int, today: CivilDate,
                               on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let rows = try await connection.query("""
            WITH due AS (
                UPDATE cases SET next_review_on = (
                    SELECT min(d)::date FROM generate_series(next_review_on::timestamp,
                        \(today.iso)::date + make_interval(months => \(months)::int), make_interval(months => \(months)::int)) d
                    WHERE d > \(today.iso)::date)
                WHERE program = \(program.rawValue) AND status = 'active' AND next_review_on <= \(today.iso)::date
                RETURNING id, household_id, next_review_on
            )
            INSERT INTO review_tasks (id, case_id, household_id, kind, reason, due_on, cause_event_id)
            SELECT gen_random_uuid(), id, household_id, 'periodic-review',
                   'periodic review (定期核查) every ' || \(months) || ' months', \(today.iso)::date, NULL
            FROM due RETURNING id
            """, logger: logger)
        var opened = 0
        for try await _ in rows.decode(UUID.self) { opened += 1 }
        return opened
    }

    /// The 特困 person's self-care tier the case is paid on and the day of the assessment that set
    /// it (nil: the application's tier, no assessment yet), locked with the case.
    static func selfCare(of id: UUID, on connection: PostgresConnection,
                         logger: Logger) async throws -> (ability: SelfCareAbility?, assessedOn: CivilDate?) {
        let rows = try await connection.query("""
            SELECT coalesce(c.self_care_ability, a.extras->>'selfCareAbility'), c.self_care_assessed_on::text FROM cases c
            LEFT JOIN applications a ON a.id = c.application_id WHERE c.id = \(id)
            """, logger: logger)
        for try await (tier, day) in rows.decode((String?, String?).self) {
            return (tier.flatMap(SelfCareAbility.init(rawValue:)), try day.map { text throws in try CivilDate(iso: text) })
        }
        return (nil, nil)
    }

    /// Records the tier a capability assessment of `assessedOn` set.
    static func saveSelfCare(_ ability: SelfCareAbility, assessedOn: CivilDate, case id: UUID, on connection: PostgresConnection,
                             logger: Logger) async throws {
        try await connection.query("""
            UPDATE cases SET self_care_ability = \(ability.rawValue), self_care_assessed_on = \(assessedOn.iso)::date WHERE id = \(id)
            """, logger: logger)
    }

    /// A case a standard may re-rate, with the 特困 person's self-care tier: the latest
    /// assessment's, or the application's.
    struct Reratable: Sendable {
        var id: UUID
        var selfCareAbility: SelfCareAbility?
    }

    /// The active cases of the county's households of `area` (the standard they are paid on), in
    /// id order (the order they are locked in).
    static func reratable(county: RegionCode, area: UrbanRural, on connection: PostgresConnection,
                          logger: Logger) async throws -> [Reratable] {
        let rows = try await connection.query("""
            SELECT c.id, coalesce(c.self_care_ability, a.extras->>'selfCareAbility') FROM cases c
            JOIN households h ON h.id = c.household_id
            LEFT JOIN applications a ON a.id = c.application_id
            WHERE starts_with(c.region, \(county.county.rawValue)) AND h.area = \(area.rawValue) AND c.status = 'active'
            ORDER BY c.id
            """, logger: logger)
        var cases: [Reratable] = []
        for try await (id, tier) in rows.decode((UUID, String?).self) {
            cases.append(Reratable(id: id, selfCareAbility: tier.flatMap(SelfCareAbility.init(rawValue:))))
        }
        return cases
    }

    /// A household's move: its cases not terminated are handled, paid and reviewed by `region`
    /// from now on (the rosters select cases by region; a month already paid is not paid again).
    static func move(household: UUID, to region: RegionCode, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE cases SET region = \(region.rawValue) WHERE household_id = \(household) AND status <> 'terminated'
            """, logger: logger)
    }

    /// Cases whose gradual exit (or review) has run its course, i.e. whose last month is before
    /// `today`'s month, are terminated.
    static func terminateEnded(before today: CivilDate, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE cases SET status = 'terminated'
            WHERE status = 'exiting' AND last_month < \(today.yearMonth.firstDay.iso)::date
            """, logger: logger)
    }
}
