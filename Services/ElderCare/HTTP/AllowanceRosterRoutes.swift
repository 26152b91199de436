import Contracts
import Foundation
import Hummingbird
import Roster
import RosterStore
import ServiceKit

/// `POST /allowance-rosters` generates a region's monthly advanced-age allowance roster;
/// `GET /allowance-rosters` lists them; `GET /allowance-recovery-claims` lists the claims to
/// recover what was paid after a death.
enum AllowanceRosterRoutes {
    struct RosterRequest: Decodable, Sendable {
        var region: String
        var month: String
    }

    struct Roster: Codable, Sendable {
        var rosterId: UUID
        var region: String
        var month: String
        var paid: Int
        var totalFen: Int64
        var skipped: Int
        var generatedAt: String
    }

    struct RosterList: ResponseEncodable {
        var rosters: [Roster]
    }

    struct Claim: Codable, Sendable {
        var claimId: UUID
        var allowanceId: UUID
        var personRef: String
        var dateOfDeath: String
        var months: [String: Int64]
        var amountFen: Int64
        var status: String
        var openedOn: String
    }

    struct ClaimList: ResponseEncodable {
        var claims: [Claim]
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, settings: AllowanceSettings, clock: ServiceClock) {
        let scheme = AllowanceRoster(settings: settings)
        // A county's (or the city's) roster: the region it pays must lie within the token's.
        routes.post("/allowance-rosters", RoutePolicy(roles: [.finance], region: .body("region"))) { request, context -> EditedResponse<GenerateAllowanceRoster.Summary> in
            let body = try await request.decode(as: RosterRequest.self, context: context)
            let region = try RequestParsing.region(body.region, field: "region")
            let month = try RequestParsing.month(body.month, field: "month")
            let summary = try await GenerateAllowanceRoster.run(region: region, month: month, settings: settings, today: clock.today(),
                                                                dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: summary.roster.rosterID == nil ? .ok : .created, response: summary)
        }
        // Counts and totals, no person: not personal data.
        routes.get("/allowance-rosters", RoutePolicy(roles: [.finance, .auditor], region: .query("region"))) { request, context -> RosterList in
            let region = try request.uri.queryParameters.get("region").map { text throws(RuleViolation) in
                try RequestParsing.region(text, field: "region").rawValue
            }
            let month = try request.uri.queryParameters.get("month").map { text throws(RuleViolation) in
                try RequestParsing.month(text, field: "month")
            }
            let scope = try context.requirePrincipal().region
            let rosters = try await dependencies.database.withConnection { connection in
                try await RosterListing.rosters(scheme, region: region, month: month, within: scope, on: connection, logger: context.logger)
            }
            return RosterList(rosters: rosters.map {
                Roster(rosterId: $0.id, region: $0.region.rawValue, month: $0.month.iso, paid: $0.payments, totalFen: $0.total.fen,
                       skipped: $0.skipped, generatedAt: $0.generatedAt)
            })
        }
        // Claims on allowances of people registered within the token's region.
        routes.get("/allowance-recovery-claims", RoutePolicy(roles: [.finance, .auditor], region: .fromToken, personalData: true)) { request, context -> ClaimList in
            let status = try request.uri.queryParameters.get("status").map { text throws(RuleViolation) in
                try RequestParsing.choice(text, field: "status", as: RecoveryClaimStatus.self)
            }
            let allowanceID = try request.uri.queryParameters.get("allowanceId").map { text throws(RuleViolation) in
                guard let id = UUID(uuidString: text) else { throw .invalid("request.invalid-id", "allowanceId must be a UUID") }
                return id
            }
            let scope = try context.requirePrincipal().region
            let claims = try await dependencies.database.withConnection { connection in
                try await PaymentLedger.recoveryClaims(status: status, beneficiaryID: allowanceID, among: AllowanceStore.allowances(within: scope),
                                                       on: connection, logger: context.logger)
            }
            return ClaimList(claims: claims.map {
                Claim(claimId: $0.id, allowanceId: $0.beneficiaryID, personRef: $0.person.rawValue, dateOfDeath: $0.endedOn.iso,
                      months: Dictionary(uniqueKeysWithValues: $0.months.map { ($0.key.iso, $0.value.fen) }), amountFen: $0.amount.fen,
                      status: $0.status.rawValue, openedOn: $0.openedOn.iso)
            })
        }
    }
}

extension GenerateAllowanceRoster.Summary: ResponseEncodable {}
