import AssistanceDomain
import Contracts
import Foundation
import Hummingbird
import Logging
import Persistence
import PostgresNIO
import ServiceKit

/// 动态监测: partner agencies' risk signals (large medical expenses, a new disability
/// registration, unemployment, sudden income loss) arrive through `POST /risk-signals` or the
/// `civil.monitoring.events` topic. A signal about a member of a recipient or near-低保 household
/// raises an explained lead for active discovery (主动发现), published as `low-income-risk-detected`.
enum LowIncomeMonitoring {
    struct SignalRequest: Decodable, Sendable {
        var signalId: UUID?
        /// Either the person ref or the resident ID (never stored) identifies the person.
        var personRef: String?
        var residentId: String?
        var kind: String
        var agency: String
        var reportedOn: String
        var amountFen: Int64?
        var detail: String?
    }

    struct Lead: ResponseEncodable, Codable, Sendable {
        var leadId: UUID
        var signalId: UUID
        var householdId: UUID
        var personRef: String
        var householdStatus: String
        var explanation: String
        var status: String
        var outcome: String?
        var detectedOn: String
    }

    struct SignalResult: ResponseEncodable {
        var signalId: UUID
        var leads: [Lead]
    }

    struct LeadList: ResponseEncodable {
        var leads: [Lead]
    }

    struct LeadUpdate: Decodable, Sendable {
        var note: String
    }

    static func register(_ router: Router<ServiceRequestContext>, _ dependencies: ServiceDependencies, clock: ServiceClock) {
        router.post("/risk-signals") { request, context -> EditedResponse<SignalResult> in
            let body = try await request.decode(as: SignalRequest.self, context: context)
            let signal = try parse(body, key: dependencies.personRefKey)
            let (leads, isNew) = try await dependencies.database.transaction(logger: context.logger) { connection in
                try await receive(signal, today: clock.today(), source: dependencies.source, causationID: nil,
                                  on: connection, logger: context.logger)
            }
            // A repeated signal id is the same signal: 200 with the leads it raised the first time.
            return EditedResponse(status: isNew ? .created : .ok, response: SignalResult(signalId: signal.signalID, leads: leads))
        }
        router.get("/leads") { request, context -> LeadList in
            let status = request.uri.queryParameters.get("status")
            if let status, !["open", "following-up", "closed"].contains(status) {
                throw Problem.badRequest("request.invalid-status", "status must be open, following-up or closed")
            }
            return LeadList(leads: try await dependencies.database.withConnection { connection in
                try await leads(where: status, on: connection, logger: context.logger)
            })
        }
        router.post("/leads/:id/follow-up") { request, context -> Lead in
            try await update(context, request, dependencies, to: "following-up")
        }
        router.post("/leads/:id/closure") { request, context -> Lead in
            try await update(context, request, dependencies, to: "closed")
        }
    }

    static func handlers(clock: ServiceClock, source: String) -> EventHandlers {
        var handlers = EventHandlers()
        handlers.on(RiskSignalReported.self) { signal, context in
            try await receive(signal, today: clock.today(), source: source, causationID: context.event.id,
                                  on: context.connection, logger: context.logger)
        }
        return handlers
    }

    static func parse(_ body: SignalRequest, key: PersonRefKey) throws(RuleViolation) -> RiskSignalReported {
        let person: PersonRef
        switch (body.personRef, body.residentId) {
        case (let ref?, nil): person = try RequestParsing.personRef(ref, field: "personRef")
        case (nil, let id?): person = PersonRef.derive(from: try RequestParsing.residentID(id, field: "residentId"), key: key)
        default: throw .invalid("risk-signal.person-missing", "give exactly one of personRef and residentId")
        }
        return RiskSignalReported(
            signalID: body.signalId ?? UUID(), person: person,
            kind: try RequestParsing.choice(body.kind, field: "kind", as: RiskSignalKind.self),
            reportedOn: try RequestParsing.date(body.reportedOn, field: "reportedOn"),
            agency: try RequestParsing.nonEmpty(body.agency, field: "agency"),
            amount: try body.amountFen.map { value throws(RuleViolation) in try RequestParsing.fen(value, field: "amountFen") },
            detail: body.detail)
    }

