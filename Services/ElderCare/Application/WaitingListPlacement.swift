import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// The waiting list for public institutions (公建养老机构入住轮候): apply, offer a bed, admit,
/// discharge. Each step is one transaction: the entry, the institution's occupancy and the event.
enum WaitingListPlacement {
    /// The states listed as waiting (`GET /waiting-list`).
    static let waitingStates = ["applied", "queued", "offered"]

    /// Records the application; it is queued at once when the person has been assessed, otherwise
    /// it waits for the assessment (`RecordAssessment`). Refuses an applicant under 60
    /// (`waiting-list.under-60`) and a second open application (`waiting-list.already-open`, 409).
    static func apply(_ applicant: ResidentID, region: RegionCode, circumstances: ApplicantCircumstances, appliedAt: Date,
                      dependencies: ServiceDependencies, logger: Logger) async throws -> StoredWaitingListEntry {
        let person = PersonRef.derive(from: applicant, key: dependencies.personRefKey)
        let entry = try WaitingListEntry(applicant: applicant, person: person, appliedAt: appliedAt)
        return try await dependencies.database.transaction(logger: logger) { connection in
            try await join(entry, region: region, circumstances: circumstances, source: dependencies.source, on: connection, logger: logger)
        }
    }

    /// Stores a new application in the caller's transaction (queued at once when assessed) and
    /// publishes `waiting-list-joined`: the part of ``apply`` a reaction shares.
    static func join(_ entry: WaitingListEntry, region: RegionCode, circumstances: ApplicantCircumstances, source: String,
                     on connection: PostgresConnection, logger: Logger) async throws -> StoredWaitingListEntry {
        var stored = StoredWaitingListEntry(id: UUID(), region: region, entry: entry, circumstances: circumstances, institution: nil,
                                            bed: nil, placedPriority: nil, centralisedSupport: false, latestLevel: nil)
        stored.latestLevel = try await AssessmentStore.latestLevel(of: entry.person, on: connection, logger: logger)
        if let level = stored.latestLevel {
            try stored.entry.apply(.assess(level, on: entry.appliedOn))
            try stored.entry.apply(.queue(on: entry.appliedOn))
        }
        try await WaitingListStore.insert(stored, on: connection, logger: logger)
        try await Outbox.append(
            WaitingListJoined(entryID: stored.id, person: entry.person, region: region, priority: stored.priority.name,
                              appliedOn: entry.appliedOn),
            source: source, on: connection, logger: logger)
        return stored
    }

    /// Offers a bed of `bed` type in `institution`. Refuses a private institution
    /// (`waiting-list.institution-not-public`), one that may not admit or has no bed free of
    /// outstanding offers (``AdmissionGate``), and — unless the offer is for 特困 centralised
    /// support, which is owed, not queued for — an applicant who is not first in the queue of the
    /// institution's county (`waiting-list.not-next`, 409).
    static func offer(_ id: UUID, institution institutionID: UUID, bed: BedType, on day: CivilDate, centralisedSupport: Bool = false,
                      policy: ElderCarePolicy, checkRegion: (RegionCode) throws -> Void, source: String,
                      on connection: PostgresConnection, logger: Logger) async throws -> StoredWaitingListEntry {
        var stored = try await WaitingListStore.load(id, forUpdate: true, on: connection, logger: logger)
        let institution = try await InstitutionStore.load(institutionID, forUpdate: true, on: connection, logger: logger)
        try checkRegion(institution.institution.region)
        guard institution.institution.ownership == .public else {
            throw RuleViolation("waiting-list.institution-not-public",
                                "\(institution.institution.name) is private; the waiting list places people in public institutions")
        }
        guard stored.entry.state == .queued else {
            throw RuleViolation("waiting-list.transition-not-allowed",
                                "an application that is \(stored.entry.state.name) cannot offer", kind: .conflict)
        }
        try await requireAdmitting(institution, bed: bed, excluding: nil, policy: policy, today: day, on: connection, logger: logger)
        if !centralisedSupport {
            let county = institution.institution.region.county
            let queue = try await WaitingListStore.entries(within: county, states: ["queued"], on: connection, logger: logger)
            let candidates = queue.filter { $0.id != stored.id }.map(\.candidate) + [stored.candidate]
            if let first = WaitingListOrder.next(candidates), first.person != stored.entry.person {
                let position = WaitingListOrder.position(of: stored.entry.person, in: candidates) ?? candidates.count
                throw RuleViolation("waiting-list.not-next",
                                    "the applicant is number \(position) in \(county)'s queue; offer the bed to the first", kind: .conflict)
            }
        }
        try stored.entry.apply(.offer(WaitingListOffer(institution: institutionID, bed: bed, offeredOn: day)))
        stored.institution = institutionID
        stored.bed = bed
        stored.placedPriority = stored.priority
        stored.centralisedSupport = centralisedSupport
        try await WaitingListStore.save(stored, on: connection, logger: logger)
        try await Outbox.append(
            PlacementOffered(entryID: id, person: stored.entry.person, region: stored.region, institutionID: institutionID,
                             bed: bed.careBedType, offeredOn: day, centralisedSupport: centralisedSupport),
            source: source, on: connection, logger: logger)
        return stored
    }

