import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// 两项补贴标准: `PUT /disability-subsidy-standards/{county}` sets the monthly amount of one subsidy
/// from a month (re-rating the subsidies paid on it); `GET /disability-subsidy-standards/{county}`
/// lists the county's amounts. The same roles and regions as the 低保 standards.
enum DisabilitySubsidyStandardRoutes {
    struct SetRequest: Decodable, Sendable {
        /// `living` (困难残疾人生活补贴) or `nursing` (重度残疾人护理补贴).
        var kind: String
        /// `YYYY-MM`.
        var effectiveFrom: String
        var monthlyAmountFen: Int64
    }

    struct Standard: Encodable, Sendable {
        var region: String
        var kind: String
        var effectiveFrom: String
        var monthlyAmountFen: Int64
        var setOn: String?
    }

    /// The growth warning: the raise asked for (+10%) and what was set.
    struct Shortfall: Encodable, Sendable {
        var code: String
        var previousFen: Int64
        var requiredFen: Int64
        var actualFen: Int64
        var shortfallFen: Int64
    }

    struct SetResponse: ResponseEncodable {
        var standard: Standard
        /// False when the county already had this amount from this month (nothing written).
        var changed: Bool
        var warnings: [String]
        var growthShortfall: Shortfall?
        var reratedSubsidies: Int
    }

    struct Listing: ResponseEncodable {
        var standards: [Standard]
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        // A county's amounts: its own policy officers, or the city's (as `POST /standards`).
        routes.put("/disability-subsidy-standards/:county", RoutePolicy(roles: [.policy], region: .path("county"))) {
            request, context -> SetResponse in
            let county = try RequestParsing.region(try context.parameters.require("county"), field: "county")
            let body = try await request.decode(as: SetRequest.self, context: context)
            let standard = try DisabilitySubsidyStandard(
                region: county, kind: try RequestParsing.choice(body.kind, field: "kind", as: DisabilitySubsidyKind.self),
                effectiveFrom: try RequestParsing.month(body.effectiveFrom, field: "effectiveFrom"),
                monthlyAmount: Money(fen: body.monthlyAmountFen))
            let outcome = try await PublishDisabilitySubsidyStandard.run(standard, today: clock.today(), dependencies: dependencies,
                                                                         logger: context.logger)
            return SetResponse(outcome)
        }
        // Amounts are public (公布), as the 低保 standards: every role reads every county's.
        routes.get("/disability-subsidy-standards/:county", RoutePolicy(roles: Set(Role.allCases), region: .none)) {
            _, context -> Listing in
            let county = try RequestParsing.region(try context.parameters.require("county"), field: "county")
            let stored = try await dependencies.database.withConnection { connection in
                try await DisabilitySubsidyStandardStore.all(region: county, on: connection, logger: context.logger)
            }
            return Listing(standards: stored.map { Standard($0.standard, setOn: $0.setOn) })
        }
    }
}

extension DisabilitySubsidyStandardRoutes.Standard {
    init(_ standard: DisabilitySubsidyStandard, setOn: CivilDate?) {
        self.init(region: standard.region.rawValue, kind: standard.kind.rawValue, effectiveFrom: standard.effectiveFrom.iso,
                  monthlyAmountFen: standard.monthlyAmount.fen, setOn: setOn?.iso)
    }
}

extension DisabilitySubsidyStandardRoutes.SetResponse {
    init(_ outcome: PublishDisabilitySubsidyStandard.Outcome) {
        let shortfall = outcome.growthShortfall
        self.init(standard: .init(outcome.standard, setOn: nil), changed: outcome.changed,
                  warnings: shortfall.map { [$0.code] } ?? [],
                  growthShortfall: shortfall.map {
                      .init(code: $0.code, previousFen: $0.previous.fen, requiredFen: $0.required.fen, actualFen: $0.actual.fen,
                            shortfallFen: $0.required.fen - $0.actual.fen)
                  },
                  reratedSubsidies: outcome.rerated)
    }
}
