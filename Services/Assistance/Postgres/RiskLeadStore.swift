import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// `risk_signals` (every signal partner agencies reported) and `leads` (one per signal and
/// household it concerns).
enum RiskLeadStore {
    /// Stores the signal; false when a signal with its id was stored before.
    static func insertSignal(_ signal: RiskSignalReported, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query("""
            INSERT INTO risk_signals (id, person_ref, kind, agency, amount_fen, detail, reported_on)
            VALUES (\(signal.signalID), \(signal.person.rawValue), \(signal.kind.rawValue), \(signal.agency), \(signal.amount?.fen),
                    \(signal.detail), \(signal.reportedOn.iso)::date)
            ON CONFLICT (id) DO NOTHING RETURNING id
            """, logger: logger)
        for try await _ in rows.decode(UUID.self) { return true }
        return false
    }

    /// Stores the lead, unless the signal already raised one for the household.
    static func insert(_ lead: RiskLead, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO leads (id, signal_id, household_id, person_ref, household_status, explanation, detected_on)
            VALUES (\(lead.id), \(lead.signalID), \(lead.householdID), \(lead.person.rawValue), \(lead.householdStatus.rawValue),
                    \(lead.explanation), \(lead.detectedOn.iso)::date)
            ON CONFLICT (signal_id, household_id) DO NOTHING
            """, logger: logger)
    }

    private static let columns = "id, signal_id, household_id, person_ref, household_status, explanation, status, outcome, detected_on::text"
    private typealias Row = (UUID, UUID, UUID, String, String, String, String, String?, String)

    /// The leads a signal raised for households living within `region` now.
    static func leads(signal: UUID, within region: RegionCode, on connection: PostgresConnection, logger: Logger) async throws -> [RiskLead] {
        let prefix = String(region.significantPrefix)
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM leads
            WHERE signal_id = \(signal) AND EXISTS (
                SELECT 1 FROM households h WHERE h.id = leads.household_id AND starts_with(h.region, \(prefix)))
            ORDER BY id
            """, logger: logger)
        var leads: [RiskLead] = []
        for try await row in rows.decode(Row.self) { leads.append(try lead(row)) }
        return leads
    }

    /// Leads of households living within `region` now, optionally of one status, newest first (at most 500).
    static func leads(status: LeadStatus?, within region: RegionCode, on connection: PostgresConnection, logger: Logger) async throws -> [RiskLead] {
        let status = status?.rawValue
        let prefix = String(region.significantPrefix)
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM leads
            WHERE (\(status)::text IS NULL OR status = \(status)) AND EXISTS (
                SELECT 1 FROM households h WHERE h.id = leads.household_id AND starts_with(h.region, \(prefix)))
            ORDER BY detected_on DESC, id LIMIT 500
            """, logger: logger)
        var leads: [RiskLead] = []
        for try await row in rows.decode(Row.self) { leads.append(try lead(row)) }
        return leads
    }

    /// The region a lead is judged by for region scope: its household's current county. Nil when
    /// there is no such lead.
    static func region(of id: UUID, in database: PostgresClient, logger: Logger) async throws -> RegionCode? {
        let rows = try await database.query("""
            SELECT h.region FROM leads l JOIN households h ON h.id = l.household_id WHERE l.id = \(id)
            """, logger: logger)
        for try await region in rows.decode(String.self) { return try RegionCode(region) }
        return nil
    }

    /// The lead, locked for the rest of the transaction. Refuses `lead.not-found` (404).
    static func lock(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> RiskLead {
        let rows = try await connection.query("SELECT \(unescaped: columns) FROM leads WHERE id = \(id) FOR UPDATE", logger: logger)
        for try await row in rows.decode(Row.self) { return try lead(row) }
        throw RuleViolation("lead.not-found", "no lead \(id)", kind: .notFound)
    }

    static func update(_ lead: RiskLead, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            UPDATE leads SET status = \(lead.status.rawValue), outcome = \(lead.outcome) WHERE id = \(lead.id)
            """, logger: logger)
    }

    private static func lead(_ row: Row) throws -> RiskLead {
        guard let householdStatus = HouseholdRiskStatus(rawValue: row.4) else {
            throw StoredValueError(column: "leads.household_status", value: row.4)
        }
        guard let status = LeadStatus(rawValue: row.6) else { throw StoredValueError(column: "leads.status", value: row.6) }
        return RiskLead(id: row.0, signalID: row.1, householdID: row.2, person: try PersonRef(rawValue: row.3),
                        householdStatus: householdStatus, explanation: row.5, status: status, outcome: row.7,
                        detectedOn: try CivilDate(iso: row.8))
    }
}
