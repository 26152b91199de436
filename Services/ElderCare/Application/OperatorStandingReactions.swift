import Contracts
import ElderCareDomain
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// What ElderCare does with SocialOrg's events about operators. Each handler runs in the inbox
/// transaction (exactly once) and only records the fact; whether an institution may admit is
/// read from those facts when it matters (an offer, an admission, `GET /institutions/{id}`), so a
/// listing suspends new admissions to every institution of the operator at once, and its end
/// lifts the suspension unless another listing of the operator is still in force.
enum OperatorStandingReactions {
    static func handlers() -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(SeriousDishonestyListed.self) { event, context in
            try await OperatorStandingStore.list(event, on: context.connection, logger: context.logger)
            context.logger.info("operator listed as seriously dishonest: admissions suspended", metadata: [
                "operator": "\(event.creditCode)", "listing": "\(event.listingID)"])
        }
        handlers.on(SeriousDishonestyDelisted.self) { event, context in
            try await OperatorStandingStore.delist(event, on: context.connection, logger: context.logger)
            context.logger.info("serious-dishonesty listing ended", metadata: ["operator": "\(event.creditCode)", "listing": "\(event.listingID)"])
        }
        handlers.on(OrganisationRegistered.self) { event, context in
            try await OperatorStandingStore.register(event, on: context.connection, logger: context.logger)
        }
        handlers.on(OrganisationDeregistered.self) { event, context in
            try await OperatorStandingStore.deregister(event, on: context.connection, logger: context.logger)
        }
        return handlers
    }
}
