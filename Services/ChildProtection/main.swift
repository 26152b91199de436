// The ChildProtection service (儿童福利与未成年人保护): see ChildProtectionDomain for its scope.
//
// It runs on the shared platform (HTTP, health, metrics, outbox relay, inbox
// consumer) and records the Registry's life events it receives, exactly once.
import ServiceKit

try await ServiceEntryPoint.run(ChildProtectionService.definition())
