import Contracts
import Persistence
import ElderCareDomain
import Foundation
import Logging
import PostgresNIO
import ServiceKit

/// Assistance's `benefit-granted` / `benefit-terminated` for 特困供养 and 低保: the coverage is kept
/// for every recipient, registered or not (someone registered later is derived 特困/经济困难 from
/// it), and the categories of the registered recipients are recomputed and their changes
/// published. 临时救助 is one-off help, not a category. Each handler runs in the inbox transaction:
/// exactly once.
enum AssistanceCoverageReactions {
    static let programs: Set<AssistanceProgram> = [.extremePoverty, .minimumLivingAllowance]

    static func handlers(policy: ElderCarePolicy, clock: ServiceClock, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(BenefitGranted.self) { event, context in
            guard programs.contains(event.program) else { return }
            try await ElderCategoryStore.cover(case: event.caseID, program: event.program, people: event.recipients, from: event.startsOn,
                                               on: context.connection, logger: context.logger)
            try await refresh(event.recipients, policy: policy, today: clock.today(), source: source, context)
        }
        handlers.on(BenefitTerminated.self) { event, context in
            guard programs.contains(event.program) else { return }
            try await ElderCategoryStore.endCoverage(case: event.caseID, program: event.program, people: event.recipients,
                                                     lastCoveredDay: event.lastCoveredDay, on: context.connection, logger: context.logger)
            try await refresh(event.recipients, policy: policy, today: clock.today(), source: source, context)
        }
        return handlers
    }

    static func refresh(_ people: [PersonRef], policy: ElderCarePolicy, today: CivilDate, source: String, _ context: EventContext) async throws {
        for person in Set(people).sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let elder = try await ElderStore.lock(person, on: context.connection, logger: context.logger) else { continue }
            try await RecordCategory.refresh(elder, today: today, policy: policy, cause: context.event.id, source: source,
                                             on: context.connection, logger: context.logger)
        }
    }
}
