import Contracts
import ElderCareDomain
import Foundation
import Hummingbird
import ServiceKit

/// The reviews a change of marital status opens (独居/空巢 to look at again): listed for the
/// caseworkers of the region, cleared by one with the outcome.
enum CategoryReviewRoutes {
    struct ClearanceRequest: Decodable, Sendable {
        var outcome: String
    }

    struct ReviewBody: ResponseEncodable, Codable, Sendable {
        var reviewId: UUID
        var personRef: String
        var region: String
        var reason: String
        var categories: [String]
        var openedOn: String
        var status: String
        var clearedOn: String?
        var clearedBy: String?
        var outcome: String?

        init(_ review: CategoryReviewStore.Review) {
            reviewId = review.id
            personRef = review.person.rawValue
            region = review.region.rawValue
            reason = review.reason
            categories = review.categories.map(\.rawValue)
            openedOn = review.openedOn.iso
            status = review.clearedOn == nil ? "open" : "cleared"
            clearedOn = review.clearedOn?.iso
            clearedBy = review.clearedBy
            outcome = review.outcome
        }
    }

    struct ReviewList: ResponseEncodable {
        var reviews: [ReviewBody]
    }

    static func register(_ routes: SecuredRoutes, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        routes.get("/category-reviews", RoutePolicy(roles: [.caseworker, .auditor], region: .fromToken, personalData: true)) { request, context -> ReviewList in
            let includeCleared = try request.uri.queryParameters.get("status").map { text throws(RuleViolation) in
                guard text == "open" || text == "all" else { throw RuleViolation.invalid("request.invalid-status", "status must be open or all") }
                return text == "all"
            } ?? false
            let scope = try context.requirePrincipal().region
            let reviews = try await dependencies.database.withConnection { connection in
                try await CategoryReviewStore.reviews(within: scope, includeCleared: includeCleared, on: connection, logger: context.logger)
            }
            return ReviewList(reviews: reviews.map(ReviewBody.init))
        }
        routes.post("/category-reviews/:id/clearance", RoutePolicy(roles: [.caseworker], region: .record),
                    regionOf: { _, context in
                        try await CategoryReviewStore.region(of: try context.parameters.require("id", as: UUID.self), in: dependencies.database,
                                                             logger: context.logger)
                    }) { request, context -> ReviewBody in
            let id = try context.parameters.require("id", as: UUID.self)
            let body = try await request.decode(as: ClearanceRequest.self, context: context)
            let outcome = try RequestParsing.nonEmpty(body.outcome, field: "outcome", max: 500)
            let userID = try context.requirePrincipal().subject
            let today = clock.today()
            return try await dependencies.database.transaction(logger: context.logger) { connection in
                let review = try await CategoryReviewStore.lock(id, on: connection, logger: context.logger)
                guard review.clearedOn == nil else {
                    throw RuleViolation("category-review.already-cleared", "the review was cleared on \(review.clearedOn?.iso ?? "")", kind: .conflict)
                }
                try await CategoryReviewStore.clear(id, on: today, by: userID, outcome: outcome, on: connection, logger: context.logger)
                return ReviewBody(try await CategoryReviewStore.lock(id, on: connection, logger: context.logger))
            }
        }
    }
}
