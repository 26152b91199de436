import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import Roster
import RosterStore
import ServiceKit

/// 两项补贴 grants (made by approving an application, ``DisabilitySubsidyApplicationRoutes``):
/// `GET /disability-subsidies/{id}` and `GET /disability-subsidies?householdId=…` read them;
/// `POST /disability-subsidy-rosters` pays them.
enum DisabilitySubsidyRoutes {
    struct MonthAmount: Encodable, Sendable {
        var from: String
        var amountFen: Int64
    }

    struct SubsidyView: ResponseEncodable {
        var id: UUID
        var personRef: String
        var householdId: UUID
        var region: String
        var kind: String
        var basis: String
        var status: String
        var firstMonth: String
        var lastMonth: String?
        var monthlyAmountFen: Int64
        var amountSteps: [MonthAmount]
        var stoppedFrom: String?
        var diedOn: String?
        var grantedOn: String
        /// `GET /disability-subsidies/{id}` only: what the roster paid, back-paid and claims back.
        var payments: [PaidMonth]?
        var backPayments: [PaidMonth]?
        var recoveryClaims: [Claim]?
    }

    struct PaidMonth: Encodable, Sendable {
        var month: String
        var amountFen: Int64
    }

    struct Claim: Encodable, Sendable {
        var claimId: UUID
        /// `death` or `amount-lowered`.
        var reason: String
        /// With reason `death`.
        var dateOfDeath: String?
        /// With reason `amount-lowered`: the first month of the lower amount.
        var effectiveFrom: String?
        var months: [String: Int64]
        var amountFen: Int64
        var status: String
    }

    struct Listing: ResponseEncodable {
        var subsidies: [SubsidyView]
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies) {
        // A county's (or the city's) roster of the two subsidies, as `POST /rosters` for 低保.
        routes.post("/disability-subsidy-rosters", RoutePolicy(roles: [.finance], region: .body("region"))) {
            request, context -> EditedResponse<RosterResponse> in
            let body = try await request.decode(as: RosterRoutes.RosterRequest.self, context: context)
            let summary = try await GenerateDisabilitySubsidyRoster.run(
                region: try RequestParsing.region(body.region, field: "region"), month: try RequestParsing.month(body.month, field: "month"),
                dependencies: dependencies, logger: context.logger)
            return RosterResponse.edited(summary)
        }
        let subsidyRegion: RecordRegionResolver = { _, context in
            try await DisabilitySubsidyStore.region(of: try context.parameters.require("id", as: UUID.self), in: dependencies.database,
                                                    logger: context.logger)
        }
        routes.get("/disability-subsidies/:id", RoutePolicy(roles: [.intake, .reviewer, .approver, .finance, .auditor], region: .record,
                                                            personalData: true), regionOf: subsidyRegion) { _, context -> SubsidyView in
            let id = try context.parameters.require("id", as: UUID.self)
            return try await dependencies.database.withConnection { connection in
                let stored = try await DisabilitySubsidyStore.load(id, forUpdate: false, on: connection, logger: context.logger)
                let ledger = try await PaymentLedger.ledger(of: id, program: stored.subsidy.kind.program.rawValue, on: connection,
                                                            logger: context.logger)
                var view = SubsidyView(stored)
                view.payments = ledger.payments.map { PaidMonth(month: $0.month.iso, amountFen: $0.amount.fen) }
                view.backPayments = ledger.backPayments.map { PaidMonth(month: $0.month.iso, amountFen: $0.amount.fen) }
                view.recoveryClaims = ledger.recoveryClaims.map(Claim.init)
                return view
            }
        }
        // A household's grants, those of the token's region.
        routes.get("/disability-subsidies", RoutePolicy(roles: [.intake, .reviewer, .approver, .finance, .auditor], region: .fromToken,
                                                        personalData: true)) { request, context -> Listing in
            guard let text = request.uri.queryParameters.get("householdId") else {
                throw RuleViolation.invalid("request.missing-householdId", "give ?householdId=<uuid>")
            }
            guard let household = UUID(uuidString: String(text)) else {
                throw RuleViolation.invalid("request.invalid-id", "householdId must be a UUID")
            }
            let scope = try context.requirePrincipal().region
            let stored = try await dependencies.database.withConnection { connection in
                try await DisabilitySubsidyStore.of(household: household, on: connection, logger: context.logger)
            }
            return Listing(subsidies: stored.filter { scope.contains($0.subsidy.region) }.map(SubsidyView.init))
        }
    }
}

extension DisabilitySubsidyRoutes.SubsidyView {
    init(_ stored: DisabilitySubsidyStore.Stored) {
        let subsidy = stored.subsidy
        self.init(id: subsidy.id, personRef: subsidy.person.rawValue, householdId: stored.householdID, region: subsidy.region.rawValue,
                  kind: subsidy.kind.rawValue, basis: subsidy.basis.rawValue, status: subsidy.status.rawValue,
                  firstMonth: subsidy.terms.firstMonth.iso, lastMonth: subsidy.terms.lastMonth?.iso,
                  monthlyAmountFen: subsidy.terms.monthlyAmount.fen,
                  amountSteps: subsidy.terms.steps.map { .init(from: $0.from.iso, amountFen: $0.amount.fen) },
                  stoppedFrom: subsidy.stoppedFrom?.iso, diedOn: subsidy.diedOn?.iso, grantedOn: stored.grantedOn.iso,
                  payments: nil, backPayments: nil, recoveryClaims: nil)
    }
}

extension DisabilitySubsidyRoutes.Claim {
    /// A death's claim ended on the date of death; a lower amount's on the last day the higher
    /// amount was due, so its first month is the month after.
    init(_ claim: PaymentLedger.RecoveryClaim) {
        let death = claim.reason == .death
        self.init(claimId: claim.id, reason: claim.reason.rawValue, dateOfDeath: death ? claim.endedOn.iso : nil,
                  effectiveFrom: death ? nil : claim.endedOn.yearMonth.next.iso, months: claim.monthsFen, amountFen: claim.amount.fen,
                  status: claim.status.rawValue)
    }
}
