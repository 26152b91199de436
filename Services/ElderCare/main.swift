// The ElderCare service (养老服务): see ElderCareDomain for its scope.
//
// It runs on the shared platform (HTTP, health, metrics, outbox relay, inbox
// consumer) and records the Registry's life events it receives, exactly once.
import ServiceKit

try await ServiceEntryPoint.run(ElderCareService.definition())
