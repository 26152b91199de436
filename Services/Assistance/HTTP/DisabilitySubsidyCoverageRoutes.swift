import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import ServiceKit

/// `POST /disability-subsidy-coverage-counts` `{"region","month"}`: counts the region's coverage of
/// the two subsidies in the month, publishes the counts (`disability-subsidy-coverage-counted`), and
/// answers with them and the uncovered people's refs (personal data: the county's approver or
/// finance officer, within their region).
enum DisabilitySubsidyCoverageRoutes {
    struct CountRequest: Decodable, Sendable {
        var region: String
        var month: String
    }

    struct Program: Encodable, Sendable {
        var program: String
        var eligible: Int
        var covered: Int
        /// covered / eligible in per mille; absent when nobody is eligible.
        var coveragePermille: Int?
        var uncovered: [String]
    }

    struct Count: ResponseEncodable {
        var region: String
        var month: String
        var countedOn: String
        var programs: [Program]
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, policy: AssistancePolicy, clock: ServiceClock) {
        routes.post("/disability-subsidy-coverage-counts", RoutePolicy(roles: [.approver, .finance], region: .body("region"),
                                                                       personalData: true)) { request, context -> EditedResponse<Count> in
            let body = try await request.decode(as: CountRequest.self, context: context)
            let region = try RequestParsing.region(body.region, field: "region")
            let month = try RequestParsing.month(body.month, field: "month")
            let today = clock.today()
            let coverage = try await CountDisabilitySubsidyCoverage.run(region: region, month: month, policy: policy.disability, today: today,
                                                                        dependencies: dependencies, logger: context.logger)
            return EditedResponse(status: .created, response: Count(
                region: region.rawValue, month: month.iso, countedOn: today.iso,
                programs: coverage.map {
                    Program(program: $0.kind.program.rawValue, eligible: $0.eligible, covered: $0.covered, coveragePermille: $0.permille,
                            uncovered: $0.uncovered.map(\.rawValue))
                }))
        }
    }
}
