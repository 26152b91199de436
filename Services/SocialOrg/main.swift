// The SocialOrg service (社会组织): registration and supervision of social groups,
// social service organisations and foundations, identified by their unified social
// credit code (`CreditCode`); see SocialOrgDomain for its scope. This build is the platform
// runtime only, with no domain routes yet; its issue adds them.
import ServiceKit

try await ServiceEntryPoint.run(SocialOrgService.definition())
