import Contracts
import Foundation
import Logging
import RegistryDomain

/// `adoptions`: at most one registered adoption per child (a unique partial index).
struct AdoptionStore: RegistryStore {
    let session: StoreSession
    let logger: Logger

    func find(_ id: UUID) async throws -> AdoptionRecord? {
        let rows = try await query("SELECT id, certificate_number, registered_on::text, status FROM adoptions WHERE id = \(id)")
        for try await (id, number, registered, status) in rows.decode((UUID, String, String, String).self) {
            return AdoptionRecord(id: id, certificateNumber: number, registeredOn: try CivilDate(iso: registered),
                                  status: try AdoptionRecord.Status(column: "adoptions.status", status))
        }
        return nil
    }

    /// The region of the office that registered the adoption (its region scope); nil when unknown.
    func region(of id: UUID) async throws -> RegionCode? {
        for try await office in try await query("SELECT office FROM adoptions WHERE id = \(id)").decode(String.self) {
            return try RegistrationOfficeCode(parsing: office).region
        }
        return nil
    }

    /// Registered adoptions with any of `adopters` among the adopters.
    func countRegistered(adoptedBy adopters: [PersonRef]) async throws -> Int {
        try await firstInt("""
            SELECT count(*) FROM adoptions WHERE status = 'registered' AND adopter_refs && \(adopters.map(\.rawValue))
            """)
    }

    func hasRegisteredAdoption(child: PersonRef) async throws -> Bool {
        try await exists("SELECT 1 FROM adoptions WHERE child_ref = \(child.rawValue) AND status = 'registered'")
    }

    func insert(
        id: UUID, office: RegistrationOfficeCode, certificate: CertificateNumber, child: (ResidentID, PersonRef),
        adopters: [(ResidentID, PersonRef)], on date: CivilDate
    ) async throws {
        try await query("""
            INSERT INTO adoptions (id, office, certificate_number, child_id, child_ref, adopter_ids, adopter_refs, registered_on)
            VALUES (\(id), \(office.rawValue), \(certificate.rawValue), \(child.0.rawValue), \(child.1.rawValue),
                    \(adopters.map(\.0.rawValue)), \(adopters.map(\.1.rawValue)), \(date.iso)::date)
            """)
    }

    /// Dissolves a registered adoption; nil when there is no registered adoption `id`.
    func dissolve(
        _ id: UUID, _ dissolution: AdoptionDissolution, on date: CivilDate
    ) async throws -> (record: AdoptionRecord, child: PersonRef, adopters: [PersonRef])? {
        let rows = try await query("""
            UPDATE adoptions SET status = 'dissolved', dissolved_on = \(date.iso)::date, dissolution_basis = \(dissolution.basis.rawValue),
                   dissolution_document = \(dissolution.documentNumber)
            WHERE id = \(id) AND status = 'registered'
            RETURNING certificate_number, registered_on::text, child_ref, adopter_refs
            """)
        for try await (number, registered, child, adopters) in rows.decode((String, String, String, [String]).self) {
            let record = AdoptionRecord(id: id, certificateNumber: number, registeredOn: try CivilDate(iso: registered), status: .dissolved)
            return (record, try PersonRef(rawValue: child), try adopters.map(PersonRef.init(rawValue:)))
        }
        return nil
    }
}
