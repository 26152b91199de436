import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import Metrics
import Persistence
import PostgresNIO
import ServiceKit

/// 临时救助: report a case, advance an urgent payment from the township's reserve at once
/// (先行救助, with the 24-hour target tracked), review it afterwards and grant the amount.
enum TemporaryAssistanceRoutes {
    struct ReportRequest: Decodable, Sendable {
        /// `urgent` (急难型) or `expenditure` (支出型).
        var kind: String
        var residentId: String
        /// The township (9-digit code) handling the report; for urgent cases, where the emergency happened.
        var township: String
        var description: String
        /// Expenditure cases only: the residence bases the household may apply on.
        var residence: [ResidenceRequest]?
        /// RFC 3339; defaults to now.
        var reportedAt: String?
    }

    struct AdvanceRequest: Decodable, Sendable {
        var amountFen: Int64
        /// RFC 3339; defaults to now.
        var advancedAt: String?
    }

    struct ReviewRequest: Decodable, Sendable {
        var grantedFen: Int64
    }

    struct TopUpRequest: Decodable, Sendable {
        var amountFen: Int64
    }

    struct CaseView: ResponseEncodable {
        var caseId: UUID
        var kind: String
        var personRef: String
        var region: String
        var township: String
        var status: String
        var reportedAt: String
        var advancedAt: String?
        var advanceFen: Int64?
        var withinTarget: Bool?
    }

    struct Fund: ResponseEncodable {
        var township: String
        var balanceFen: Int64
    }

