// The ChildProtection service: child protection.
//
// It runs on the shared platform (HTTP, health, metrics, outbox relay, inbox
// consumer) and records the Registry's life events it receives, exactly once.
import LifeEvents
import ServiceKit

try await ServiceRuntime.run(LifeEventJournal.journalOnlyService(.childprotection))
