import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO
import RosterStore

/// How the advanced-age allowance (高龄津贴) plugs into the shared roster: one allowance per person
/// (`allowances.id`, the beneficiary), paid monthly on one roster per region with an
/// `allowance-paid` per person and an `allowance-roster-generated` per roster.
///
/// Who is due is computed from the register, never stored: ``AllowanceEntitlement/month(_:for:schedule:proofOfLife:)``
/// in SQL over `elders` (birth date, region, registration, date of death), the county's standard in
/// force that month (`allowance_standards`, `allowance_tiers`) and the proofs of life. The
/// `AllowanceParityTests` keep the SQL equal to the pure rule.
struct AllowanceRoster: RosterScheme {
    static let program = "advanced-age-allowance"

    let settings: AllowanceSettings

    var name: String { "eldercare-allowance" }

    /// Everyone with an allowance due (and covered by a proof of life when required) in `month`.
    func entitlements(regionPrefix: String, month: YearMonth) -> PostgresQuery {
        due(regionPrefix: regionPrefix, month: month, then: """
            SELECT 'advanced-age-allowance'::text AS program, a.id AS beneficiary_id, d.region, d.amount_fen, ARRAY[d.person_ref] AS recipients
            FROM due d JOIN allowances a ON a.person_ref = d.person_ref
            WHERE d.covered
            """)
    }

    /// Allowances of people under `regionPrefix` not stopped by a death.
    func openBeneficiaries(regionPrefix: String) -> PostgresQuery {
        """
        SELECT count(*)::int FROM allowances a JOIN elders e ON e.person_ref = a.person_ref
        WHERE starts_with(e.region, \(regionPrefix)) AND e.date_of_death IS NULL
        """
    }

    /// `allowance-paid`, keyed by the allowance: the JSON `AllowancePaid` encodes.
    var paymentEvent: PaymentEventSQL {
        PaymentEventSQL(type: AllowancePaid.eventType, payload: """
            json_build_object('rosterID', p.roster_id, 'allowanceID', p.beneficiary_id, 'person', p.recipients[1],
                              'region', p.region, 'month', to_char(p.month, 'YYYY-MM'), 'amount', p.amount_fen)
            """)
    }

    func rosterEvent(rosterID: UUID, run: RosterRun) -> any DomainEvent {
        AllowanceRosterGenerated(rosterID: rosterID, region: run.region, month: run.month, paid: run.payments, total: run.total,
                                 skipped: run.skipped, generatedAt: Date())
    }

    /// Grants the allowance to everyone under `regionPrefix` due in `month` who has none yet, with
    /// one `allowance-granted` each (built by PostgreSQL); returns how many.
    func grant(regionPrefix: String, month: YearMonth, today: CivilDate, source: String, on connection: PostgresConnection,
               logger: Logger) async throws -> Int {
        let events = Self.outboxInsert(key: "g.id::text", payload: """
            json_build_object('allowanceID', g.id, 'person', g.person_ref, 'region', g.region,
                              'firstMonth', to_char(g.first_month, 'YYYY-MM'))
            """, from: "granted g")
        let query = due(regionPrefix: regionPrefix, month: month, event: (AllowanceGranted.eventType, source), today: today, then: """
            , granted AS (
                INSERT INTO allowances (id, person_ref, region, first_month, granted_on)
                SELECT gen_random_uuid(), d.person_ref, d.region, d.first_month, (SELECT today FROM params)
                FROM due d WHERE NOT EXISTS (SELECT 1 FROM allowances a WHERE a.person_ref = d.person_ref)
                ON CONFLICT (person_ref) DO NOTHING
                RETURNING id, person_ref, region, first_month
            ), events AS (
                \(events)
            )
            SELECT count(*)::int FROM granted
            """)
        return try await Self.count(query, on: connection, logger: logger)
    }

    /// Marks the allowances under `regionPrefix` that no proof of life covers in `month` as
    /// suspended from it, with one `allowance-suspended` each, unless already marked; returns how
    /// many. Nothing when the county requires no proof of life.
    func suspendUncovered(regionPrefix: String, month: YearMonth, source: String, on connection: PostgresConnection,
                          logger: Logger) async throws -> Int {
        guard settings.proofOfLife.required else { return 0 }
        let events = Self.outboxInsert(key: "m.id::text", payload: """
            json_build_object('allowanceID', m.id, 'person', m.person_ref, 'region', m.region,
                              'firstUnpaidMonth', to_char(m.suspended_from, 'YYYY-MM'), 'reason', 'proof-of-life-missing')
            """, from: "marked m")
        let query = due(regionPrefix: regionPrefix, month: month, event: (AllowanceSuspended.eventType, source), then: """
            , marked AS (
                UPDATE allowances a SET suspended_from = (SELECT month FROM params)
                FROM due d
                WHERE a.person_ref = d.person_ref AND NOT d.covered AND a.suspended_from IS NULL
                RETURNING a.id, a.person_ref, d.region, a.suspended_from
            ), events AS (
                \(events)
            )
            SELECT count(*)::int FROM marked
            """)
        return try await Self.count(query, on: connection, logger: logger)
    }

