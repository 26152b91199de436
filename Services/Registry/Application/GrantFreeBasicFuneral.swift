import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import RegistryDomain

/// Decides the free basic funeral (惠民殡葬) for a death and records it once, inside the caller's
/// transaction.
///
/// It runs whenever the answer may change: when a death is recorded or corrected, and when
/// Assistance tells us someone became a recipient (its event may arrive after the death). The
/// unique grant per death makes every repetition a no-op.
enum GrantFreeBasicFuneral {
    static func run(
        deathRecord: UUID, policy: FuneralPolicy, source: String, causationID: UUID?, connection: PostgresConnection, logger: Logger
    ) async throws {
        let grants = FuneralGrantStore(connection, logger: logger)
        guard let (person, dateOfDeath) = try await grants.deathAwaitingGrant(deathRecord) else { return }
        let periods = try await RecipientPeriodStore(connection, logger: logger).periods(of: person)
        guard let grant = FreeBasicFuneral.decide(dateOfDeath: dateOfDeath, recipientPeriods: periods, policy: policy) else { return }

        let id = UUID()
        let today = CivilDate.today()
        let items = grant.items.map { FuneralSubsidyItem(service: kind($0.service), amount: $0.amount) }
        guard try await grants.insertIfNew(id: id, deathRecord: deathRecord, person: person, basis: basis(grant.basis), items: items,
                                           total: grant.total, grantedOn: today)
        else { return }
        try await Outbox.append(
            FuneralSubsidyGranted(grantID: id, person: person, deathRecordID: deathRecord, basis: basis(grant.basis), services: items,
                                  total: grant.total, grantedOn: today, causationEventID: causationID),
            source: source, causationID: causationID, on: connection, logger: logger)
        logger.info("free basic funeral granted", metadata: ["death.record": "\(deathRecord)", "basis": "\(grant.basis.rawValue)"])
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
