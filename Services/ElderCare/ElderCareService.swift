import LifeEvents
import ServiceKit

/// Everything ElderCare adds to the shared runtime: so far the life-event journal only.
enum ElderCareService {
    static func definition() -> ServiceDefinition {
        LifeEventJournal.journalOnlyService(.eldercare)
    }
}
