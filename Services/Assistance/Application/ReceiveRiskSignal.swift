import AssistanceDomain
import Contracts
import Foundation
import Logging
import Metrics
import Persistence
import PostgresNIO
import ServiceKit

/// 动态监测: a partner agency's risk signal (large medical expenses, a new disability
/// registration, unemployment, sudden income loss), from `POST /risk-signals` or the
/// `civil.monitoring.events` topic. The signal is stored once. For each household of the person
/// that receives assistance or is near-低保, an explained lead for active discovery (主动发现) is
/// raised and published as `low-income-risk-detected`; when there is none, one lead for outreach
/// about the person is raised and published as `outreach-lead-raised`.
enum ReceiveRiskSignal {
    static func handlers(clock: ServiceClock, source: String, outreachRegion: RegionCode?) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(RiskSignalReported.self) { signal, context in
            try await receive(signal, today: clock.today(), source: source, causationID: context.event.id,
                              fallbackRegion: outreachRegion, on: context.connection, logger: context.logger)
        }
        return handlers
    }

    /// `POST /risk-signals`, in its own transaction: the signal raises its leads wherever the
    /// person's households live (an outreach lead, failing a region of its own, in the reporting
    /// officer's region `scope`), and the leads returned are those within `scope` (the others are
    /// another region's).
    static func run(_ signal: RiskSignalReported, today: CivilDate, answeringWithin scope: RegionCode, dependencies: ServiceDependencies,
                    logger: Logger) async throws -> (leads: [RiskLead], isNew: Bool) {
        try await dependencies.database.transaction(logger: logger) { connection in
            let isNew = try await receive(signal, today: today, source: dependencies.source, causationID: nil, fallbackRegion: scope,
                                          on: connection, logger: logger)
            return (try await RiskLeadStore.leads(signal: signal.signalID, within: scope, on: connection, logger: logger), isNew)
        }
    }

    /// Returns whether the signal is new: a repeated signal id stores nothing and raises no lead again.
    @discardableResult
    static func receive(_ signal: RiskSignalReported, today: CivilDate, source: String, causationID: UUID?, fallbackRegion: RegionCode?,
                        on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        guard try await RiskLeadStore.insertSignal(signal, on: connection, logger: logger) else { return false }
        let households = try await HouseholdStore.monitored(listing: signal.person, on: connection, logger: logger)
        var raised = 0
        for household in households {
            guard let status = LowIncomeMonitoring.leadStatus(receivesAssistance: household.receivesAssistance,
                                                              nearLowIncome: household.nearLowIncome) else { continue }
            let lead = RiskLead(id: UUID(), signalID: signal.signalID, subject: .household(id: household.id, status: status),
                                person: signal.person, region: household.region,
                                explanation: LowIncomeMonitoring.explanation(of: signal, status: status),
                                status: .open, outcome: nil, detectedOn: today)
            try await RiskLeadStore.insert(lead, on: connection, logger: logger)
            try await Outbox.append(
                LowIncomeRiskDetected(leadID: lead.id, householdID: household.id, person: signal.person, region: household.region,
                                      signal: signal.kind, householdStatus: status, explanation: lead.explanation,
                                      detectedOn: today, causationEventID: causationID),
                source: source, causationID: causationID, on: connection, logger: logger)
            raised += 1
        }
        if raised == 0 {
            try await raiseOutreachLead(signal, knownHouseholds: households.map(\.region), today: today, source: source,
                                        causationID: causationID, fallbackRegion: fallbackRegion, on: connection, logger: logger)
        }
        return true
    }

    /// The person is in no household Assistance pays or watches: one lead to reach out to them.
    /// With no region to place it in, the signal stays stored, is counted
    /// (`assistance_risk_signals_unplaced_total`) and logged, and raises nothing.
    private static func raiseOutreachLead(_ signal: RiskSignalReported, knownHouseholds: [RegionCode], today: CivilDate, source: String,
                                          causationID: UUID?, fallbackRegion: RegionCode?,
                                          on connection: PostgresConnection, logger: Logger) async throws {
        guard let region = LowIncomeMonitoring.outreachRegion(reported: signal.region, knownHouseholds: knownHouseholds,
                                                              fallback: fallbackRegion) else {
            Counter(label: "assistance_risk_signals_unplaced_total").increment()
            logger.warning("risk signal about a person Assistance does not know names no region and ASSISTANCE_OUTREACH_REGION is unset: no outreach lead",
                           metadata: ["signal": "\(signal.signalID)", "agency": "\(signal.agency)"])
            return
        }
        let lead = RiskLead(id: UUID(), signalID: signal.signalID, subject: .outreach, person: signal.person, region: region,
                            explanation: LowIncomeMonitoring.outreachExplanation(of: signal, knownHousehold: !knownHouseholds.isEmpty),
                            status: .open, outcome: nil, detectedOn: today)
        try await RiskLeadStore.insert(lead, on: connection, logger: logger)
        try await Outbox.append(
            OutreachLeadRaised(leadID: lead.id, person: signal.person, region: region, signal: signal.kind, explanation: lead.explanation,
                               detectedOn: today, causationEventID: causationID),
            source: source, causationID: causationID, on: connection, logger: logger)
    }
}
