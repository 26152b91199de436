import AssistanceDomain
import Contracts
import Hummingbird
import LifeEvents
import Persistence
import ServiceKit

/// Everything Assistance adds to the shared runtime: its schema, the events it reacts to, its
/// timed casework and its routes. Tests build it with a fixed clock.
enum AssistanceService {
    static func definition(policy: AssistancePolicy, clock: ServiceClock = ServiceClock(),
                           sources: [any EconomicDataSource] = [TableDataSource()],
                           sweepInterval: Duration = .seconds(3_600)) -> ServiceDefinition {
        ServiceDefinition(
            domain: .assistance,
            migrations: AssistanceMigrations.all,
            // Subscriptions (the catalogue's): the Registry's life events, and partner agencies' risk
            // signals for low-income monitoring.
            handlers: { dependencies in
                LifeEventJournal.handlers(dependencies)
                    .merged(with: LifeEventReactions.handlers(policy: policy, clock: clock, source: dependencies.source))
                    .merged(with: ReceiveRiskSignal.handlers(clock: clock, source: dependencies.source))
            },
            jobs: { dependencies in [CaseworkSweep.job(dependencies, policy: policy, clock: clock, interval: sweepInterval)] },
            openAPI: { try OpenAPIDocument(resource: "openapi", in: .module) },
            routes: { router, dependencies in
                LifeEventJournal.routes(router, dependencies)
                StandardRoutes.register(router, dependencies, policy: policy, clock: clock)
                ApplicationRoutes.register(router, dependencies, policy: policy, clock: clock, sources: sources)
                CaseRoutes.register(router, dependencies, policy: policy, clock: clock, sources: sources)
                RosterRoutes.register(router, dependencies)
                TemporaryAssistanceRoutes.register(router, dependencies, policy: policy, clock: clock)
                LowIncomeMonitoringRoutes.register(router, dependencies, clock: clock)
                VerificationSourceRoutes.register(router, dependencies)
            }
        )
    }
}
