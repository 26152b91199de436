// The Registry service (婚姻登记, 收养登记, 殡葬): the civil registry whose life
// events other bureaus act on. This build records deaths; marriage, adoption and
// funeral records follow the Registry issue.
import Contracts
import ServiceKit

let definition = ServiceDefinition(
    domain: .registry,
    migrations: RegistryMigrations.all,
    routes: DeathRoutes.register
)
try await ServiceRuntime.run(definition)
