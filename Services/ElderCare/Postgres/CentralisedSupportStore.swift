import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// The 特困 elderly of a region as the centralised-support statistic counts them: read from the
/// register's category memberships, the latest assessments and the waiting list's placements.
enum CentralisedSupportStore {
    /// Every living registered person within `region` (prefix) who is 特困 now, with the level of
    /// their latest assessment and whether they occupy a bed they were placed in from the waiting
    /// list (admitted or resident in a public institution).
    static func extremePoverty(within region: RegionCode, on connection: PostgresConnection,
                               logger: Logger) async throws -> [CentralisedSupport.Person] {
        let prefix = String(region.significantPrefix)
        let category = KeyCategory.extremePoverty.rawValue
        let rows = try await connection.query("""
            SELECT (SELECT a.level FROM assessments a WHERE a.person_ref = e.person_ref
                    ORDER BY a.assessed_on DESC, a.recorded_at DESC LIMIT 1),
                   EXISTS (SELECT 1 FROM waiting_list w WHERE w.person_ref = e.person_ref AND w.state IN ('admitted', 'resident'))
            FROM elders e
            WHERE starts_with(e.region, \(prefix)) AND e.status = 'active'
              AND EXISTS (SELECT 1 FROM elder_category_memberships m WHERE m.person_ref = e.person_ref AND m.category = \(category))
            """, logger: logger)
        var people: [CentralisedSupport.Person] = []
        for try await (level, placed) in rows.decode((String?, Bool).self) {
            people.append(CentralisedSupport.Person(capability: try level.map(AssessmentStore.level(named:)), centralised: placed))
        }
        return people
    }
}
