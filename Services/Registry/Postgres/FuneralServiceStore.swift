import Contracts
import Foundation
import Logging
import RegistryDomain

/// `funeral_services`: every service performed for a recorded death.
struct FuneralServiceStore: RegistryStore {
    let session: StoreSession
    let logger: Logger

    func insert(
        id: UUID, deathRecord: UUID, service: String, performedOn: CivilDate, cremationCertificate: String?, cemeteryPlot: String?,
        ecoBurial: Bool, facilityRegion: RegionCode?
    ) async throws {
        try await query("""
            INSERT INTO funeral_services (id, death_record_id, service, performed_on, cremation_certificate, cemetery_plot,
                                          eco_burial, facility_region)
            VALUES (\(id), \(deathRecord), \(service), \(performedOn.iso)::date, \(cremationCertificate),
                    \(cemeteryPlot), \(ecoBurial), \(facilityRegion?.rawValue))
            """)
    }

    /// What the services recorded for the death say about the body: the first cremation's day, and
    /// whether any burial is recorded.
    func disposition(of deathRecord: UUID) async throws -> BodyDisposition {
        let rows = try await query("""
            SELECT (min(performed_on) FILTER (WHERE service = 'cremation'))::text, bool_or(service = 'burial')
            FROM funeral_services WHERE death_record_id = \(deathRecord)
            """)
        for try await (cremation, burial) in rows.decode((String?, Bool?).self) {
            return BodyDisposition(firstCremation: try cremation.map { try CivilDate(iso: $0) }, burialRecorded: burial ?? false)
        }
        return .undetermined
    }
}
