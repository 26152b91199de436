import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import Roster
import RosterStore
import ServiceKit

/// `POST /rosters` generates a region's monthly roster; `GET /rosters` lists them;
/// `GET /recovery-claims` lists overpayment-recovery claims.
enum RosterRoutes {
    struct RosterRequest: Decodable, Sendable {
        var region: String
        var month: String
    }

    struct Roster: Codable, Sendable {
        var rosterId: UUID
        var region: String
        var month: String
        var households: Int
        var totalFen: Int64
        var skipped: Int
        var generatedAt: String
    }

    struct RosterList: ResponseEncodable {
        var rosters: [Roster]
    }

    struct ClaimList: ResponseEncodable {
        var claims: [Claim]
    }

    struct Claim: Codable, Sendable {
        var claimId: UUID
        var caseId: UUID
        var personRef: String
        var dateOfDeath: String
        var months: [String: Int64]
        var amountFen: Int64
        var status: String
        var openedOn: String
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies) {
        // A county's (or the city's) roster: the region it pays must lie within the token's.
        routes.post("/rosters", RoutePolicy(roles: [.finance], region: .body("region"))) { request, context -> EditedResponse<RosterResponse> in
            let body = try await request.decode(as: RosterRequest.self, context: context)
            let region = try RequestParsing.region(body.region, field: "region")
            let month = try RequestParsing.month(body.month, field: "month")
            let summary = try await GeneratePaymentRoster.run(region: region, month: month, dependencies: dependencies, logger: context.logger)
            return RosterResponse.edited(summary)
        }
        // A roster listing holds counts and totals, no person: not personal data. A ?region= outside
        // the token's is refused; without one, the listing keeps to the token's region.
        routes.get("/rosters", RoutePolicy(roles: [.finance, .auditor], region: .query("region"))) { request, context -> RosterList in
            // An empty or malformed region is refused, not read as "every region".
            let region = try request.uri.queryParameters.get("region").map { text throws(RuleViolation) in
                try RequestParsing.region(text, field: "region").rawValue
            }
            let month = try request.uri.queryParameters.get("month").map { text throws(RuleViolation) in
                try RequestParsing.month(text, field: "month")
            }
            let scope = try context.requirePrincipal().region
            let rosters = try await dependencies.database.withConnection { connection in
                try await RosterListing.rosters(AssistanceRoster(), region: region, month: month, within: scope, on: connection,
                                                logger: context.logger)
            }
            return RosterList(rosters: rosters.map {
                Roster(rosterId: $0.id, region: $0.region.rawValue, month: $0.month.iso, households: $0.payments,
                       totalFen: $0.total.fen, skipped: $0.skipped, generatedAt: $0.generatedAt)
            })
        }
        // Claims on cases whose household lives within the token's region now.
        routes.get("/recovery-claims", RoutePolicy(roles: [.finance, .auditor], region: .fromToken, personalData: true)) { request, context -> ClaimList in
            let status = try request.uri.queryParameters.get("status").map { text throws(RuleViolation) in
                try RequestParsing.choice(text, field: "status", as: RecoveryClaimStatus.self)
            }
            let caseID = try request.uri.queryParameters.get("caseId").map { text throws(RuleViolation) in
                guard let id = UUID(uuidString: text) else { throw .invalid("request.invalid-id", "caseId must be a UUID") }
                return id
            }
            let scope = try context.requirePrincipal().region
            let claims = try await dependencies.database.withConnection { connection in
                try await PaymentLedger.recoveryClaims(status: status, beneficiaryID: caseID,
                                                       among: AssistanceRoster.casesOfHouseholds(within: scope), on: connection,
                                                       logger: context.logger)
            }
            return ClaimList(claims: claims.map {
                Claim(claimId: $0.id, caseId: $0.beneficiaryID, personRef: $0.person.rawValue, dateOfDeath: $0.endedOn.iso,
                      months: $0.monthsFen, amountFen: $0.amount.fen, status: $0.status.rawValue, openedOn: $0.openedOn.iso)
            })
        }
    }
}

extension PaymentLedger.RecoveryClaim {
    /// The months as the API shows them: fen per `YYYY-MM`.
    var monthsFen: [String: Int64] { Dictionary(uniqueKeysWithValues: months.map { ($0.key.iso, $0.value.fen) }) }
}
