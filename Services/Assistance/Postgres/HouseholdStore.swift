import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// Households as stored: the domain `Household` (members as JSON) plus the membership index
/// (`household_members`) that finds a person's households.
enum HouseholdStore {
    static func insert(_ household: Household, id: UUID, region: RegionCode, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO households (id, region, area, residence, members)
            VALUES (\(id), \(region.rawValue), \(household.area.rawValue), \(try StoredJSON.text(household.residence))::jsonb,
                    \(try StoredJSON.text(household.members))::jsonb)
            """, logger: logger)
        try await connection.query("""
            INSERT INTO household_members (household_id, person_ref)
            SELECT \(id), unnest(\(household.members.map(\.person.rawValue))::text[])
            """, logger: logger)
    }

    /// The household as declared at intake (`verified: false`, what verification starts from) or
    /// as last verified (`verified: true`, what amounts are computed from; the declared one until
    /// a verification ran). Refuses `household.not-found` (404).
    static func load(_ id: UUID, verified: Bool, on connection: PostgresConnection, logger: Logger) async throws -> Household {
        let rows = try await connection.query("""
            SELECT area, residence::text, \(unescaped: verified ? "coalesce(verified_members, members)" : "members")::text
            FROM households WHERE id = \(id)
            """, logger: logger)
        for try await (area, residence, members) in rows.decode((String, String, String).self) {
            return try Household(area: UrbanRural(rawValue: area) ?? .urban,
                                 residence: try StoredJSON.decode([ResidenceBasis].self, from: residence),
                                 members: try StoredJSON.decode([Member].self, from: members))
        }
        throw RuleViolation("household.not-found", "no household \(id)", kind: .notFound)
    }

    /// Replaces the declared members (a change report).
    static func updateDeclared(_ id: UUID, members: [Member], on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE households SET members = \(try StoredJSON.text(members))::jsonb, updated_at = now() WHERE id = \(id)
            """, logger: logger)
    }

    /// A move: the household's new residence bases and the county they make responsible.
    static func move(_ id: UUID, residence: [ResidenceBasis], region: RegionCode, on connection: PostgresConnection,
                     logger: Logger) async throws {
        try await connection.query("""
            UPDATE households SET residence = \(try StoredJSON.text(residence))::jsonb, region = \(region.rawValue), updated_at = now()
            WHERE id = \(id)
            """, logger: logger)
    }

    /// Records the verified members (never the declared ones: a later verification starts again
    /// from the declaration) and, when given, whether the household is near-低保.
    static func updateVerified(_ id: UUID, members: [Member], nearLowIncome: Bool?, on connection: PostgresConnection,
                               logger: Logger) async throws {
        try await connection.query("""
            UPDATE households SET verified_members = \(try StoredJSON.text(members))::jsonb,
                near_low_income = coalesce(\(nearLowIncome), near_low_income), updated_at = now()
            WHERE id = \(id)
            """, logger: logger)
    }

    /// The households listing any of `people` that have a case not terminated.
    static func withCases(listing people: [PersonRef], on connection: PostgresConnection, logger: Logger) async throws -> [UUID] {
        let rows = try await connection.query("""
            SELECT DISTINCT c.household_id FROM cases c JOIN household_members m ON m.household_id = c.household_id
            WHERE m.person_ref = ANY(\(people.map(\.rawValue))) AND c.status <> 'terminated'
            """, logger: logger)
        var households: [UUID] = []
        for try await id in rows.decode(UUID.self) { households.append(id) }
        return households
    }

    /// A household as low-income monitoring sees it.
    struct MonitoredHousehold: Sendable {
        var id: UUID
        var region: RegionCode
        var nearLowIncome: Bool
        /// A case `active`, `exiting` or `suspended`.
        var receivesAssistance: Bool
    }

    /// Every household that lists `person`, the most recently recorded first.
    static func monitored(listing person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> [MonitoredHousehold] {
        let rows = try await connection.query("""
            SELECT h.id, h.region, h.near_low_income,
                   EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id AND c.status IN ('active', 'exiting', 'suspended'))
            FROM households h JOIN household_members m ON m.household_id = h.id
            WHERE m.person_ref = \(person.rawValue)
            ORDER BY h.created_at DESC, h.id
            """, logger: logger)
        var households: [MonitoredHousehold] = []
        for try await (id, region, near, receiving) in rows.decode((UUID, String, Bool, Bool).self) {
            households.append(MonitoredHousehold(id: id, region: try RegionCode(region), nearLowIncome: near, receivesAssistance: receiving))
        }
        return households
    }
}
