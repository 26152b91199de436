import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// Assistance's `benefit-granted` for 特困供养: a registered recipient aged 60 or more gets an
/// application for a public institution and, when a bed is free, an offer for centralised support
/// (集中供养). Seed 003 L13–L14 "优先保障生活不能自理特困人员集中供养"; seed 002 L10 "在满足特困人员集中供养的
/// 前提下…". Runs after ``AssistanceCoverageReactions`` in the same inbox transaction (the recipient is
/// already 特困 in the register): exactly once.
///
/// - Not registered, deceased or under 60 on the day ElderCare learns of the grant: nothing (the
///   register holds the birth date; a recipient registered later is not offered a bed on
///   registration — the caseworker applies for them and the 特困 class puts them first; docs/rules.md).
/// - Already has an open application: that one is used (no second `waiting-list-joined`); one that
///   is offered, admitted or resident already is left as it is.
/// - The offer: in a public 特困 support institution (敬老院) of the person's county first, then a public
///   welfare home (社会福利院), by name; a nursing bed first for someone unable to care for themselves,
///   otherwise a general bed first. No such bed: the application stays queued, first of its class.
/// - Not yet assessed: the application waits for the assessment (`applied`), as every application
///   does; the assessment that queues it makes the offer (``RecordAssessment``).
enum CentralisedSupportOffers {
    /// The institution kinds that take 特困 people for centralised support, in the order tried.
    static let kinds: [InstitutionKind] = [.extremePovertySupport, .welfareHome]

    static func handlers(policy: ElderCarePolicy, clock: ServiceClock, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(BenefitGranted.self) { event, context in
            guard event.program == .extremePoverty else { return }
            let today = clock.today()
            for person in try await inOrderOfNeed(event.recipients, context) {
                try await offer(person, today: today, policy: policy, source: source, context)
            }
        }
        return handlers
    }

    /// The recipients, those unable to care for themselves first (a household's last nursing bed goes
    /// to them, "优先保障生活不能自理特困人员集中供养"), then by person ref so a redelivery would choose alike.
    static func inOrderOfNeed(_ people: [PersonRef], _ context: EventContext) async throws -> [PersonRef] {
        var dependent: Set<PersonRef> = []
        for person in Set(people) {
            let level = try await AssessmentStore.latestLevel(of: person, on: context.connection, logger: context.logger)
            if level?.isUnableToCareForSelf == true { dependent.insert(person) }
        }
        return Set(people).sorted { lhs, rhs in
            let (left, right) = (dependent.contains(lhs), dependent.contains(rhs))
            return left != right ? left : lhs.rawValue < rhs.rawValue
        }
    }

    static func offer(_ person: PersonRef, today: CivilDate, policy: ElderCarePolicy, source: String, _ context: EventContext) async throws {
        let (connection, logger) = (context.connection, context.logger)
        guard let elder = try await ElderStore.lock(person, on: connection, logger: logger), elder.status == .active,
              OlderPerson.includes(elder.residentID, on: today) else { return }
        let open = try await WaitingListStore.entries(of: person, on: connection, logger: logger)
        let entry: StoredWaitingListEntry
        if let existing = open.first {
            entry = existing
        } else {
            let categories = try await ElderCategoryStore.memberships(of: person, on: connection, logger: logger).map(\.category)
            let application = try WaitingListEntry(applicant: elder.residentID, person: person,
                                                   appliedAt: WaitingListPlacement.moment(on: today))
            entry = try await WaitingListPlacement.join(
                application, region: elder.region,
                circumstances: ApplicantCircumstances(categories: Set(categories).union([.extremePoverty]),
                                                      hasDisabilityCertificate: elder.disabilityGrade != nil),
                source: source, on: connection, logger: logger)
        }
        try await offerIfQueued(entry, county: elder.region.county, today: today, policy: policy, source: source,
                                on: connection, logger: logger)
    }

    /// Offers a queued 特困 applicant a bed for centralised support when one is free; the grant's
    /// reaction calls it, and so does an assessment that queues a 特困 elder's application (the grant
    /// came before the assessment).
    static func offerIfQueued(_ entry: StoredWaitingListEntry, county: RegionCode, today: CivilDate, policy: ElderCarePolicy,
                              source: String, on connection: PostgresConnection, logger: Logger) async throws {
        guard entry.entry.state == .queued else { return }
        guard let (institution, bed) = try await freeBed(for: entry, county: county, today: today, policy: policy,
                                                        on: connection, logger: logger) else {
            logger.info("no free bed for centralised support; the application stays queued", metadata: ["entry": "\(entry.id)"])
            return
        }
        _ = try await WaitingListPlacement.offer(entry.id, institution: institution, bed: bed, on: today, centralisedSupport: true,
                                                 policy: policy, checkRegion: { _ in }, source: source, on: connection, logger: logger)
    }

    /// The first public institution of the preferred kinds in `county` that may admit and has a bed
    /// of a suitable type free of outstanding offers; nil when there is none.
    static func freeBed(for entry: StoredWaitingListEntry, county: RegionCode, today: CivilDate, policy: ElderCarePolicy,
                        on connection: PostgresConnection, logger: Logger) async throws -> (UUID, BedType)? {
        let beds = bedTypes(for: entry.latestLevel)
        let institutions = try await InstitutionStore.institutions(within: county, on: connection, logger: logger)
            .filter { $0.institution.ownership == .public }
        for kind in kinds {
            for stored in institutions where stored.institution.kind == kind {
                let standing = try await OperatorStandingStore.standing(
                    of: stored.institution.operatorCode, today: today, requiringRegistration: policy.requireSocialOrgRegistration,
                    on: connection, logger: logger)
                for bed in beds {
                    let reserved = try await WaitingListStore.outstandingOffers(institution: stored.id, bed: bed, excluding: entry.id,
                                                                               on: connection, logger: logger)
                    if policy.admission.mayAdmit(stored.institution, standing: standing, bed: bed, reserved: reserved) {
                        return (stored.id, bed)
                    }
                }
            }
        }
        return nil
    }

    /// Nursing-type beds (护理型床位) for someone unable to care for themselves, general beds for the
    /// others; each may take the other type when theirs is full (a general bed is better than none).
    static func bedTypes(for level: CapabilityLevel?) -> [BedType] {
        level?.isUnableToCareForSelf == true ? [.nursing, .general] : [.general, .nursing]
    }
}
