import Contracts
import Foundation
import Logging
import RegistryDomain

/// `divorce_applications`: each application's dates, and what ended it (registration or withdrawal).
struct DivorceApplicationStore: RegistryStore {
    let session: StoreSession
    let logger: Logger

    /// Whether the marriage has an application not yet registered, withdrawn or expired on `today`.
    func hasOpenApplication(marriage: UUID, on today: CivilDate) async throws -> Bool {
        try await exists("""
            SELECT id FROM divorce_applications WHERE marriage_id = \(marriage) AND outcome IS NULL AND window_end >= \(today.iso)::date
            """)
    }

    func insert(id: UUID, marriage: UUID, _ divorce: DivorceByAgreement) async throws {
        try await query("""
            INSERT INTO divorce_applications (id, marriage_id, applied_on, cooling_off_last_day, window_start, window_end)
            VALUES (\(id), \(marriage), \(divorce.appliedOn.iso)::date, \(divorce.coolingOffLastDay.iso)::date,
                    \(divorce.registrationWindow.lowerBound.iso)::date, \(divorce.registrationWindow.upperBound.iso)::date)
            """)
    }

    private typealias Row = (UUID, String, String, String, String, String, String, String, String, String, String?, String?, String?)

    /// The application, locked for the rest of the transaction when `lock` is set.
    func find(_ id: UUID, lock: Bool) async throws -> DivorceApplicationRecord? {
        let rows = try await query("""
            SELECT d.marriage_id, m.office, m.party_a_id, m.party_b_id, m.party_a_ref, m.party_b_ref, d.applied_on::text,
                   d.cooling_off_last_day::text, d.window_start::text, d.window_end::text, d.outcome, d.outcome_on::text, d.withdrawn_by
            FROM divorce_applications d JOIN marriages m ON m.id = d.marriage_id WHERE d.id = \(id)
            \(unescaped: lock ? "FOR UPDATE OF d" : "")
            """)
        for try await row in rows.decode(Row.self) { return try Self.record(id, row) }
        return nil
    }

    /// The region of the office that registered the marriage the application ends (its region
    /// scope: an application follows its marriage); nil when unknown.
    func region(of id: UUID) async throws -> RegionCode? {
        let rows = try await query("""
            SELECT m.office FROM divorce_applications d JOIN marriages m ON m.id = d.marriage_id WHERE d.id = \(id)
            """)
        for try await office in rows.decode(String.self) { return try RegistrationOfficeCode(parsing: office).region }
        return nil
    }

    private static func record(_ id: UUID, _ row: Row) throws -> DivorceApplicationRecord {
        let (marriage, office, idA, idB, refA, refB, applied, coolingLast, windowStart, windowEnd, outcome, outcomeOn, withdrawnBy) = row
        var recorded: DivorceByAgreement.Outcome?
        if let outcome, let outcomeOn {
            let date = try CivilDate(iso: outcomeOn)
            if outcome == "registered" {
                recorded = .registered(on: date)
            } else if let withdrawnBy {
                recorded = .withdrawn(on: date, by: try ResidentID(withdrawnBy))
            }
        }
        let divorce = DivorceByAgreement(
            partyA: try ResidentID(idA), partyB: try ResidentID(idB), appliedOn: try CivilDate(iso: applied),
            coolingOffLastDay: try CivilDate(iso: coolingLast),
            registrationWindow: try CivilDate(iso: windowStart)...CivilDate(iso: windowEnd), outcome: recorded)
        return DivorceApplicationRecord(id: id, marriageID: marriage, office: try RegistrationOfficeCode(parsing: office),
                                        partyA: try PersonRef(rawValue: refA), partyB: try PersonRef(rawValue: refB), divorce: divorce)
    }

    func recordWithdrawal(_ id: UUID, by party: ResidentID, on date: CivilDate) async throws {
        try await query("""
            UPDATE divorce_applications SET outcome = 'withdrawn', outcome_on = \(date.iso)::date, withdrawn_by = \(party.rawValue)
            WHERE id = \(id)
            """)
    }

    func recordRegistration(_ id: UUID, on date: CivilDate) async throws {
        try await query("UPDATE divorce_applications SET outcome = 'registered', outcome_on = \(date.iso)::date WHERE id = \(id)")
    }

    /// Closes every application whose window ended before `today` as withdrawn on the day after
    /// its window; returns (application, marriage, that day) for each.
    func expireWindowsEndedBefore(_ today: CivilDate) async throws -> [(application: UUID, marriage: UUID, withdrawnOn: CivilDate)] {
        let rows = try await query("""
            UPDATE divorce_applications SET outcome = 'withdrawn', outcome_on = window_end + 1
            WHERE outcome IS NULL AND window_end < \(today.iso)::date
            RETURNING id, marriage_id, (window_end + 1)::text
            """)
        var expired: [(application: UUID, marriage: UUID, withdrawnOn: CivilDate)] = []
        for try await (application, marriage, day) in rows.decode((UUID, UUID, String).self) {
            expired.append((application, marriage, try CivilDate(iso: day)))
        }
        return expired
    }
}
