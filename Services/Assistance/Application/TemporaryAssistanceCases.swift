import AssistanceDomain
import Contracts
import Foundation
import Logging
import Metrics
import Persistence
import PostgresNIO
import ServiceKit

/// 临时救助: a case is reported, an urgent one is advanced at once from the township's reserve
/// (先行救助, with the 24-hour target tracked), and every case is reviewed afterwards and granted.
enum TemporaryAssistanceCases {
    /// A reported case, as the township took it.
    struct Report: Sendable {
        var need: TemporaryNeed
        var person: PersonRef
        var township: RegionCode
        var description: String
        var reportedAt: Date
        /// The residence bases the household may apply on (expenditure cases).
        var residence: [ResidenceBasis]
    }

    /// Stores the case; refuses a case another county handles (``TemporaryAssistance/handlingRegion(need:residence:reportedAt:policy:)``).
    static func report(_ report: Report, policy: AssistancePolicy, dependencies: ServiceDependencies,
                       logger: Logger) async throws -> TemporaryCase {
        let region = try TemporaryAssistance.handlingRegion(need: report.need, residence: report.residence, reportedAt: report.township,
                                                            policy: policy.residence)
        let id = UUID()
        return try await dependencies.database.withConnection { connection in
            try await TemporaryCaseStore.insert(id: id, need: report.need, person: report.person, region: region, township: report.township,
                                                description: report.description, reportedAt: report.reportedAt, on: connection, logger: logger)
            return try await TemporaryCaseStore.load(id, forUpdate: false, on: connection, logger: logger)
        }
    }

    static func load(_ id: UUID, dependencies: ServiceDependencies, logger: Logger) async throws -> TemporaryCase {
        try await dependencies.database.withConnection { connection in
            try await TemporaryCaseStore.load(id, forUpdate: false, on: connection, logger: logger)
        }
    }

    /// Draws the advance from the township's reserve and publishes `temporary-assistance-advanced`;
    /// an advance later than 24 hours after the report counts as a breach. Refuses a case not
    /// reported or not urgent, an advance dated before the report, a township without a reserve
    /// (`reserve.not-set-up`) and what the reserve refuses.
    static func advance(_ id: UUID, amount: Money, at advancedAt: Date, policy: AssistancePolicy, dependencies: ServiceDependencies,
                        logger: Logger) async throws -> TemporaryCase {
        try await dependencies.database.transaction(logger: logger) { connection in
            try await advance(id, amount: amount, at: advancedAt, cap: policy.advanceCap, source: dependencies.source,
                              on: connection, logger: logger)
            return try await TemporaryCaseStore.load(id, forUpdate: false, on: connection, logger: logger)
        }
    }

    private static func advance(_ id: UUID, amount: Money, at advancedAt: Date, cap: Money?, source: String,
                                on connection: PostgresConnection, logger: Logger) async throws {
        let reported = try await TemporaryCaseStore.load(id, forUpdate: true, on: connection, logger: logger)
        try reported.requireAdvanceable()
        try TemporaryAssistance.validateAdvance(reportedAt: reported.reportedAt, advancedAt: advancedAt)
        guard let fund = try await ReserveFundStore.lock(reported.township, on: connection, logger: logger) else {
            throw RuleViolation("reserve.not-set-up", "township \(reported.township) has no reserve fund; top it up first")
        }
        let drawn = try TemporaryAssistance.advance(amount, kind: reported.need, from: fund, cap: cap)
        try await ReserveFundStore.save(drawn, on: connection, logger: logger)
        let breach = TemporaryAssistance.advanceBreach(reportedAt: reported.reportedAt, advancedAt: advancedAt)
        try await TemporaryCaseStore.markAdvanced(id, at: advancedAt, amount: amount, breach: breach, on: connection, logger: logger)
        try await Outbox.append(
            TemporaryAssistanceAdvanced(caseID: id, kind: .urgent, person: reported.person, region: reported.region,
                                        reportedAt: reported.reportedAt, advancedAt: advancedAt, amount: amount, withinTarget: !breach,
                                        targetHours: Int(TemporaryAssistance.advanceTarget / 3600)),
            source: source, on: connection, logger: logger)
        Recorder(label: "assistance_advance_hours").record(advancedAt.timeIntervalSince(reported.reportedAt) / 3600)
        if breach { Counter(label: "assistance_advance_target_breaches_total", dimensions: [("when", "advanced-late")]).increment() }
    }

    /// The review after the fact: the amount granted is published as a one-off `benefit-granted`
    /// (program 临时救助; its `monthlyAmount` is the amount granted, as the contract says).
    static func review(_ id: UUID, granted: Money, today: CivilDate, dependencies: ServiceDependencies,
                       logger: Logger) async throws -> TemporaryCase {
        try await dependencies.database.transaction(logger: logger) { connection in
            let reported = try await TemporaryCaseStore.load(id, forUpdate: true, on: connection, logger: logger)
            try reported.requireReviewable()
            try await TemporaryCaseStore.markReviewed(id, on: connection, logger: logger)
            try await Outbox.append(
                BenefitGranted(caseID: id, program: .temporaryAssistance, recipients: [reported.person], region: reported.region,
                               startsOn: today, monthlyAmount: granted, causationEventID: nil),
                source: dependencies.source, on: connection, logger: logger)
            return try await TemporaryCaseStore.load(id, forUpdate: false, on: connection, logger: logger)
        }
    }

    /// Adds to a township's reserve (creating it) and returns the balance.
    static func topUpReserve(_ township: RegionCode, by amount: Money, dependencies: ServiceDependencies,
                             logger: Logger) async throws -> Money {
        var fund = try TownshipReserveFund(township: township, balance: .zero)
        try fund.topUp(amount)
        return try await dependencies.database.withConnection { connection in
            try await ReserveFundStore.topUp(township, by: fund.balance, on: connection, logger: logger)
        }
    }
}
