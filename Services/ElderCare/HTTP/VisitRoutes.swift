import Contracts
import ElderCareDomain
import Foundation
import Hummingbird
import ServiceKit

/// Visits over HTTP: a visitor records a visit and closes follow-ups; the person's visits with
/// their follow-ups and the next due day; a policy officer sets a region's emergency mode.
enum VisitRoutes {
    struct VisitRequest: Decodable, Sendable {
        var visitedOn: String
        var mode: String
        var findings: String
        var riskFlags: [String]?
    }

    struct ClosureRequest: Decodable, Sendable {
        var action: String
        var closedOn: String?
    }

    struct EmergencyRequest: Decodable, Sendable {
        var startsOn: String
        var endsOn: String?
        var reason: String
    }

    struct FollowUpBody: ResponseEncodable, Codable, Sendable {
        var followUpId: UUID
        var visitId: UUID
        var personRef: String
        var flag: String
        var openedOn: String
        var status: String
        var closedOn: String?
        var action: String?
        var closedBy: String?

        init(_ stored: VisitStore.StoredFollowUp) {
            followUpId = stored.id
            visitId = stored.visitID
            personRef = stored.person.rawValue
            flag = stored.followUp.flag.rawValue
            openedOn = stored.followUp.openedOn.iso
            switch stored.followUp.status {
            case .open:
                status = "open"
            case .closed(let on, let action, let by):
                status = "closed"
                closedOn = on.iso
                self.action = action
                closedBy = by
            }
        }
    }

    struct VisitBody: ResponseEncodable, Codable, Sendable {
        var visitId: UUID
        var personRef: String
        var visitorId: String
        var visitedOn: String
        var mode: String
        var findings: String
        var riskFlags: [String]
        var followUps: [FollowUpBody]

        init(id: UUID, person: PersonRef, _ visit: Visit, followUps: [VisitStore.StoredFollowUp]) {
            visitId = id
            personRef = person.rawValue
            visitorId = visit.visitorID
            visitedOn = visit.visitedOn.iso
            mode = visit.mode.rawValue
            findings = visit.findings
            riskFlags = visit.riskFlags.sorted().map(\.rawValue)
            self.followUps = followUps.map(FollowUpBody.init)
        }
    }

    struct VisitList: ResponseEncodable {
        var personRef: String
        /// The last day the next visit is due; absent when none is (no scheduled category, or deceased).
        var nextDue: String?
        var visits: [VisitBody]
    }

    struct EmergencyBody: ResponseEncodable, Codable, Sendable {
        var region: String
        var startsOn: String
        var endsOn: String?
        var reason: String
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: ElderCarePolicy, clock: ServiceClock) {
        let elder = RecordRegions.elder(dependencies)
        routes.post("/elders/:personRef/visits", RoutePolicy(roles: [.visitor], region: .record),
                    regionOf: elder) { request, context -> EditedResponse<VisitBody> in
            let person = try ElderRoutes.personRef(context)
            let body = try await request.decode(as: VisitRequest.self, context: context)
            let flags = Set(try (body.riskFlags ?? []).map { text throws(RuleViolation) in
                try RequestParsing.choice(text, field: "riskFlag", as: RiskFlag.self)
            })
            let (id, visit, followUps) = try await RecordVisit.run(
                person: person, visitorID: try context.requirePrincipal().subject,
                visitedOn: try RequestParsing.date(body.visitedOn, field: "visitedOn"),
                mode: try RequestParsing.choice(body.mode, field: "mode", as: VisitMode.self), findings: body.findings, riskFlags: flags,
                today: clock.today(), dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: .created, response: VisitBody(id: id, person: person, visit, followUps: followUps))
        }
        // Findings describe the person's home and health: personal data, audited.
        routes.get("/elders/:personRef/visits", RoutePolicy(roles: [.visitor, .caseworker, .auditor], region: .record, personalData: true),
                   regionOf: elder) { _, context -> VisitList in
            let person = try ElderRoutes.personRef(context)
            let today = clock.today()
            return try await dependencies.database.withConnection { connection in
                guard let record = try await ElderStore.find(person, on: connection, logger: context.logger) else { throw ElderStore.notFound(person) }
                let visits = try await VisitStore.visits(of: person, on: connection, logger: context.logger)
                let followUps = try await VisitStore.followUps(of: person, on: connection, logger: context.logger)
                var nextDue: CivilDate?
                if record.status == .active {
                    let memberships = try await ElderCategoryStore.memberships(of: person, on: connection, logger: context.logger)
                    let since = max(memberships.map(\.since).min() ?? record.registeredOn, record.registeredOn)
                    let inside = try await VisitStore.livesInInstitution(person, on: connection, logger: context.logger)
                    let due = VisitDue(categories: Set(memberships.map(\.category)), region: record.region, livesAtHome: !inside,
                                       scheduledSince: since, lastVisit: visits.first?.visit.visitedOn)
                    nextDue = due.nextDue(on: today, schedule: policy.visitSchedule,
                                          emergencies: try await VisitStore.emergencies(on: connection, logger: context.logger))
                }
                return VisitList(personRef: person.rawValue, nextDue: nextDue?.iso, visits: visits.map { stored in
                    VisitBody(id: stored.id, person: person, stored.visit, followUps: followUps.filter { $0.visitID == stored.id })
                })
            }
        }
        routes.post("/follow-ups/:id/closure", RoutePolicy(roles: [.visitor, .caseworker], region: .record),
                    regionOf: { _, context in
                        try await VisitStore.followUpRegion(try context.parameters.require("id", as: UUID.self), in: dependencies.database,
                                                            logger: context.logger)
                    }) { request, context -> FollowUpBody in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: ClosureRequest.self, context: context)
            let today = clock.today()
            let closedOn = try body.closedOn.map { text throws(RuleViolation) in try RequestParsing.date(text, field: "closedOn") } ?? today
            return FollowUpBody(try await RecordVisit.closeFollowUp(id, on: closedOn, action: body.action, by: try context.requirePrincipal().subject,
                                                                    today: today, dependencies: dependencies, logger: context.logger))
        }
        routes.put("/visit-emergency-modes/:region", RoutePolicy(roles: [.policy], region: .path("region"))) { request, context -> EmergencyBody in
            let region = try RequestParsing.region(try context.parameters.require("region"), field: "region")
            let body = try await request.decode(as: EmergencyRequest.self, context: context)
            let mode = try EmergencyVisitMode(
                region: region, startsOn: try RequestParsing.date(body.startsOn, field: "startsOn"),
                endsOn: try body.endsOn.map { text throws(RuleViolation) in try RequestParsing.date(text, field: "endsOn") },
                reason: try RequestParsing.nonEmpty(body.reason, field: "reason", max: 500))
            let userID = try context.requirePrincipal().subject
            try await dependencies.database.transaction(logger: context.logger) { connection in
                try await VisitStore.setEmergency(mode, by: userID, on: connection, logger: context.logger)
            }
            return EmergencyBody(region: region.rawValue, startsOn: mode.startsOn.iso, endsOn: mode.endsOn?.iso, reason: mode.reason)
        }
    }
}
