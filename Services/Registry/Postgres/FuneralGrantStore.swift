import Contracts
import Foundation
import Logging
import RegistryDomain

/// `funeral_subsidy_grants`: at most one grant per death (a unique key), so a re-delivered event
/// or a repeated evaluation creates nothing more; its status moves as ``FreeBasicFuneralStatus``
/// says.
struct FuneralGrantStore: RegistryStore {
    let session: StoreSession
    let logger: Logger

    func find(deathRecord: UUID) async throws -> FuneralGrantRecord? {
        let rows = try await query("""
            SELECT id, basis, items::text, total_fen, status, granted_on::text, cremated_on::text, withdrawn_on::text
            FROM funeral_subsidy_grants WHERE death_record_id = \(deathRecord)
            """)
        typealias Row = (UUID, String, String, Int64, String, String?, String?, String?)
        for try await (id, basis, items, total, status, granted, cremated, withdrawn) in rows.decode(Row.self) {
            return FuneralGrantRecord(
                id: id, basis: try FuneralSubsidyBasis(column: "funeral_subsidy_grants.basis", basis),
                items: try EventJSON.decoder.decode([FuneralSubsidyItem].self, from: Data(items.utf8)), total: Money(fen: total),
                status: try FreeBasicFuneralStatus(column: "funeral_subsidy_grants.status", status),
                grantedOn: try granted.map { try CivilDate(iso: $0) }, crematedOn: try cremated.map { try CivilDate(iso: $0) },
                withdrawnOn: try withdrawn.map { try CivilDate(iso: $0) })
        }
        return nil
    }

    /// Records the grant unless the death has one; whether it did.
    func insertIfNew(_ grant: FuneralGrantRecord, deathRecord: UUID, person: PersonRef) async throws -> Bool {
        let itemsJSON = String(decoding: try EventJSON.encoder.encode(grant.items), as: UTF8.self)
        return try await exists("""
            INSERT INTO funeral_subsidy_grants (id, death_record_id, person_ref, basis, items, total_fen, status, granted_on,
                                                cremated_on, withdrawn_on)
            VALUES (\(grant.id), \(deathRecord), \(person.rawValue), \(grant.basis.rawValue), \(itemsJSON)::jsonb, \(grant.total.fen),
                    \(grant.status.rawValue), \(grant.grantedOn?.iso)::date, \(grant.crematedOn?.iso)::date, \(grant.withdrawnOn?.iso)::date)
            ON CONFLICT (death_record_id) DO NOTHING RETURNING id
            """)
    }

    /// Writes a grant's new status and the days that came with it.
    func update(_ grant: FuneralGrantRecord) async throws {
        try await query("""
            UPDATE funeral_subsidy_grants
            SET status = \(grant.status.rawValue), granted_on = \(grant.grantedOn?.iso)::date,
                cremated_on = \(grant.crematedOn?.iso)::date, withdrawn_on = \(grant.withdrawnOn?.iso)::date
            WHERE id = \(grant.id)
            """)
    }

    /// The grant of an annulled death stops, whatever its status (it stays on record).
    func revoke(deathRecord: UUID) async throws {
        try await query("UPDATE funeral_subsidy_grants SET status = 'revoked' WHERE death_record_id = \(deathRecord)")
    }
}
