import ElderCareDomain
import LifeEvents
import ServiceKit

/// Everything ElderCare adds to the shared runtime: its schema, the events it reacts to, its timed
/// work and its routes. Tests build it with a fixed clock.
enum ElderCareService {
    static func definition(policy: ElderCarePolicy, clock: ServiceClock = ServiceClock(),
                           sweepInterval: Duration = .seconds(3_600)) -> ServiceDefinition {
        ServiceDefinition(
            domain: .eldercare,
            migrations: ElderCareMigrations.all,
            // Subscriptions (the catalogue's): the Registry's life events, Assistance's grants and
            // terminations, SocialOrg's registrations and credit list.
            handlers: { dependencies in
                LifeEventJournal.handlers(dependencies)
                    .merged(with: AssistanceCoverageReactions.handlers(policy: policy, clock: clock, source: dependencies.source))
                    .merged(with: ElderLifeEventReactions.handlers(policy: policy, clock: clock, source: dependencies.source))
                    .merged(with: WaitingListReactions.handlers(clock: clock, source: dependencies.source))
                    .merged(with: OperatorStandingReactions.handlers())
                    .merged(with: AllowanceLifeEventReactions.handlers(settings: policy.allowance, clock: clock, source: dependencies.source))
                    .merged(with: CentralisedSupportOffers.handlers(policy: policy, clock: clock, source: dependencies.source))
            },
            jobs: { dependencies in [VisitSweep.job(dependencies, policy: policy, clock: clock, interval: sweepInterval)] },
            openAPI: { try OpenAPIDocument(resource: "openapi", in: .module) },
            routes: { routes, dependencies in
                LifeEventJournal.routes(routes, dependencies)
                ElderRoutes.register(routes, dependencies, policy: policy, clock: clock)
                CategoryRoutes.register(routes, dependencies, policy: policy, clock: clock)
                AssessmentRoutes.register(routes, dependencies, policy: policy, clock: clock)
                InstitutionRoutes.register(routes, dependencies, policy: policy, clock: clock)
                WaitingListRoutes.register(routes, dependencies, policy: policy, clock: clock)
                AllowanceStandardRoutes.register(routes, dependencies, settings: policy.allowance, clock: clock)
                AllowanceRosterRoutes.register(routes, dependencies, settings: policy.allowance, clock: clock)
                ProofOfLifeRoutes.register(routes, dependencies, settings: policy.allowance, clock: clock)
                VisitRoutes.register(routes, dependencies, policy: policy, clock: clock)
                CategoryReviewRoutes.register(routes, dependencies, clock: clock)
            }
        )
    }
}