    /// `WITH params AS (…), …, due AS (…)` — one row of `due` per registered person under
    /// `regionPrefix` owed something in `month` apart from the proof of life: `person_ref, region,
    /// first_month, tier_age, amount_fen, covered` — followed by `then` (more CTEs and the final
    /// statement; static SQL that reads its values from `params`: `month`, `today`, and the event's
    /// `source`, `event_type`, `topic`, `dataschema`).
    ///
    /// The rule, as ``AllowanceEntitlement/month(_:for:schedule:proofOfLife:)`` states it:
    /// not dead before the month (the month of death is paid) — by the register's date of death or
    /// the one the allowance's own reaction to the Registry recorded (`allowances.died_on`), so the
    /// roster stops whichever of the two reactions ran; registered by the month; a county
    /// standard in force (the latest from a month not after it); the tier of the age the schedule
    /// counts (on the last day of the month before, or of the month itself); covered when no proof
    /// of life is required, or the first entitled month or a proof lies within the validity before
    /// the month, or (back-pay) a proof was made after it.
    func due(regionPrefix: String, month: YearMonth, event: (EventType, String)? = nil, today: CivilDate? = nil,
             then: String) -> PostgresQuery {
        let countDay = settings.firstMonthRule == .monthAfterBirthday ? month.previous.lastDay.iso : month.lastDay.iso
        let reachMonths = settings.firstMonthRule == .monthAfterBirthday ? 1 : 0
        let proof = settings.proofOfLife
        return """
            WITH params AS (
                SELECT \(month.firstDay.iso)::date AS month, \(countDay)::date AS count_day, \(regionPrefix)::text AS prefix,
                       \(settings.entitlementAge)::int AS entitlement_age, \(reachMonths)::int AS reach_months,
                       \(proof.required)::bool AS proof_required, \(proof.validityMonths)::int AS validity,
                       \(proof.backPaysAfterLateProof)::bool AS back_pay, \(today?.iso)::date AS today,
                       \(event?.1)::text AS source, \(event?.0.rawValue)::text AS event_type, \(event?.0.topic)::text AS topic,
                       \(event?.0.dataschema)::text AS dataschema
            ), standard AS (
                SELECT DISTINCT ON (s.region) s.region, s.effective_from FROM allowance_standards s, params
                WHERE starts_with(s.region, left(params.prefix, 6)) AND s.effective_from <= params.month
                ORDER BY s.region, s.effective_from DESC
            ), tiers AS (
                SELECT t.region, t.minimum_age, t.amount_fen,
                       coalesce(lead(t.minimum_age) OVER (PARTITION BY t.region ORDER BY t.minimum_age), 100000) AS next_age
                FROM allowance_tiers t JOIN standard s ON s.region = t.region AND s.effective_from = t.effective_from
            ), aged AS (
                SELECT e.person_ref, e.region, e.registered_on, e.birth_date,
                       extract(year FROM p.count_day)::int - extract(year FROM e.birth_date)::int
                         - CASE WHEN (extract(month FROM p.count_day), extract(day FROM p.count_day))
                                     < (extract(month FROM e.birth_date), extract(day FROM e.birth_date)) THEN 1 ELSE 0 END AS age
                FROM elders e CROSS JOIN params p LEFT JOIN allowances al ON al.person_ref = e.person_ref
                WHERE starts_with(e.region, p.prefix) AND e.status IN ('active', 'deceased')
                  AND (e.date_of_death IS NULL OR e.date_of_death >= p.month)
                  AND (al.died_on IS NULL OR al.died_on >= p.month)
                  AND date_trunc('month', e.registered_on) <= p.month
            ), entitled AS (
                SELECT g.person_ref, g.region, t.minimum_age AS tier_age, t.amount_fen,
                       greatest(date_trunc('month', g.registered_on)::date,
                                (date_trunc('month', CASE WHEN extract(day FROM r.reached) <> extract(day FROM g.birth_date)
                                                          THEN r.reached + 1 ELSE r.reached END)
                                 + make_interval(months => p.reach_months))::date) AS first_month
                FROM aged g
                JOIN tiers t ON t.region = left(g.region, 6) AND g.age >= t.minimum_age AND g.age < t.next_age
                CROSS JOIN params p
                CROSS JOIN LATERAL (SELECT (g.birth_date + make_interval(years => p.entitlement_age))::date AS reached) r
            ), due AS (
                SELECT n.person_ref, n.region, n.first_month, n.tier_age, n.amount_fen,
                       CASE WHEN NOT p.proof_required THEN true ELSE (
                           (n.first_month <= p.month AND n.first_month > p.month - make_interval(months => p.validity))
                           OR EXISTS (SELECT 1 FROM allowance_proofs_of_life l
                                      WHERE l.person_ref = n.person_ref AND date_trunc('month', l.made_on) <= p.month
                                        AND date_trunc('month', l.made_on) > p.month - make_interval(months => p.validity))
                           OR (p.back_pay AND EXISTS (SELECT 1 FROM allowance_proofs_of_life l
                                                      WHERE l.person_ref = n.person_ref AND date_trunc('month', l.made_on) > p.month))
                       ) END AS covered
                FROM entitled n CROSS JOIN params p
            )
            \(unescaped: then)
            """
    }

    /// `INSERT INTO outbox (…) SELECT …` of the event in `params`, one per row of `from`, keyed by
    /// the SQL expression `key`, with `payload` (an SQL `json` expression) as its data.
    static func outboxInsert(key: String, payload: String, from: String) -> String {
        """
        INSERT INTO outbox (id, topic, message_key, source, event_type, event_time, subject, dataschema, content_type, extensions, payload)
        SELECT gen_random_uuid(), params.topic, \(key), params.source, params.event_type, now(), \(key), params.dataschema,
               'application/json', '{}'::jsonb, convert_to((\(payload))::text, 'UTF8')
        FROM \(from), params
        """
    }

    static func count(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        for try await count in try await connection.query(query, logger: logger).decode(Int.self) { return count }
        return 0
    }
}
