import Contracts
import Hummingbird
import RegistryDomain
import ServiceKit

/// Everything the Registry adds to the shared runtime. Tests build it with a fixed clock.
///
/// Layout: `Domain/` (the `RegistryDomain` library: pure rules, no I/O), `Application/` (one use
/// case per command: one transaction, the domain decision, the outbox append), `HTTP/` (routes:
/// decode, call a use case or a store query, encode), `Postgres/` (stores: all SQL; migrations),
/// `Tools/` (the seed).
enum RegistryService {
    /// `peakDays`: 5·20 and 七夕 unless the city adds days (`PeakDaySettings`).
    static func definition(
        clock: ServiceClock = ServiceClock(), policy: FuneralPolicy, peakDays: PeakDays = PeakDays(), sweepInterval: Duration = .seconds(600)
    ) -> ServiceDefinition {
        ServiceDefinition(
            domain: .registry,
            migrations: RegistryMigrations.all,
            // Subscriptions: the catalogue's (Assistance's benefit events tell the Registry who receives
            // 低保/特困, for the free funeral).
            handlers: { dependencies in AssistanceEventHandlers.handlers(policy: policy, source: dependencies.source) },
            jobs: { dependencies in [ExpireDivorceApplications.job(dependencies, clock: clock, interval: sweepInterval)] },
            openAPI: { try OpenAPIDocument(resource: "openapi", in: .module) },
            routes: { routes, dependencies in
                DeathRoutes.register(routes, dependencies, policy: policy)
                FuneralRoutes.register(routes, dependencies, policy: policy)
                MarriageRoutes.register(routes, dependencies, clock: clock, peakDays: peakDays)
                DivorceRoutes.register(routes, dependencies, clock: clock)
                CertificateRoutes.register(routes, dependencies, clock: clock)
                AdoptionRoutes.register(routes, dependencies, clock: clock)
                AppointmentRoutes.register(routes, dependencies, clock: clock, peakDays: peakDays)
            }
        )
    }
}
