import AssistanceDomain
import Contracts
import Foundation
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// 动态监测: a partner agency's risk signal (large medical expenses, a new disability
/// registration, unemployment, sudden income loss), from `POST /risk-signals` or the
/// `civil.monitoring.events` topic. The signal is stored once; for each household of the person
/// that receives assistance or is near-低保, an explained lead for active discovery (主动发现) is
/// raised and published as `low-income-risk-detected`.
enum ReceiveRiskSignal {
    static func handlers(clock: ServiceClock, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(RiskSignalReported.self) { signal, context in
            try await receive(signal, today: clock.today(), source: source, causationID: context.event.id,
                              on: context.connection, logger: context.logger)
        }
        return handlers
    }

    /// `POST /risk-signals`, in its own transaction: the signal raises its leads wherever the
    /// person's households live, and the leads returned are those within `scope` (the officer's
    /// region; the others are another region's).
    static func run(_ signal: RiskSignalReported, today: CivilDate, answeringWithin scope: RegionCode, dependencies: ServiceDependencies,
                    logger: Logger) async throws -> (leads: [RiskLead], isNew: Bool) {
        try await dependencies.database.transaction(logger: logger) { connection in
            let isNew = try await receive(signal, today: today, source: dependencies.source, causationID: nil, on: connection,
                                          logger: logger)
            return (try await RiskLeadStore.leads(signal: signal.signalID, within: scope, on: connection, logger: logger), isNew)
        }
    }

    /// Returns whether the signal is new: a repeated signal id stores nothing and raises no lead again.
    @discardableResult
    static func receive(_ signal: RiskSignalReported, today: CivilDate, source: String, causationID: UUID?,
                        on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let isNew = try await RiskLeadStore.insertSignal(signal, on: connection, logger: logger)
        if isNew {
            for household in try await HouseholdStore.monitored(listing: signal.person, on: connection, logger: logger) {
                guard let status = LowIncomeMonitoring.leadStatus(receivesAssistance: household.receivesAssistance,
                                                                  nearLowIncome: household.nearLowIncome) else { continue }
                let lead = RiskLead(id: UUID(), signalID: signal.signalID, householdID: household.id, person: signal.person,
                                    householdStatus: status, explanation: LowIncomeMonitoring.explanation(of: signal, status: status),
                                    status: .open, outcome: nil, detectedOn: today)
                try await RiskLeadStore.insert(lead, on: connection, logger: logger)
                try await Outbox.append(
                    LowIncomeRiskDetected(leadID: lead.id, householdID: household.id, person: signal.person, region: household.region,
                                          signal: signal.kind, householdStatus: status, explanation: lead.explanation,
                                          detectedOn: today, causationEventID: causationID),
                    source: source, causationID: causationID, on: connection, logger: logger)
            }
        }
        return isNew
    }
}
