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
            // Subscriptions (the catalogue's): the Registry's life events, partner agencies' risk
            // signals for low-income monitoring, and ElderCare's capability assessments (the 特困 care tier).
            handlers: { dependencies in
                LifeEventJournal.handlers(dependencies)
                    .merged(with: LifeEventReactions.handlers(policy: policy, clock: clock, source: dependencies.source))
                    .merged(with: DisabilitySubsidyReactions.handlers(clock: clock, source: dependencies.source))
                    .merged(with: ReceiveRiskSignal.handlers(clock: clock, source: dependencies.source, outreachRegion: policy.outreachRegion))
                    .merged(with: CareTierReactions.handlers(policy: policy, clock: clock, source: dependencies.source))
            },
            jobs: { dependencies in [CaseworkSweep.job(dependencies, policy: policy, clock: clock, interval: sweepInterval)] },
            openAPI: { try OpenAPIDocument(resource: "openapi", in: .module) },
            routes: { routes, dependencies in
                LifeEventJournal.routes(routes, dependencies)
                StandardRoutes.register(routes, dependencies, policy: policy, clock: clock)
                DisabilitySubsidyStandardRoutes.register(routes, dependencies, clock: clock)
                DisabilitySubsidyApplicationRoutes.register(routes, dependencies, policy: policy, clock: clock)
                DisabilitySubsidyRoutes.register(routes, dependencies)
                DisabilitySubsidyCoverageRoutes.register(routes, dependencies, policy: policy, clock: clock)
                ApplicationRoutes.register(routes, dependencies, policy: policy, clock: clock, sources: sources)
                CaseRoutes.register(routes, dependencies, policy: policy, clock: clock, sources: sources)
                RosterRoutes.register(routes, dependencies)
                TemporaryAssistanceRoutes.register(routes, dependencies, policy: policy, clock: clock)
                LowIncomeMonitoringRoutes.register(routes, dependencies, clock: clock)
                VerificationSourceRoutes.register(routes, dependencies)
            }
        )
    }
}
