import Contracts
import ElderCareDomain
import Foundation
import Hummingbird
import Persistence
import ServiceKit

/// The waiting list for public institutions (公建养老机构入住轮候) over HTTP: apply, list in
/// priority order, offer a bed, decline it, admit, confirm residence, discharge, withdraw.
enum WaitingListRoutes {
    struct ApplicationRequest: Decodable, Sendable {
        var residentId: String
        /// The county or township where the person applies.
        var region: String
        var circumstances: CircumstancesRequest?
    }

    /// What the caseworker found (``ApplicantCircumstances``); the capability level comes from the
    /// latest assessment, not from here.
    struct CircumstancesRequest: Decodable, Sendable {
        /// Key categories (`extreme-poverty`, `special-family`, `economic-hardship`, `empty-nest`, …).
        var categories: [String]?
        var hasDisabilityCertificate: Bool?
        var withoutFamily: Bool?
        var specialContribution: Bool?
    }

    struct OfferRequest: Decodable, Sendable {
        var institutionId: UUID
        /// `nursing`, `dementia` or `general`.
        var bedType: String
        /// Defaults to today.
        var offeredOn: String?
    }

    struct AdmissionRequest: Decodable, Sendable {
        /// Defaults to today.
        var admittedOn: String?
    }

    /// Declining an offer, confirming residence or withdrawing: the day (defaults to today).
    struct StepRequest: Decodable, Sendable {
        var on: String?
    }

    struct DischargeRequest: Decodable, Sendable {
        /// `left-voluntarily`, `transferred`, `trial-unsuccessful` or `death`.
        var reason: String
        /// Defaults to today.
        var dischargedOn: String?
    }

    struct EntryView: ResponseEncodable {
        var entryId: UUID
        var personRef: String
        var region: String
        var state: String
        var priority: String
        var capability: String?
        var appliedAt: String
        var appliedOn: String
        var institutionId: UUID?
        var bedType: String?
        var centralisedSupport: Bool
        /// 1-based, among the listed applications (`GET /waiting-list` only).
        var position: Int?

        init(_ stored: StoredWaitingListEntry, position: Int? = nil) {
            entryId = stored.id
            personRef = stored.entry.person.rawValue
            region = stored.region.rawValue
            state = stored.entry.state.name
            priority = stored.priority.name
            capability = (stored.latestLevel ?? stored.entry.capability)?.name
            appliedAt = RFC3339.format(stored.entry.appliedAt)
            appliedOn = stored.entry.appliedOn.iso
            institutionId = stored.institution
            bedType = stored.bed?.rawValue
            centralisedSupport = stored.centralisedSupport
            self.position = position
        }
    }

