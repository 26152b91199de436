import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// `visits`, `visit_follow_ups`, `visit_emergency_modes` and `visit_overdue_notices`.
enum VisitStore {
    struct StoredVisit: Sendable, Hashable {
        let id: UUID
        let person: PersonRef
        let visit: Visit
    }

    struct StoredFollowUp: Sendable, Hashable {
        let id: UUID
        let visitID: UUID
        let person: PersonRef
        var followUp: FollowUp
    }

    /// A person the sweep looks at: what ``VisitDue`` needs.
    struct Candidate: Sendable {
        let person: PersonRef
        let due: VisitDue
    }

    static func insert(_ visit: Visit, id: UUID, person: PersonRef, followUps: [(UUID, FollowUp)],
                       on connection: PostgresConnection, logger: Logger) async throws {
        let flags = visit.riskFlags.sorted().map(\.rawValue)
        try await connection.query("""
            INSERT INTO visits (id, person_ref, visitor_id, visited_on, mode, findings, risk_flags)
            VALUES (\(id), \(person.rawValue), \(visit.visitorID), \(visit.visitedOn.iso)::date, \(visit.mode.rawValue), \(visit.findings), \(flags))
            """, logger: logger)
        for (followUpID, followUp) in followUps {
            try await connection.query("""
                INSERT INTO visit_follow_ups (id, visit_id, person_ref, flag, opened_on)
                VALUES (\(followUpID), \(id), \(person.rawValue), \(followUp.flag.rawValue), \(followUp.openedOn.iso)::date)
                """, logger: logger)
        }
    }

