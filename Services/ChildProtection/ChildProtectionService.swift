import LifeEvents
import ServiceKit

/// Everything ChildProtection adds to the shared runtime: so far the life-event journal only.
enum ChildProtectionService {
    static func definition() -> ServiceDefinition {
        LifeEventJournal.journalOnlyService(.childprotection)
    }
}