    /// Stores the signal once (a repeated signal id returns its leads) and raises a lead for each
    /// recipient or near-低保 household the person belongs to.
    @discardableResult
    static func receive(_ signal: RiskSignalReported, today: CivilDate, source: String, causationID: UUID?,
                        on connection: PostgresConnection, logger: Logger) async throws -> (leads: [Lead], isNew: Bool) {
        let inserted = try await connection.query("""
            INSERT INTO risk_signals (id, person_ref, kind, agency, amount_fen, detail, reported_on)
            VALUES (\(signal.signalID), \(signal.person.rawValue), \(signal.kind.rawValue), \(signal.agency), \(signal.amount?.fen),
                    \(signal.detail), \(signal.reportedOn.iso)::date)
            ON CONFLICT (id) DO NOTHING RETURNING id
            """, logger: logger)
        var isNew = false
        for try await _ in inserted.decode(UUID.self) { isNew = true }
        if isNew {
            let households = try await connection.query("""
                SELECT h.id, h.region, h.near_low_income,
                       EXISTS (SELECT 1 FROM cases c WHERE c.household_id = h.id AND c.status IN ('active', 'exiting', 'suspended'))
                FROM households h JOIN household_members m ON m.household_id = h.id
                WHERE m.person_ref = \(signal.person.rawValue)
                """, logger: logger)
            var matches: [(UUID, String, Bool, Bool)] = []
            for try await row in households.decode((UUID, String, Bool, Bool).self) { matches.append(row) }
            for (householdID, region, nearLowIncome, recipient) in matches where recipient || nearLowIncome {
                let status: HouseholdRiskStatus = recipient ? .recipient : .nearLowIncome
                let explanation = explain(signal, status: status)
                let leadID = UUID()
                try await connection.query("""
                    INSERT INTO leads (id, signal_id, household_id, person_ref, household_status, explanation, detected_on)
                    VALUES (\(leadID), \(signal.signalID), \(householdID), \(signal.person.rawValue), \(status.rawValue), \(explanation),
                            \(today.iso)::date)
                    ON CONFLICT (signal_id, household_id) DO NOTHING
                    """, logger: logger)
                try await Outbox.append(
                    LowIncomeRiskDetected(leadID: leadID, householdID: householdID, person: signal.person, region: try RegionCode(region),
                                          signal: signal.kind, householdStatus: status, explanation: explanation, detectedOn: today,
                                          causationEventID: causationID),
                    source: source, causationID: causationID, on: connection, logger: logger)
            }
        }
        return (try await leads(signal: signal.signalID, on: connection, logger: logger), isNew)
    }

    static func explain(_ signal: RiskSignalReported, status: HouseholdRiskStatus) -> String {
        let household = status == .recipient ? "a household receiving assistance" : "a near-低保 household (income below the 低保边缘 line)"
        let amount = signal.amount.map { " of \($0) yuan" } ?? ""
        return "\(signal.agency) reported \(signal.kind.rawValue)\(amount) on \(signal.reportedOn) for a member of \(household); "
            + "the household may fall into hardship: visit and re-verify (主动发现)."
            + (signal.detail.map { " Detail: \($0)" } ?? "")
    }

    static let leadColumns = "id, signal_id, household_id, person_ref, household_status, explanation, status, outcome, detected_on::text"
    typealias LeadRow = (UUID, UUID, UUID, String, String, String, String, String?, String)

    static func lead(_ row: LeadRow) -> Lead {
        Lead(leadId: row.0, signalId: row.1, householdId: row.2, personRef: row.3, householdStatus: row.4, explanation: row.5,
             status: row.6, outcome: row.7, detectedOn: row.8)
    }

    static func leads(signal: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [Lead] {
        let rows = try await connection.query(
            "SELECT \(unescaped: leadColumns) FROM leads WHERE signal_id = \(signal) ORDER BY id", logger: logger)
        var result: [Lead] = []
        for try await row in rows.decode(LeadRow.self) { result.append(lead(row)) }
        return result
    }

    static func leads(where status: String?, on connection: PostgresConnection, logger: Logger) async throws -> [Lead] {
        let rows = try await connection.query("""
            SELECT \(unescaped: leadColumns) FROM leads WHERE (\(status)::text IS NULL OR status = \(status))
            ORDER BY detected_on DESC, id LIMIT 500
            """, logger: logger)
        var result: [Lead] = []
        for try await row in rows.decode(LeadRow.self) { result.append(lead(row)) }
        return result
    }

    static func update(_ context: ServiceRequestContext, _ request: Request, _ dependencies: ServiceDependencies,
                       to status: String) async throws -> Lead {
        guard let id = context.parameters.get("id", as: UUID.self) else {
            throw Problem.badRequest("request.invalid-id", "the lead id must be a UUID")
        }
        let body = try await request.decode(as: LeadUpdate.self, context: context)
        let note = try RequestParsing.nonEmpty(body.note, field: "note", max: 2_000)
        let rows = try await dependencies.database.query("""
            UPDATE leads SET status = \(status), outcome = \(note) WHERE id = \(id) AND status <> 'closed'
            RETURNING \(unescaped: leadColumns)
            """, logger: context.logger)
        for try await row in rows.decode(LeadRow.self) { return lead(row) }
        let known = try await dependencies.database.query("SELECT 1 FROM leads WHERE id = \(id)", logger: context.logger)
        for try await _ in known.decode(Int.self) {
            throw RuleViolation("lead.not-open", "lead \(id) is already closed", kind: .conflict)
        }
        throw RuleViolation("lead.not-found", "no lead \(id)", kind: .notFound)
    }
}