    struct EntryList: ResponseEncodable {
        var entries: [EntryView]
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: ElderCarePolicy, clock: ServiceClock) {
        let entry = PlacementRecordRegions.waitingListEntry(dependencies)
        routes.post("/waiting-list", RoutePolicy(roles: [.caseworker], region: .body("region"))) { request, context -> EditedResponse<EntryView> in
            let body = try await request.decode(as: ApplicationRequest.self, context: context)
            let applicant = try RequestParsing.residentID(body.residentId, field: "residentId")
            let region = try RequestParsing.region(body.region, field: "region")
            let circumstances = try (body.circumstances ?? CircumstancesRequest()).circumstances()
            let stored = try await WaitingListPlacement.apply(applicant, region: region, circumstances: circumstances,
                                                              appliedAt: WaitingListPlacement.moment(on: clock.today()),
                                                              dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: .created, response: EntryView(stored))
        }
        // Without ?region=, the applications within the token's region. Priority classes say who is 特困.
        routes.get("/waiting-list", RoutePolicy(roles: [.caseworker, .auditor], region: .query("region"),
                                                personalData: true)) { request, context -> EntryList in
            let region = try InstitutionRoutes.listingRegion(request, context)
            let waiting = try await WaitingListPlacement.waiting(within: region, dependencies: dependencies, logger: context.logger)
            return EntryList(entries: waiting.enumerated().map { EntryView($0.element, position: $0.offset + 1) })
        }
        routes.get("/waiting-list/:id", RoutePolicy(roles: [.caseworker, .auditor], region: .record, personalData: true),
                   regionOf: entry) { _, context -> EntryView in
            let id = try context.parameters.require("id", as: UUID.self)
            return EntryView(try await dependencies.database.withConnection { connection in
                try await WaitingListStore.load(id, forUpdate: false, on: connection, logger: context.logger)
            })
        }
        // The institution must lie within the caseworker's region too.
        routes.post("/waiting-list/:id/offer", RoutePolicy(roles: [.caseworker], region: .record),
                    regionOf: entry) { request, context -> EntryView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: OfferRequest.self, context: context)
            let bed = try RequestParsing.choice(body.bedType, field: "bedType", as: BedType.self)
            let day = try body.offeredOn.map { text throws(RuleViolation) in try RequestParsing.date(text, field: "offeredOn") } ?? clock.today()
            let principal = try context.requirePrincipal()
            return EntryView(try await dependencies.database.transaction(logger: context.logger) { connection in
                try await WaitingListPlacement.offer(
                    id, institution: body.institutionId, bed: bed, on: day, policy: policy,
                    checkRegion: { region throws(RuleViolation) in try RegionScope.check(principal, record: region) },
                    source: dependencies.source, on: connection, logger: context.logger)
            })
        }
        routes.post("/waiting-list/:id/admission", RoutePolicy(roles: [.caseworker], region: .record),
                    regionOf: entry) { request, context -> EntryView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: AdmissionRequest.self, context: context)
            let day = try body.admittedOn.map { text throws(RuleViolation) in try RequestParsing.date(text, field: "admittedOn") } ?? clock.today()
            return EntryView(try await WaitingListPlacement.admit(id, on: day, policy: policy, dependencies: dependencies, logger: context.logger))
        }
        // Steps that move no bed: the offered bed becomes free for the next applicant on a decline or withdrawal.
        for (path, step) in [("decline", WaitingListStep.decline(on:)), ("residence", WaitingListStep.confirmResidence(on:)),
                             ("withdrawal", WaitingListStep.withdraw(on:))] {
            routes.post("/waiting-list/:id/\(path)", RoutePolicy(roles: [.caseworker], region: .record),
                        regionOf: entry) { request, context -> EntryView in
                let id = try context.parameters.require("id", as: UUID.self)
                let body = try await request.decode(as: StepRequest.self, context: context)
                let day = try body.on.map { text throws(RuleViolation) in try RequestParsing.date(text, field: "on") } ?? clock.today()
                return EntryView(try await WaitingListPlacement.record(step(day), id, dependencies: dependencies, logger: context.logger))
            }
        }
        routes.post("/waiting-list/:id/discharge", RoutePolicy(roles: [.caseworker], region: .record),
                    regionOf: entry) { request, context -> EntryView in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: DischargeRequest.self, context: context)
            let reason = try RequestParsing.choice(body.reason, field: "reason", as: DischargeReason.self)
            let day = try body.dischargedOn.map { text throws(RuleViolation) in try RequestParsing.date(text, field: "dischargedOn") }
                ?? clock.today()
            return EntryView(try await dependencies.database.transaction(logger: context.logger) { connection in
                var stored = try await WaitingListStore.load(id, forUpdate: true, on: connection, logger: context.logger)
                try await WaitingListPlacement.discharge(&stored, on: day, reason: reason, cause: nil, source: dependencies.source,
                                                         on: connection, logger: context.logger)
                return stored
            })
        }
    }
}

extension WaitingListRoutes.CircumstancesRequest {
    func circumstances() throws(RuleViolation) -> ApplicantCircumstances {
        var parsed: Set<KeyCategory> = []
        for name in categories ?? [] {
            parsed.insert(try RequestParsing.choice(name, field: "categories", as: KeyCategory.self))
        }
        return ApplicantCircumstances(categories: parsed, hasDisabilityCertificate: hasDisabilityCertificate ?? false,
                                      withoutFamily: withoutFamily ?? false, specialContribution: specialContribution ?? false)
    }
}
