import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// `risk_signals` (every signal partner agencies reported) and `leads` (one per signal and
/// household it concerns, or one for outreach when it concerns none).
///
/// A household lead has no region of its own: it follows its household's current county (a
/// household that moves takes its leads along). An outreach lead keeps the region it was raised for.
enum RiskLeadStore {
    /// Stores the signal; false when a signal with its id was stored before.
    static func insertSignal(_ signal: RiskSignalReported, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query("""
            INSERT INTO risk_signals (id, person_ref, kind, agency, amount_fen, detail, reported_on, region)
            VALUES (\(signal.signalID), \(signal.person.rawValue), \(signal.kind.rawValue), \(signal.agency), \(signal.amount?.fen),
                    \(signal.detail), \(signal.reportedOn.iso)::date, \(signal.region?.rawValue))
            ON CONFLICT (id) DO NOTHING RETURNING id
            """, logger: logger)
        for try await _ in rows.decode(UUID.self) { return true }
        return false
    }

    /// Stores the lead, unless the signal already raised one for the household (or, for
    /// outreach, one at all).
    static func insert(_ lead: RiskLead, on connection: PostgresConnection, logger: Logger) async throws {
        // An outreach lead's region is stored; a household lead's is its household's.
        let region: String? = lead.subject.householdID == nil ? lead.region.rawValue : nil
        try await connection.query("""
            INSERT INTO leads (id, signal_id, household_id, person_ref, household_status, region, explanation, detected_on)
            VALUES (\(lead.id), \(lead.signalID), \(lead.subject.householdID), \(lead.person.rawValue),
                    \(lead.subject.householdStatus?.rawValue), \(region), \(lead.explanation), \(lead.detectedOn.iso)::date)
            ON CONFLICT DO NOTHING
            """, logger: logger)
    }

    /// The columns of a lead, with its region: its own, or its household's current one.
    private static let columns = """
        l.id, l.signal_id, l.household_id, l.person_ref, l.household_status, COALESCE(l.region, h.region),
        l.explanation, l.status, l.outcome, l.detected_on::text
        """
    private static let from = "leads l LEFT JOIN households h ON h.id = l.household_id"
    private typealias Row = (UUID, UUID, UUID?, String, String?, String, String, String, String?, String)

    /// The leads a signal raised whose region lies within `region`.
    static func leads(signal: UUID, within region: RegionCode, on connection: PostgresConnection, logger: Logger) async throws -> [RiskLead] {
        let prefix = String(region.significantPrefix)
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM \(unescaped: from)
            WHERE l.signal_id = \(signal) AND starts_with(COALESCE(l.region, h.region), \(prefix))
            ORDER BY l.id
            """, logger: logger)
        var leads: [RiskLead] = []
        for try await row in rows.decode(Row.self) { leads.append(try lead(row)) }
        return leads
    }

    /// Leads whose region lies within `region`, optionally of one status, newest first (at most 500).
    static func leads(status: LeadStatus?, within region: RegionCode, on connection: PostgresConnection, logger: Logger) async throws -> [RiskLead] {
        let status = status?.rawValue
        let prefix = String(region.significantPrefix)
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM \(unescaped: from)
            WHERE (\(status)::text IS NULL OR l.status = \(status)) AND starts_with(COALESCE(l.region, h.region), \(prefix))
            ORDER BY l.detected_on DESC, l.id LIMIT 500
            """, logger: logger)
        var leads: [RiskLead] = []
        for try await row in rows.decode(Row.self) { leads.append(try lead(row)) }
        return leads
    }

    /// The region a lead is judged by for region scope: its household's current county, or an
    /// outreach lead's own region. Nil when there is no such lead.
    static func region(of id: UUID, in database: PostgresClient, logger: Logger) async throws -> RegionCode? {
        let rows = try await database.query("""
            SELECT COALESCE(l.region, h.region) FROM \(unescaped: from) WHERE l.id = \(id)
            """, logger: logger)
        for try await region in rows.decode(String.self) { return try RegionCode(region) }
        return nil
    }

    /// The lead, locked for the rest of the transaction. Refuses `lead.not-found` (404).
    static func lock(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> RiskLead {
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM \(unescaped: from) WHERE l.id = \(id) FOR UPDATE OF l
            """, logger: logger)
        for try await row in rows.decode(Row.self) { return try lead(row) }
        throw RuleViolation("lead.not-found", "no lead \(id)", kind: .notFound)
    }

    static func update(_ lead: RiskLead, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE leads SET status = \(lead.status.rawValue), outcome = \(lead.outcome) WHERE id = \(lead.id)
            """, logger: logger)
    }

    private static func lead(_ row: Row) throws -> RiskLead {
        let subject: LeadSubject
        switch (row.2, row.4) {
        case (let household?, let stored?):
            guard let status = HouseholdRiskStatus(rawValue: stored) else {
                throw StoredValueError(column: "leads.household_status", value: stored)
            }
            subject = .household(id: household, status: status)
        case (nil, nil):
            subject = .outreach
        default:
            throw StoredValueError(column: "leads.household_status", value: row.4 ?? "NULL")
        }
        guard let status = LeadStatus(rawValue: row.7) else { throw StoredValueError(column: "leads.status", value: row.7) }
        return RiskLead(id: row.0, signalID: row.1, subject: subject, person: try PersonRef(rawValue: row.3), region: try RegionCode(row.5),
                        explanation: row.6, status: status, outcome: row.8, detectedOn: try CivilDate(iso: row.9))
    }
}
