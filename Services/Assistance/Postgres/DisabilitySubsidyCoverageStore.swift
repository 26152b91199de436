import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// What a coverage count reads: the disabled people Assistance knows in a region, and who is paid.
enum DisabilitySubsidyCoverageStore {
    /// Household members with a disability grade in the counties under `regionPrefix` (as last
    /// verified), one row per person: the facts of the households listing them (any active 低保 case,
    /// any 低保边缘 flag; ``DisabilityHouseholdStanding`` decides), the most severe grade, the most disabled members of
    /// one household, and the certificate type their latest subsidy application recorded. People
    /// whose death Assistance applied (to a case or a subsidy) are left out.
    static func known(regionPrefix: String, on connection: PostgresConnection, logger: Logger) async throws -> [KnownDisabledPerson] {
        let rows = try await connection.query("""
            WITH members AS (
                SELECT h.near_low_income,
                       EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id AND c.status = 'active'
                                 AND c.program = \(AssistanceProgram.minimumLivingAllowance.rawValue)) AS in_minimum_living,
                       m->>'person' AS person, (m->>'disability')::int AS grade,
                       count(*) FILTER (WHERE jsonb_typeof(m->'disability') = 'number') OVER (PARTITION BY h.id) AS disabled_members
                FROM households h CROSS JOIN LATERAL jsonb_array_elements(coalesce(h.verified_members, h.members)) m
                WHERE starts_with(h.region, \(regionPrefix))
            )
            SELECT mb.person, bool_or(mb.in_minimum_living), bool_or(mb.near_low_income), min(mb.grade), max(mb.disabled_members)::int,
                   (SELECT a.certificate->>'type' FROM disability_subsidy_applications a WHERE a.person_ref = mb.person
                    ORDER BY a.submitted_on DESC, a.updated_at DESC LIMIT 1)
            FROM members mb
            WHERE mb.grade IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM disability_subsidies s WHERE s.person_ref = mb.person AND s.died_on IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.departed @> jsonb_build_array(jsonb_build_object('person', mb.person)))
            GROUP BY mb.person
            ORDER BY mb.person
            """, logger: logger)
        var known: [KnownDisabledPerson] = []
        for try await (person, inMinimumLiving, nearLowIncome, grade, disabledMembers, type) in
            rows.decode((String, Bool, Bool, Int, Int, String?).self) {
            guard let grade = DisabilityGrade(rawValue: grade) else {
                throw StoredValueError(column: "households.members.disability", value: String(grade))
            }
            let standing = DisabilityHouseholdStanding.status(hasActiveMinimumLivingCase: inMinimumLiving, nearLowIncome: nearLowIncome)
            known.append(KnownDisabledPerson(person: try PersonRef(rawValue: person), householdStatus: standing, grade: grade,
                                             type: type.flatMap(DisabilityType.init(rawValue:)), disabledMembers: disabledMembers))
        }
        return known
    }

    /// Per kind, the people whose subsidy is due in `month` in the counties under `regionPrefix`
    /// (the roster's rule: within the period, before any stop).
    static func paid(regionPrefix: String, month: YearMonth, on connection: PostgresConnection,
                     logger: Logger) async throws -> [DisabilitySubsidyKind: Set<PersonRef>] {
        let monthDate = month.firstDay.iso
        let rows = try await connection.query("""
            SELECT s.kind, s.person_ref FROM disability_subsidies s
            WHERE starts_with(s.region, \(regionPrefix)) AND s.first_month <= \(monthDate)::date
              AND (s.last_month IS NULL OR s.last_month >= \(monthDate)::date)
              AND (s.suspended_from IS NULL OR s.suspended_from > \(monthDate)::date)
            """, logger: logger)
        var paid: [DisabilitySubsidyKind: Set<PersonRef>] = [:]
        for try await (kind, person) in rows.decode((String, String).self) {
            guard let kind = DisabilitySubsidyKind(rawValue: kind) else { throw StoredValueError(column: "disability_subsidies.kind", value: kind) }
            paid[kind, default: []].insert(try PersonRef(rawValue: person))
        }
        return paid
    }
}
