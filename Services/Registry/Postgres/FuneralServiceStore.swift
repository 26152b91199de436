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
}
