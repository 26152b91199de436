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

    /// The leads a signal raised.
    static func leads(signal: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [RiskLead] {
        let rows = try await connection.query("SELECT \(unescaped: columns) FROM leads WHERE signal_id = \(signal) ORDER BY id", logger: logger)
        var leads: [RiskLead] = []
        for try await row in rows.decode(Row.self) { leads.append(try lead(row)) }
        return leads
    }

    /// Leads, optionally of one status, newest first (at most 500).
    static func leads(status: LeadStatus?, on connection: PostgresConnection, logger: Logger) async throws -> [RiskLead] {
        let status = status?.rawValue
        let rows = try await connection.query("""
            SELECT \(unescaped: columns) FROM leads WHERE (\(status)::text IS NULL OR status = \(status))
            ORDER BY detected_on DESC, id LIMIT 500
            """, logger: logger)
        var leads: [RiskLead] = []
        for try await row in rows.decode(Row.self) { leads.append(try lead(row)) }
        return leads
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