    /// Moves the applicant into the bed offered: occupancy +1, `admitted`. Refuses when the
    /// institution may no longer admit (its operator listed since the offer, say).
    static func admit(_ id: UUID, on day: CivilDate, policy: ElderCarePolicy, dependencies: ServiceDependencies,
                      logger: Logger) async throws -> StoredWaitingListEntry {
        try await dependencies.database.transaction(logger: logger) { connection in
            var stored = try await WaitingListStore.load(id, forUpdate: true, on: connection, logger: logger)
            guard case .offered(let offer) = stored.entry.state else {
                throw RuleViolation("waiting-list.transition-not-allowed",
                                    "an application that is \(stored.entry.state.name) cannot admit", kind: .conflict)
            }
            let institution = try await InstitutionStore.load(offer.institution, forUpdate: true, on: connection, logger: logger)
            try await requireAdmitting(institution, bed: offer.bed, excluding: id, policy: policy, today: day, on: connection, logger: logger)
            try stored.entry.apply(.admit(on: day))
            let beds = try institution.institution.beds.occupying(offer.bed, by: 1)
            try await InstitutionStore.saveBeds(offer.institution, beds, changedOn: nil, on: connection, logger: logger)
            try await WaitingListStore.save(stored, on: connection, logger: logger)
            try await Outbox.append(
                ResidentAdmitted(entryID: id, person: stored.entry.person, region: stored.region, institutionID: offer.institution,
                                 bed: offer.bed.careBedType, priority: (stored.placedPriority ?? stored.priority).name, admittedOn: day),
                source: dependencies.source, on: connection, logger: logger)
            return stored
        }
    }

    /// A step on the list that moves no bed and publishes nothing: declining an offer (back in the
    /// queue with the application time kept; the bed is free for the next), confirming residence
    /// after the trial stay, withdrawing before moving in. Refusals are the state machine's
    /// (`waiting-list.transition-not-allowed`, `waiting-list.closed`, `waiting-list.step-before-previous`).
    static func record(_ step: WaitingListStep, _ id: UUID, dependencies: ServiceDependencies, logger: Logger) async throws -> StoredWaitingListEntry {
        try await dependencies.database.transaction(logger: logger) { connection in
            var stored = try await WaitingListStore.load(id, forUpdate: true, on: connection, logger: logger)
            try stored.entry.apply(step)
            switch step {
            case .decline, .withdraw:
                // The offer is gone: its bed no longer counts as promised (AdmissionGate).
                stored.institution = nil
                stored.bed = nil
                stored.placedPriority = nil
                stored.centralisedSupport = false
            default:
                break
            }
            try await WaitingListStore.save(stored, on: connection, logger: logger)
            return stored
        }
    }

    /// The resident leaves: the bed is freed (occupancy −1) and `discharged` published.
    static func discharge(_ stored: inout StoredWaitingListEntry, on day: CivilDate, reason: DischargeReason, cause: UUID?, source: String,
                          on connection: PostgresConnection, logger: Logger) async throws {
        guard stored.entry.state.occupiesBed, let institutionID = stored.institution, let bed = stored.bed else {
            throw RuleViolation("waiting-list.transition-not-allowed",
                                "an application that is \(stored.entry.state.name) cannot discharge", kind: .conflict)
        }
        try stored.entry.apply(.discharge(on: day, reason: reason))
        let institution = try await InstitutionStore.load(institutionID, forUpdate: true, on: connection, logger: logger)
        // A bed report may have lowered occupancy below the placements only through this route's
        // own discharges, so occupancy is at least 1 here; never below 0 all the same.
        if institution.institution.beds.occupied(bed) > 0 {
            try await InstitutionStore.saveBeds(institutionID, try institution.institution.beds.occupying(bed, by: -1), changedOn: nil,
                                                on: connection, logger: logger)
        }
        try await WaitingListStore.save(stored, on: connection, logger: logger)
        try await Outbox.append(
            ResidentDischarged(entryID: stored.id, person: stored.entry.person, region: stored.region, institutionID: institutionID,
                               bed: bed.careBedType, dischargedOn: day, reason: reason.rawValue, causationEventID: cause),
            source: source, causationID: cause, on: connection, logger: logger)
    }

    /// Refuses what ``AdmissionGate`` refuses for a bed of `bed` type, counting the beds other
    /// outstanding offers hold.
    static func requireAdmitting(_ institution: StoredInstitution, bed: BedType, excluding: UUID?, policy: ElderCarePolicy, today: CivilDate,
                                 on connection: PostgresConnection, logger: Logger) async throws {
        let standing = try await OperatorStandingStore.standing(
            of: institution.institution.operatorCode, today: today, requiringRegistration: policy.requireSocialOrgRegistration,
            on: connection, logger: logger)
        let reserved = try await WaitingListStore.outstandingOffers(institution: institution.id, bed: bed, excluding: excluding,
                                                                   on: connection, logger: logger)
        try policy.admission.check(institution.institution, standing: standing, bed: bed, reserved: reserved)
    }

    /// The waiting applications within `region`, first served first.
    static func waiting(within region: RegionCode, dependencies: ServiceDependencies, logger: Logger) async throws -> [StoredWaitingListEntry] {
        let entries = try await dependencies.database.withConnection { connection in
            try await WaitingListStore.entries(within: region, states: waitingStates, on: connection, logger: logger)
        }
        return entries.sorted { WaitingListOrder.precedes($0.candidate, $1.candidate) }
    }

    /// The moment of an application made now on `today` (the service's day, which tests fix): the
    /// time of day now in Beijing on that day, to the millisecond (as the entry's JSON keeps it).
    static func moment(on today: CivilDate, now: Date = Date()) -> Date {
        let beijingOffset: TimeInterval = 8 * 3_600
        let secondsIntoDay = (now.timeIntervalSince1970 + beijingOffset).truncatingRemainder(dividingBy: 86_400)
        let midnight = TimeInterval(today.daysSinceEpoch) * 86_400 - beijingOffset
        return Date(timeIntervalSince1970: ((midnight + secondsIntoDay) * 1_000).rounded(.down) / 1_000)
    }
}
