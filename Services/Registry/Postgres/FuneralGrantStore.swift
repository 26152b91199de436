import Contracts
import Foundation
import Logging
import RegistryDomain

/// `funeral_subsidy_grants`: at most one grant per death (a unique key), so a re-delivered event
/// or a repeated evaluation grants nothing more.
struct FuneralGrantStore: RegistryStore {
    let session: StoreSession
    let logger: Logger

    func find(deathRecord: UUID) async throws -> FuneralGrantRecord? {
        let rows = try await query("""
            SELECT id, basis, items::text, total_fen, granted_on::text, status FROM funeral_subsidy_grants WHERE death_record_id = \(deathRecord)
            """)
        for try await (id, basis, items, total, granted, status) in rows.decode((UUID, String, String, Int64, String, String).self) {
            return FuneralGrantRecord(
                id: id, basis: try FuneralSubsidyBasis(column: "funeral_subsidy_grants.basis", basis),
                items: try EventJSON.decoder.decode([FuneralSubsidyItem].self, from: Data(items.utf8)), total: Money(fen: total),
                grantedOn: try CivilDate(iso: granted), status: try FuneralGrantRecord.Status(column: "funeral_subsidy_grants.status", status))
        }
        return nil
    }

    /// The person and date of a recorded death that has no grant yet; nil when it was annulled,
    /// is unknown, or was granted already.
    func deathAwaitingGrant(_ deathRecord: UUID) async throws -> (person: PersonRef, dateOfDeath: CivilDate)? {
        let rows = try await query("""
            SELECT person_ref, date_of_death::text FROM death_records
            WHERE id = \(deathRecord) AND status = 'recorded'
              AND NOT EXISTS (SELECT 1 FROM funeral_subsidy_grants g WHERE g.death_record_id = \(deathRecord))
            """)
        for try await (person, date) in rows.decode((String, String).self) {
            return (try PersonRef(rawValue: person), try CivilDate(iso: date))
        }
        return nil
    }

    /// Records the grant unless the death has one; whether it did.
    func insertIfNew(id: UUID, deathRecord: UUID, person: PersonRef, basis: FuneralSubsidyBasis, items: [FuneralSubsidyItem],
                     total: Money, grantedOn: CivilDate) async throws -> Bool {
        let itemsJSON = String(decoding: try EventJSON.encoder.encode(items), as: UTF8.self)
        return try await exists("""
            INSERT INTO funeral_subsidy_grants (id, death_record_id, person_ref, basis, items, total_fen, granted_on)
            VALUES (\(id), \(deathRecord), \(person.rawValue), \(basis.rawValue), \(itemsJSON)::jsonb, \(total.fen), \(grantedOn.iso)::date)
            ON CONFLICT (death_record_id) DO NOTHING RETURNING id
            """)
    }

    /// The grant of an annulled death stops (it stays on record).
    func revoke(deathRecord: UUID) async throws {
        try await query("UPDATE funeral_subsidy_grants SET status = 'revoked' WHERE death_record_id = \(deathRecord)")
    }
}
