import Contracts
import Hummingbird
import ServiceKit

/// Everything the Registry adds to the shared runtime. Tests build it with a fixed clock.
enum RegistryService {
    static func definition(clock: RegistryClock = RegistryClock()) -> ServiceDefinition {
        ServiceDefinition(
            domain: .registry,
            migrations: RegistryMigrations.all,
            routes: { router, dependencies in
                DeathRoutes.register(router, dependencies)
                MarriageRoutes.register(router, dependencies, clock: clock)
                DivorceRoutes.register(router, dependencies, clock: clock)
                CertificateRoutes.register(router, dependencies, clock: clock)
            }
        )
    }
}
