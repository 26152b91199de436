import Contracts
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO

/// Allowances (one per person granted), the proofs of life, and what the allowance reads of the
/// register (`elders`: birth date, region, registration, death) — never personal data.
enum AllowanceStore {
    /// A person's allowance.
    struct Allowance: Sendable {
        var id: UUID
        var person: PersonRef
        var firstMonth: YearMonth
        var grantedOn: CivilDate
        /// The month a proof-of-life suspension was announced from; nil when paid.
        var suspendedFrom: YearMonth?
        /// The date of death the allowance stopped for; nil when none (or annulled).
        var diedOn: CivilDate?
    }

    /// What the register holds about a person that the allowance reads.
    struct ElderFacts: Sendable {
        var birthDate: CivilDate
        var region: RegionCode
        var registeredOn: CivilDate
    }

    static func allowance(of person: PersonRef, forUpdate: Bool = false, on connection: PostgresConnection,
                          logger: Logger) async throws -> Allowance? {
        let rows = try await connection.query("""
            SELECT id, to_char(first_month, 'YYYY-MM'), granted_on::text, to_char(suspended_from, 'YYYY-MM'), died_on::text
            FROM allowances WHERE person_ref = \(person.rawValue) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, logger: logger)
        for try await (id, first, granted, suspended, died) in rows.decode((UUID, String, String, String?, String?).self) {
            return Allowance(id: id, person: person, firstMonth: try YearMonth(iso: first), grantedOn: try CivilDate(iso: granted),
                             suspendedFrom: try suspended.map { try YearMonth(iso: $0) }, diedOn: try died.map { try CivilDate(iso: $0) })
        }
        return nil
    }

    static func facts(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> ElderFacts? {
        let rows = try await connection.query("""
            SELECT birth_date::text, region, registered_on::text FROM elders WHERE person_ref = \(person.rawValue)
            """, logger: logger)
        for try await (birth, region, registered) in rows.decode((String, String, String).self) {
            return ElderFacts(birthDate: try CivilDate(iso: birth), region: try RegionCode(region), registeredOn: try CivilDate(iso: registered))
        }
        return nil
    }

    static func proofsOfLife(of person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> [CivilDate] {
        let rows = try await connection.query("""
            SELECT made_on::text FROM allowance_proofs_of_life WHERE person_ref = \(person.rawValue) ORDER BY made_on
            """, logger: logger)
        var days: [CivilDate] = []
        for try await day in rows.decode(String.self) { days.append(try CivilDate(iso: day)) }
        return days
    }

    static func recordProofOfLife(_ id: UUID, person: PersonRef, madeOn: CivilDate, recordedBy: String, on connection: PostgresConnection,
                                  logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO allowance_proofs_of_life (id, person_ref, made_on, recorded_by)
            VALUES (\(id), \(person.rawValue), \(madeOn.iso)::date, \(recordedBy))
            """, logger: logger)
    }

    static func setSuspendedFrom(_ month: YearMonth?, allowance: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE allowances SET suspended_from = \(month?.firstDay.iso)::date WHERE id = \(allowance)
            """, logger: logger)
    }

    static func setDiedOn(_ date: CivilDate?, allowance: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("UPDATE allowances SET died_on = \(date?.iso)::date WHERE id = \(allowance)", logger: logger)
    }

    /// The allowances of people whose register region lies within `region` (recovery-claim listings keep to them).
    static func allowances(within region: RegionCode) -> PostgresQuery {
        let prefix = String(region.significantPrefix)
        return "SELECT a.id FROM allowances a JOIN elders e ON e.person_ref = a.person_ref WHERE starts_with(e.region, \(prefix))"
    }
}