    enum Kind: String, CaseIterable { case urgent, expenditure }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies, policy: AssistancePolicy,
                         clock: ServiceClock) {
        router.post("/temporary-assistance") { request, context -> EditedResponse<CaseView> in
            let body = try await request.decode(as: ReportRequest.self, context: context)
            let kind = try RequestParsing.choice(body.kind, field: "kind", as: Kind.self)
            let township = try RequestParsing.region(body.township, field: "township")
            guard township.level == .township else {
                throw Problem.badRequest("temporary-assistance.not-township", "township must be a 9-digit township code")
            }
            let person = PersonRef.derive(from: try RequestParsing.residentID(body.residentId, field: "residentId"),
                                          key: dependencies.personRefKey)
            let description = try RequestParsing.nonEmpty(body.description, field: "description", max: 2_000)
            let reportedAt = try timestamp(body.reportedAt, field: "reportedAt") ?? Date()
            let residence = try ParsedApplication.parseResidence(body.residence ?? [])
            let domainKind: TemporaryNeed = kind == .urgent ? .urgent(emergencyRegion: township) : .expenditure
            let region = try TemporaryAssistance.responsibleRegion(kind: domainKind, residence: residence, policy: policy.residence)
            guard region == township.county else {
                throw RuleViolation("temporary-assistance.wrong-region",
                                    "this case is handled by \(region), not by a township of \(township.county)")
            }
            let id = UUID()
            try await dependencies.database.query("""
                INSERT INTO temporary_cases (id, kind, person_ref, region, township, description, reported_at)
                VALUES (\(id), \(kind.rawValue), \(person.rawValue), \(region.rawValue), \(township.rawValue), \(description), \(reportedAt))
                """, logger: context.logger)
            return EditedResponse(status: .created, response: try await load(id, dependencies, context.logger))
        }
        router.get("/temporary-assistance/:id") { _, context -> CaseView in
            try await load(try caseID(context), dependencies, context.logger)
        }
        router.post("/temporary-assistance/:id/advance") { request, context -> CaseView in
            let id = try caseID(context)
            let body = try await request.decode(as: AdvanceRequest.self, context: context)
            let amount = try RequestParsing.fen(body.amountFen, field: "amountFen")
            let advancedAt = try timestamp(body.advancedAt, field: "advancedAt") ?? Date()
            try await dependencies.database.transaction(logger: context.logger) { connection in
                try await advance(id, amount: amount, at: advancedAt, cap: policy.advanceCap, source: dependencies.source,
                                  on: connection, logger: context.logger)
            }
            return try await load(id, dependencies, context.logger)
        }
        router.post("/temporary-assistance/:id/review") { request, context -> CaseView in
            let id = try caseID(context)
            let body = try await request.decode(as: ReviewRequest.self, context: context)
            let granted = try RequestParsing.fen(body.grantedFen, field: "grantedFen")
            guard granted > .zero else { throw Problem.badRequest("request.invalid-amount", "grantedFen must be positive") }
            try await dependencies.database.transaction(logger: context.logger) { connection in
                try await review(id, granted: granted, today: clock.today(), source: dependencies.source, on: connection,
                                 logger: context.logger)
            }
            return try await load(id, dependencies, context.logger)
        }
        router.post("/reserve-funds/:township/top-ups") { request, context -> Fund in
            let township = try RequestParsing.region(context.parameters.get("township") ?? "", field: "township")
            let body = try await request.decode(as: TopUpRequest.self, context: context)
            var fund = try TownshipReserveFund(township: township, balance: .zero)
            try fund.topUp(try RequestParsing.fen(body.amountFen, field: "amountFen"))
            let rows = try await dependencies.database.query("""
                INSERT INTO reserve_funds (township, balance_fen) VALUES (\(township.rawValue), \(fund.balance.fen))
                ON CONFLICT (township) DO UPDATE SET balance_fen = reserve_funds.balance_fen + EXCLUDED.balance_fen
                RETURNING balance_fen
                """, logger: context.logger)
            var balance: Int64 = 0
            for try await value in rows.decode(Int64.self) { balance = value }
            return Fund(township: township.rawValue, balanceFen: balance)
        }
    }

    /// Draws the advance from the township's reserve and publishes `temporary-assistance-advanced`;
    /// an advance later than 24 hours after the report counts as a breach.
    static func advance(_ id: UUID, amount: Money, at advancedAt: Date, cap: Money?, source: String,
                        on connection: PostgresConnection, logger: Logger) async throws {
        let rows = try await connection.query("""
            SELECT kind, person_ref, region, township, reported_at, status FROM temporary_cases WHERE id = \(id) FOR UPDATE
            """, logger: logger)
        var found: (String, String, String, String, Date, String)?
        for try await row in rows.decode((String, String, String, String, Date, String).self) { found = row }
        guard let (kind, ref, regionText, townshipText, reportedAt, status) = found else {
            throw RuleViolation("temporary-assistance.not-found", "no temporary-assistance case \(id)", kind: .notFound)
        }
        guard status == "reported" else {
            throw RuleViolation(status == "advanced" ? "temporary-assistance.already-advanced" : "temporary-assistance.not-advanceable",
                                "case \(id) is \(status)", kind: .conflict)
        }
        try TemporaryAssistance.validateAdvance(reportedAt: reportedAt, advancedAt: advancedAt)
        let township = try RegionCode(townshipText)
        let region = try RegionCode(regionText)
        let funds = try await connection.query(
            "SELECT balance_fen FROM reserve_funds WHERE township = \(township.rawValue) FOR UPDATE", logger: logger)
        var balance: Int64?
        for try await value in funds.decode(Int64.self) { balance = value }
        guard let balance else {
            throw RuleViolation("reserve.not-set-up", "township \(township) has no reserve fund; top it up first")
        }
        let domainKind: TemporaryNeed = kind == "urgent" ? .urgent(emergencyRegion: region) : .expenditure
        let fund = try TemporaryAssistance.advance(amount, kind: domainKind, from: try TownshipReserveFund(township: township, balance: Money(fen: balance)),
                                                   cap: cap)
        try await connection.query("UPDATE reserve_funds SET balance_fen = \(fund.balance.fen) WHERE township = \(township.rawValue)",
                                   logger: logger)
        let breach = TemporaryAssistance.advanceBreach(reportedAt: reportedAt, advancedAt: advancedAt)
        try await connection.query("""
            UPDATE temporary_cases SET status = 'advanced', advanced_at = \(advancedAt), advance_fen = \(amount.fen),
                breach_reported = breach_reported OR \(breach)
            WHERE id = \(id)
            """, logger: logger)
        try await Outbox.append(
            TemporaryAssistanceAdvanced(caseID: id, kind: .urgent, person: try PersonRef(rawValue: ref), region: region,
                                        reportedAt: reportedAt, advancedAt: advancedAt, amount: amount, withinTarget: !breach,
                                        targetHours: Int(TemporaryAssistance.advanceTarget / 3600)),
            source: source, on: connection, logger: logger)
        Recorder(label: "assistance_advance_hours").record(advancedAt.timeIntervalSince(reportedAt) / 3600)
        if breach { Counter(label: "assistance_advance_target_breaches_total", dimensions: [("when", "advanced-late")]).increment() }
    }

    /// The review after the fact: the amount granted is published as a one-off `benefit-granted`
    /// (program 临时救助; its `monthlyAmount` is the amount granted, as the contract says).
    static func review(_ id: UUID, granted: Money, today: CivilDate, source: String, on connection: PostgresConnection,
                       logger: Logger) async throws {
        let rows = try await connection.query("""
            UPDATE temporary_cases SET status = 'reviewed' WHERE id = \(id) AND status IN ('reported', 'advanced')
            RETURNING person_ref, region
            """, logger: logger)
        var found: (String, String)?
        for try await row in rows.decode((String, String).self) { found = row }
        guard let (ref, region) = found else {
            let known = try await connection.query("SELECT status FROM temporary_cases WHERE id = \(id)", logger: logger)
            for try await status in known.decode(String.self) {
                throw RuleViolation("temporary-assistance.not-reviewable", "case \(id) is already \(status)", kind: .conflict)
            }
            throw RuleViolation("temporary-assistance.not-found", "no temporary-assistance case \(id)", kind: .notFound)
        }
        try await Outbox.append(
            BenefitGranted(caseID: id, program: .temporaryAssistance, recipients: [try PersonRef(rawValue: ref)],
                           region: try RegionCode(region), startsOn: today, monthlyAmount: granted, causationEventID: nil),
            source: source, on: connection, logger: logger)
    }

    static func load(_ id: UUID, _ dependencies: ServiceDependencies, _ logger: Logger) async throws -> CaseView {
        let rows = try await dependencies.database.query("""
            SELECT kind, person_ref, region, township, status, reported_at, advanced_at, advance_fen FROM temporary_cases WHERE id = \(id)
            """, logger: logger)
        for try await row in rows.decode((String, String, String, String, String, Date, Date?, Int64?).self) {
            return CaseView(caseId: id, kind: row.0, personRef: row.1, region: row.2, township: row.3, status: row.4,
                            reportedAt: RFC3339.format(row.5), advancedAt: row.6.map(RFC3339.format), advanceFen: row.7,
                            withinTarget: row.6.map { !TemporaryAssistance.advanceBreach(reportedAt: row.5, advancedAt: $0) })
        }
        throw RuleViolation("temporary-assistance.not-found", "no temporary-assistance case \(id)", kind: .notFound)
    }

    static func caseID(_ context: ServiceRequestContext) throws -> UUID {
        guard let id = context.parameters.get("id", as: UUID.self) else {
            throw Problem.badRequest("request.invalid-id", "the case id must be a UUID")
        }
        return id
    }

    static func timestamp(_ text: String?, field: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = RFC3339.parse(text) else {
            throw Problem.badRequest("request.invalid-timestamp", "\(field) must be an RFC 3339 timestamp")
        }
        return date
    }
}