    /// The person's visits, newest first (at most 200).
    static func visits(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> [StoredVisit] {
        let rows = try await connection.query("""
            SELECT id, visitor_id, visited_on::text, mode, findings, risk_flags FROM visits WHERE person_ref = \(person.rawValue)
            ORDER BY visited_on DESC, recorded_at DESC LIMIT 200
            """, logger: logger)
        var visits: [StoredVisit] = []
        for try await (id, visitor, day, mode, findings, flags) in rows.decode((UUID, String, String, String, String, [String]).self) {
            guard let mode = VisitMode(rawValue: mode) else { throw StoredValueError(column: "visits.mode", value: mode) }
            let date = try CivilDate(iso: day)
            // Stored visits passed the rules when recorded; rebuilt as they were (registeredOn/today = the day).
            let visit = try Visit(visitorID: visitor, visitedOn: date, mode: mode, findings: findings,
                                  riskFlags: Set(flags.compactMap(RiskFlag.init(rawValue:))), registeredOn: date, today: date)
            visits.append(StoredVisit(id: id, person: person, visit: visit))
        }
        return visits
    }

    private typealias FollowUpRow = (UUID, UUID, String, String, String, String?, String?, String?)
    private static let followUpColumns = "id, visit_id, person_ref, flag, opened_on::text, closed_on::text, action, closed_by"

    static func followUps(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> [StoredFollowUp] {
        let rows = try await connection.query("""
            SELECT \(unescaped: followUpColumns) FROM visit_follow_ups WHERE person_ref = \(person.rawValue) ORDER BY opened_on DESC, flag
            """, logger: logger)
        var result: [StoredFollowUp] = []
        for try await row in rows.decode(FollowUpRow.self) { result.append(try followUp(row)) }
        return result
    }

    /// The follow-up, locked; refuses `follow-up.not-found` (404).
    static func lockFollowUp(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> StoredFollowUp {
        let rows = try await connection.query("SELECT \(unescaped: followUpColumns) FROM visit_follow_ups WHERE id = \(id) FOR UPDATE",
                                              logger: logger)
        for try await row in rows.decode(FollowUpRow.self) { return try followUp(row) }
        throw RuleViolation("follow-up.not-found", "no follow-up \(id)", kind: .notFound)
    }

    static func close(_ stored: StoredFollowUp, on connection: PostgresConnection, logger: Logger) async throws {
        guard case .closed(let day, let action, let by) = stored.followUp.status else { return }
        try await connection.query("""
            UPDATE visit_follow_ups SET closed_on = \(day.iso)::date, action = \(action), closed_by = \(by) WHERE id = \(stored.id)
            """, logger: logger)
    }

    /// The region of the person a follow-up concerns, for region scope; nil when there is none.
    static func followUpRegion(_ id: UUID, in database: PostgresClient, logger: Logger) async throws -> RegionCode? {
        let rows = try await database.query("""
            SELECT e.region FROM visit_follow_ups f JOIN elders e ON e.person_ref = f.person_ref WHERE f.id = \(id)
            """, logger: logger)
        for try await region in rows.decode(String.self) { return try RegionCode(region) }
        return nil
    }

    private static func followUp(_ row: FollowUpRow) throws -> StoredFollowUp {
        guard let flag = RiskFlag(rawValue: row.3) else { throw StoredValueError(column: "visit_follow_ups.flag", value: row.3) }
        var followUp = FollowUp(flag: flag, openedOn: try CivilDate(iso: row.4))
        if let closed = row.5 { try followUp.close(on: try CivilDate(iso: closed), action: row.6 ?? "", by: row.7 ?? "") }
        return StoredFollowUp(id: row.0, visitID: row.1, person: try PersonRef(rawValue: row.2), followUp: followUp)
    }

    // MARK: Emergency modes

    static func setEmergency(_ mode: EmergencyVisitMode, by userID: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO visit_emergency_modes (region, starts_on, ends_on, reason, set_by)
            VALUES (\(mode.region.rawValue), \(mode.startsOn.iso)::date, \(mode.endsOn?.iso)::date, \(mode.reason), \(userID))
            ON CONFLICT (region) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, reason = EXCLUDED.reason,
                                               set_by = EXCLUDED.set_by
            """, logger: logger)
    }

    static func emergencies(on connection: PostgresConnection, logger: Logger) async throws -> [EmergencyVisitMode] {
        let rows = try await connection.query("SELECT region, starts_on::text, ends_on::text, reason FROM visit_emergency_modes", logger: logger)
        var modes: [EmergencyVisitMode] = []
        for try await (region, starts, ends, reason) in rows.decode((String, String, String?, String).self) {
            modes.append(try EmergencyVisitMode(region: try RegionCode(region), startsOn: try CivilDate(iso: starts),
                                                endsOn: try ends.map { text throws in try CivilDate(iso: text) }, reason: reason))
        }
        return modes
    }

    // MARK: The sweep

    /// Whether the person lives in an institution the waiting list placed them in (admitted or
    /// resident): home visits (探访关爱 of 居家老年人) are then not due.
    static let livesInInstitutionSQL = """
        EXISTS (SELECT 1 FROM waiting_list w WHERE w.person_ref = e.person_ref AND w.state IN ('admitted', 'resident'))
        """

    static func livesInInstitution(_ person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query("""
            SELECT \(unescaped: livesInInstitutionSQL) FROM elders e WHERE e.person_ref = \(person.rawValue)
            """, logger: logger)
        for try await inside in rows.decode(Bool.self) { return inside }
        return false
    }

    /// Every living registered person in at least one category, with their categories, the day
    /// they entered the schedule (their earliest membership still held, not before registration),
    /// their last visit and whether they live in an institution.
    static func candidates(on connection: PostgresConnection, logger: Logger) async throws -> [Candidate] {
        let rows = try await connection.query("""
            SELECT e.person_ref, e.region, e.registered_on::text, array_agg(m.category), min(m.since)::text,
                   (SELECT max(v.visited_on) FROM visits v WHERE v.person_ref = e.person_ref)::text,
                   \(unescaped: livesInInstitutionSQL)
            FROM elders e JOIN elder_category_memberships m ON m.person_ref = e.person_ref
            WHERE e.status = 'active'
            GROUP BY e.person_ref
            """, logger: logger)
        var result: [Candidate] = []
        for try await (person, region, registered, categories, since, last, inside)
            in rows.decode((String, String, String, [String], String, String?, Bool).self) {
            let scheduledSince = max(try CivilDate(iso: since), try CivilDate(iso: registered))
            result.append(Candidate(
                person: try PersonRef(rawValue: person),
                due: VisitDue(categories: Set(categories.compactMap(KeyCategory.init(rawValue:))), region: try RegionCode(region),
                              livesAtHome: !inside, scheduledSince: scheduledSince,
                              lastVisit: try last.map { text throws in try CivilDate(iso: text) })))
        }
        return result
    }

    /// Records that the person's visit due on `dueOn` was found overdue; false when it was before.
    static func noteOverdue(_ person: PersonRef, dueOn: CivilDate, today: CivilDate, on connection: PostgresConnection, logger: Logger) async throws
        -> Bool {
        let rows = try await connection.query("""
            INSERT INTO visit_overdue_notices (person_ref, due_on, noticed_on) VALUES (\(person.rawValue), \(dueOn.iso)::date, \(today.iso)::date)
            ON CONFLICT DO NOTHING RETURNING person_ref
            """, logger: logger)
        for try await _ in rows.decode(String.self) { return true }
        return false
    }

    /// Living people whose age may have made them 高龄 without the register noticing (a birthday
    /// passes with no write): born up to `years` years and a day before `today`, not yet holding it.
    static func reachingAdvancedAge(_ years: Int, today: CivilDate, on connection: PostgresConnection, logger: Logger) async throws -> [PersonRef] {
        let rows = try await connection.query("""
            SELECT person_ref FROM elders e
            WHERE e.status = 'active' AND e.birth_date <= (\(today.iso)::date - make_interval(years => \(years)::int))::date + 1
              AND NOT EXISTS (SELECT 1 FROM elder_category_memberships m WHERE m.person_ref = e.person_ref AND m.category = 'advanced-age')
            """, logger: logger)
        var people: [PersonRef] = []
        for try await person in rows.decode(String.self) { people.append(try PersonRef(rawValue: person)) }
        return people
    }
}
