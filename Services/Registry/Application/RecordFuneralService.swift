import Contracts
import Foundation
import Logging
import Persistence
import RegistryDomain
import ServiceKit

/// Records one funeral service performed for a recorded death. A cremation publishes
/// `cremation-completed`, a burial `burial-completed`; the other services are recorded only.
/// Either of the two may move the free basic funeral: a cremation grants it, a burial without
/// cremation withdraws it (``GrantFreeBasicFuneral``).
enum RecordFuneralService {
    struct Command: Sendable {
        var deathRecord: UUID
        /// `transport`, `storage`, `cremation`, `ash-storage` or `burial`.
        var service: String
        var performedOn: CivilDate
        var cremationCertificateNumber: String?
        var cemeteryPlot: String?
        /// 节地生态安葬.
        var ecoBurial: Bool
        /// The funeral home's or cemetery's region; the death's region when nil.
        var facilityRegion: RegionCode?
    }

    /// The new service record's id.
    static func run(_ command: Command, dependencies: ServiceDependencies, policy: FuneralPolicy, logger: Logger) async throws -> UUID {
        try await dependencies.database.transaction(logger: logger) { connection in
            let death = try await DeathRecordStore(connection, logger: logger).lockRecorded(command.deathRecord)
            let service = try FuneralServiceRecord.validate(
                service: command.service, performedOn: command.performedOn, dateOfDeath: death.dateOfDeath,
                cremationCertificate: command.cremationCertificateNumber, cemeteryPlot: command.cemeteryPlot)
            let facility = command.facilityRegion ?? death.region
            let id = UUID()
            try await FuneralServiceStore(connection, logger: logger).insert(
                id: id, deathRecord: command.deathRecord, service: command.service, performedOn: command.performedOn,
                cremationCertificate: command.cremationCertificateNumber, cemeteryPlot: command.cemeteryPlot,
                ecoBurial: command.ecoBurial, facilityRegion: command.facilityRegion)
            let envelope: CloudEvent
            switch service {
            case .cremation(let certificate):
                envelope = try await Outbox.append(
                    CremationCompleted(serviceRecordID: id, person: death.person, crematedOn: command.performedOn,
                                       cremationCertificateNumber: certificate, facilityRegion: facility),
                    source: dependencies.source, on: connection, logger: logger)
            case .burial(let plot):
                envelope = try await Outbox.append(
                    BurialCompleted(serviceRecordID: id, person: death.person, buriedOn: command.performedOn, cemeteryPlot: plot,
                                    ecoBurial: command.ecoBurial, region: facility),
                    source: dependencies.source, on: connection, logger: logger)
            case .transport, .storage, .ashStorage:
                return id  // recorded, not published; the grant does not depend on them
            }
            try await GrantFreeBasicFuneral.run(deathRecord: command.deathRecord, policy: policy, source: dependencies.source,
                                                causationID: envelope.id, connection: connection, logger: logger)
            return id
        }
    }
}
