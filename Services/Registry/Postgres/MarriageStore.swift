import Contracts
import Foundation
import Logging
import RegistryDomain

/// `marriages` and `current_spouses`: one row per person currently married, so that a second
/// marriage of anyone fails on the primary key even across offices.
struct MarriageStore: RegistryStore {
    let session: StoreSession
    let logger: Logger

    private typealias Row = (UUID, String, String, String, String, String, String)
    private static let select = """
        SELECT m.id, c.number, m.office, m.party_a_ref, m.party_b_ref, m.registered_on::text, m.status
        FROM marriages m JOIN certificates c ON c.marriage_id = m.id AND c.kind = 'J' AND c.original_number IS NULL
        """

    private static func record(_ row: Row) throws -> MarriageRecord {
        let (id, number, office, refA, refB, registered, status) = row
        return MarriageRecord(id: id, certificateNumber: number, office: office, partyA: try PersonRef(rawValue: refA),
                              partyB: try PersonRef(rawValue: refB), registeredOn: try CivilDate(iso: registered),
                              status: try MarriageStatus(column: "marriages.status", status))
    }

    func find(_ id: UUID) async throws -> MarriageRecord? {
        for try await row in try await query("\(unescaped: Self.select) WHERE m.id = \(id)").decode(Row.self) {
            return try Self.record(row)
        }
        return nil
    }

    /// The region of the office that registered the marriage (its region scope); nil when unknown.
    func region(of id: UUID) async throws -> RegionCode? {
        for try await office in try await query("SELECT office FROM marriages WHERE id = \(id)").decode(String.self) {
            return try RegistrationOfficeCode(parsing: office).region
        }
        return nil
    }

    /// The marriages registered at `office` on `date`, by certificate number.
    func list(office: RegistrationOfficeCode, on date: CivilDate) async throws -> [MarriageRecord] {
        let rows = try await query("""
            \(unescaped: Self.select) WHERE m.office = \(office.rawValue) AND m.registered_on = \(date.iso)::date
            ORDER BY c.number
            """)
        var records: [MarriageRecord] = []
        for try await row in rows.decode(Row.self) { records.append(try Self.record(row)) }
        return records
    }

    /// Those of `people` the records show currently married.
    func currentlyMarried(_ people: [PersonRef]) async throws -> Set<PersonRef> {
        let rows = try await query("SELECT person_ref FROM current_spouses WHERE person_ref = ANY(\(people.map(\.rawValue)))")
        var married = Set<PersonRef>()
        for try await ref in rows.decode(String.self) { married.insert(try PersonRef(rawValue: ref)) }
        return married
    }

    /// Marriages registered at `office` on `date`: couples served there that day.
    func countRegistered(office: RegistrationOfficeCode, on date: CivilDate) async throws -> Int {
        try await firstInt("SELECT count(*)::int FROM marriages WHERE office = \(office.rawValue) AND registered_on = \(date.iso)::date")
    }

    /// The marriage and both parties' current-spouse rows.
    func insert(
        id: UUID, office: RegistrationOfficeCode, partyA: (ResidentID, PersonRef), partyB: (ResidentID, PersonRef), on date: CivilDate
    ) async throws {
        try await query("""
            INSERT INTO marriages (id, office, party_a_id, party_b_id, party_a_ref, party_b_ref, registered_on)
            VALUES (\(id), \(office.rawValue), \(partyA.0.rawValue), \(partyB.0.rawValue), \(partyA.1.rawValue), \(partyB.1.rawValue),
                    \(date.iso)::date)
            """)
        try await query(
            "INSERT INTO current_spouses (person_ref, marriage_id) VALUES (\(partyA.1.rawValue), \(id)), (\(partyB.1.rawValue), \(id))")
    }

    /// Locks the marriage for the rest of the transaction and reads its parties.
    func lockParties(_ id: UUID) async throws -> MarriageParties? {
        let rows = try await query("""
            SELECT party_a_id, party_b_id, party_a_ref, party_b_ref, office, status FROM marriages WHERE id = \(id) FOR UPDATE
            """)
        for try await (idA, idB, refA, refB, office, status) in rows.decode((String, String, String, String, String, String).self) {
            return MarriageParties(idA: try ResidentID(idA), idB: try ResidentID(idB), refA: try PersonRef(rawValue: refA),
                                   refB: try PersonRef(rawValue: refB), office: try RegistrationOfficeCode(parsing: office),
                                   status: try MarriageStatus(column: "marriages.status", status))
        }
        return nil
    }

    /// Ends a current marriage as `status` on `date` and frees both parties; nil when the
    /// marriage is unknown or no longer current.
    func end(_ id: UUID, as status: MarriageStatus, on date: CivilDate) async throws -> (PersonRef, PersonRef)? {
        let rows = try await query("""
            UPDATE marriages SET status = \(status.rawValue), ended_on = \(date.iso)::date
            WHERE id = \(id) AND status = 'married' RETURNING party_a_ref, party_b_ref
            """)
        for try await (a, b) in rows.decode((String, String).self) {
            try await query("DELETE FROM current_spouses WHERE marriage_id = \(id)")
            return (try PersonRef(rawValue: a), try PersonRef(rawValue: b))
        }
        return nil
    }

    func status(of id: UUID) async throws -> MarriageStatus? {
        for try await status in try await query("SELECT status FROM marriages WHERE id = \(id)").decode(String.self) {
            return try MarriageStatus(column: "marriages.status", status)
        }
        return nil
    }

    func maritalStatus(of person: PersonRef) async throws -> MaritalStatusRecord {
        let current = try await query("SELECT marriage_id FROM current_spouses WHERE person_ref = \(person.rawValue)")
        for try await id in current.decode(UUID.self) {
            return MaritalStatusRecord(person: person, currentMarriage: id, divorced: false)
        }
        let divorces = try await firstInt("""
            SELECT count(*) FROM marriages WHERE status = 'divorced' AND (party_a_ref = \(person.rawValue) OR party_b_ref = \(person.rawValue))
            """)
        return MaritalStatusRecord(person: person, currentMarriage: nil, divorced: divorces > 0)
    }
}
