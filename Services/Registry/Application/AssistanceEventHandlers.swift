import Contracts
import Foundation
import Persistence
import RegistryDomain

/// Assistance's benefit events, applied through the inbox: they keep the Registry's knowledge of
/// who receives 低保/特困 current, and re-decide the free basic funeral of anyone already dead.
enum AssistanceEventHandlers {
    static func handlers(policy: FuneralPolicy, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(BenefitGranted.self) { granted, context in
            guard let program = RecipientPeriod.Program(granted.program) else { return }
            let periods = RecipientPeriodStore(context.connection, logger: context.logger)
            for person in granted.recipients {
                try await periods.recordStart(case: granted.caseID, person: person, program: program, startsOn: granted.startsOn)
            }
            let deaths = try await DeathRecordStore(context.connection, logger: context.logger).recordedDeaths(of: granted.recipients)
            for death in deaths {
                try await GrantFreeBasicFuneral.run(deathRecord: death, policy: policy, source: source, causationID: context.event.id,
                                                    connection: context.connection, logger: context.logger)
            }
        }
        handlers.on(BenefitTerminated.self) { terminated, context in
            let periods = RecipientPeriodStore(context.connection, logger: context.logger)
            for person in terminated.recipients {
                try await periods.recordEnd(case: terminated.caseID, person: person, lastCoveredDay: terminated.lastCoveredDay)
            }
        }
        return handlers
    }
}
