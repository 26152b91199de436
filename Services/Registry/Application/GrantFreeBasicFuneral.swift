import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import RegistryDomain

/// Decides the free basic funeral (惠民殡葬) of a death and moves it along, inside the caller's
/// transaction: a qualifying death gets its grant once, pending until a cremation is recorded,
/// granted (payable, `funeral-subsidy-granted`) by the cremation, withdrawn by a burial without one
/// (``FreeBasicFuneralStatus``).
///
/// It runs whenever the answer may change: when a death is recorded or corrected, when a cremation
/// or a burial is recorded, and when Assistance tells us someone became a recipient (its event may
/// arrive after the death, and after the cremation). Every repetition is a no-op: one grant per
/// death (a unique key), and a status that is already where the facts put it publishes nothing.
///
/// Who qualifies and for how much is decided once, when the grant is first recorded (as before the
/// cremation rule): a benefit ended later with an earlier last day does not undo it.
enum GrantFreeBasicFuneral {
    static func run(
        deathRecord: UUID, policy: FuneralPolicy, source: String, causationID: UUID?, connection: PostgresConnection, logger: Logger
    ) async throws {
        // The lock orders this with the funeral services, corrections and the annulment of the same
        // death (they hold it already; taking it again is free): a cremation recorded while a benefit
        // event is applied is seen by one of the two.
        guard let death = try await DeathRecordStore(connection, logger: logger).find(deathRecord, lock: true),
              death.status == .recorded
        else { return }
        let grants = FuneralGrantStore(connection, logger: logger)
        let disposition = try await FuneralServiceStore(connection, logger: logger).disposition(of: deathRecord)
        let today = CivilDate.today()

        if var grant = try await grants.find(deathRecord: deathRecord) {
            let status = FreeBasicFuneralStatus.status(from: grant.status, disposition: disposition)
            guard status != grant.status else { return }
            grant.move(to: status, disposition: disposition, today: today)
            try await grants.update(grant)
            if status == .granted {
                try await announce(grant, death: death, source: source, causationID: causationID, connection: connection, logger: logger)
            }
            return
        }

        let periods = try await RecipientPeriodStore(connection, logger: logger).periods(of: death.person)
        guard let decision = FreeBasicFuneral.decide(dateOfDeath: death.dateOfDeath, recipientPeriods: periods, policy: policy)
        else { return }
        let items = decision.items.map { FuneralSubsidyItem(service: kind($0.service), amount: $0.amount) }
        var grant = FuneralGrantRecord(id: UUID(), basis: basis(decision.basis), items: items, total: decision.total,
                                       status: .pendingCremation)
        grant.move(to: FreeBasicFuneralStatus.status(from: nil, disposition: disposition), disposition: disposition, today: today)
        guard try await grants.insertIfNew(grant, deathRecord: deathRecord, person: death.person) else { return }
        if grant.status == .granted {
            try await announce(grant, death: death, source: source, causationID: causationID, connection: connection, logger: logger)
        } else {
            logger.info("free basic funeral recorded", metadata: ["death.record": "\(deathRecord)", "status": "\(grant.status.rawValue)"])
        }
    }

    private static func announce(
        _ grant: FuneralGrantRecord, death: DeathRecord, source: String, causationID: UUID?, connection: PostgresConnection, logger: Logger
    ) async throws {
        guard let grantedOn = grant.grantedOn else { return }  // `move(to: .granted…)` always sets it
        try await Outbox.append(
            FuneralSubsidyGranted(grantID: grant.id, person: death.person, deathRecordID: death.id, basis: grant.basis,
                                  services: grant.items, total: grant.total, grantedOn: grantedOn, causationEventID: causationID,
                                  crematedOn: grant.crematedOn),
            source: source, causationID: causationID, on: connection, logger: logger)
        logger.info("free basic funeral granted", metadata: ["death.record": "\(death.id)", "basis": "\(grant.basis.rawValue)"])
    }

    private static func kind(_ service: BasicFuneralService) -> FuneralServiceKind {
        switch service {
        case .transport: .transport
        case .storage: .storage
        case .cremation: .cremation
        case .ashStorage: .ashStorage
        }
    }

    private static func basis(_ basis: FreeBasicFuneral.Basis) -> FuneralSubsidyBasis {
        switch basis {
        case .extremePoverty: .extremePoverty
        case .minimumLivingAllowance: .minimumLivingAllowance
        case .allResidents: .allResidents
        }
    }
}
