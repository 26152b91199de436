import Contracts
import Hummingbird
import ServiceKit

/// Everything the Registry adds to the shared runtime. Tests build it with a fixed clock.
enum RegistryService {
    static func definition(
        clock: ServiceClock = ServiceClock(), policy: FuneralPolicy, sweepInterval: Duration = .seconds(600)
    ) -> ServiceDefinition {
        ServiceDefinition(
            domain: .registry,
            migrations: RegistryMigrations.all,
            // Assistance's benefit events tell the Registry who receives 低保/特困 (for the free funeral).
            subscriptions: [.assistance],
            handlers: { dependencies in FuneralGrants.handlers(policy: policy, source: dependencies.source) },
            jobs: { dependencies in [DivorceExpiry.job(dependencies, clock: clock, interval: sweepInterval)] },
            openAPI: { try OpenAPIDocument(resource: "openapi", in: .module) },
            routes: { router, dependencies in
                DeathRoutes.register(router, dependencies, policy: policy)
                MarriageRoutes.register(router, dependencies, clock: clock)
                DivorceRoutes.register(router, dependencies, clock: clock)
                CertificateRoutes.register(router, dependencies, clock: clock)
                AdoptionRoutes.register(router, dependencies, clock: clock)
                AppointmentRoutes.register(router, dependencies, clock: clock)
            }
        )
    }
}
