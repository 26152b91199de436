import Contracts
import Foundation
import Logging
import RegistryDomain

/// `recipient_periods`: who receives 低保/特困 and when, learnt from Assistance's events (never
/// from its database).
struct RecipientPeriodStore: RegistryStore {
    let session: StoreSession
    let logger: Logger

    /// A benefit case covers `person` from `startsOn` on (open-ended until terminated).
    func recordStart(case caseID: UUID, person: PersonRef, program: RecipientPeriod.Program, startsOn: CivilDate) async throws {
        try await query("""
            INSERT INTO recipient_periods (case_id, person_ref, program, starts_on)
            VALUES (\(caseID), \(person.rawValue), \(program.rawValue), \(startsOn.iso)::date)
            ON CONFLICT (case_id, person_ref) DO UPDATE SET starts_on = EXCLUDED.starts_on, program = EXCLUDED.program
            """)
    }

    func recordEnd(case caseID: UUID, person: PersonRef, lastCoveredDay: CivilDate) async throws {
        try await query("""
            UPDATE recipient_periods SET last_covered_day = \(lastCoveredDay.iso)::date
            WHERE case_id = \(caseID) AND person_ref = \(person.rawValue)
            """)
    }

    /// The person's periods of the programmes the free basic funeral knows (others are skipped).
    func periods(of person: PersonRef) async throws -> [RecipientPeriod] {
        let rows = try await query("""
            SELECT program, starts_on::text, last_covered_day::text FROM recipient_periods WHERE person_ref = \(person.rawValue)
            """)
        var periods: [RecipientPeriod] = []
        for try await (program, from, to) in rows.decode((String, String, String?).self) {
            guard let program = RecipientPeriod.Program(rawValue: program) else { continue }
            periods.append(RecipientPeriod(program: program, from: try CivilDate(iso: from), to: try to.map { try CivilDate(iso: $0) }))
        }
        return periods
    }
}
