import AssistanceDomain
import Contracts
import Foundation
import Logging
import PostgresNIO

/// `disability_subsidies`: the grants of the two subsidies, with their terms stored as the cases
/// store theirs.
enum DisabilitySubsidyStore {
    /// A grant with the household it was granted in (the subsidy itself is the person's).
    struct Stored: Sendable {
        var subsidy: DisabilitySubsidy
        var householdID: UUID
        var grantedOn: CivilDate
    }

    /// Refuses `disability-subsidy.already-granted` (409) when the person holds this kind already,
    /// active or still exiting (``DisabilitySubsidyStatus/blocksNewGrant``): the unique index of
    /// migration 14 decides, so two concurrent grants cannot both pass.
    static func insert(_ subsidy: DisabilitySubsidy, householdID: UUID, grantedOn: CivilDate,
                       on connection: PostgresConnection, logger: Logger) async throws {
        let terms = subsidy.terms
        let rows = try await connection.query("""
            INSERT INTO disability_subsidies (id, person_ref, household_id, region, kind, basis, monthly_amount_fen, amount_from,
                                              amount_steps, first_month, status, granted_on)
            VALUES (\(subsidy.id), \(subsidy.person.rawValue), \(householdID), \(subsidy.region.rawValue), \(subsidy.kind.rawValue),
                    \(subsidy.basis.rawValue), \(terms.monthlyAmount.fen), \(terms.currentAmountFrom.firstDay.iso)::date,
                    \(try CaseStore.stepsJSON(terms.steps))::jsonb, \(terms.firstMonth.firstDay.iso)::date,
                    \(subsidy.status.rawValue), \(grantedOn.iso)::date)
            ON CONFLICT (person_ref, kind) WHERE status IN ('active', 'exiting') DO NOTHING
            RETURNING 1
            """, logger: logger)
        for try await _ in rows.decode(Int.self) { return }
        throw RuleViolation("disability-subsidy.already-granted",
                            "the person already receives the \(subsidy.kind.rawValue) subsidy (active, or in a 渐退 not yet over)",
                            kind: .conflict)
    }

    static func save(_ subsidy: DisabilitySubsidy, on connection: PostgresConnection, logger: Logger) async throws {
        let terms = subsidy.terms
        try await connection.query("""
            UPDATE disability_subsidies SET monthly_amount_fen = \(terms.monthlyAmount.fen),
                amount_from = \(terms.currentAmountFrom.firstDay.iso)::date, amount_steps = \(try CaseStore.stepsJSON(terms.steps))::jsonb,
                last_month = \(terms.lastMonth?.firstDay.iso)::date, suspended_from = \(terms.suspendedFrom?.firstDay.iso)::date,
                status = \(subsidy.status.rawValue), exit = \(try subsidy.exit.map { try StoredJSON.text($0) })::jsonb,
                died_on = \(subsidy.diedOn?.iso)::date
            WHERE id = \(subsidy.id)
            """, logger: logger)
    }

    private static let columns = """
        id, person_ref, household_id, region, kind, basis, amount_steps::text, to_char(first_month, 'YYYY-MM'),
        to_char(last_month, 'YYYY-MM'), to_char(suspended_from, 'YYYY-MM'), status, exit::text, to_char(died_on, 'YYYY-MM-DD'),
        to_char(granted_on, 'YYYY-MM-DD')
        """

    private typealias Row = (UUID, String, UUID, String, String, String, String, String, String?, String?, String, String?, String?, String)

    /// Refuses `disability-subsidy.not-found` (404).
    static func load(_ id: UUID, forUpdate: Bool, on connection: PostgresConnection, logger: Logger) async throws -> Stored {
        let found = try await select("""
            SELECT \(unescaped: columns) FROM disability_subsidies WHERE id = \(id) \(unescaped: forUpdate ? "FOR UPDATE" : "")
            """, on: connection, logger: logger)
        guard let stored = found.first else {
            throw RuleViolation("disability-subsidy.not-found", "no disability subsidy \(id)", kind: .notFound)
        }
        return stored
    }

    /// The household's subsidies, the oldest first.
    static func of(household: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [Stored] {
        try await select("""
            SELECT \(unescaped: columns) FROM disability_subsidies WHERE household_id = \(household) ORDER BY created_at, id
            """, on: connection, logger: logger)
    }

    /// The person's subsidies, stopped ones included (a death correction or annulment acts on them), locked.
    static func of(person: PersonRef, on connection: PostgresConnection, logger: Logger) async throws -> [Stored] {
        try await select("""
            SELECT \(unescaped: columns) FROM disability_subsidies WHERE person_ref = \(person.rawValue) ORDER BY created_at, id FOR UPDATE
            """, on: connection, logger: logger)
    }

    /// The subsidies of a county and kind not stopped by a death, locked: what a new amount re-rates
    /// (an ended one only for months its 渐退 paid: ``DisabilitySubsidy/rerate(to:from:)``).
    static func reratable(region: RegionCode, kind: DisabilitySubsidyKind, on connection: PostgresConnection,
                          logger: Logger) async throws -> [Stored] {
        try await select("""
            SELECT \(unescaped: columns) FROM disability_subsidies
            WHERE region = \(region.county.rawValue) AND kind = \(kind.rawValue) AND status <> 'stopped' ORDER BY id FOR UPDATE
            """, on: connection, logger: logger)
    }

    /// The household's active living subsidies granted because it was in 低保, locked: what the
    /// termination of its 低保 case sends into 渐退.
    static func livingOnMinimumLiving(household: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [Stored] {
        try await select("""
            SELECT \(unescaped: columns) FROM disability_subsidies
            WHERE household_id = \(household) AND kind = 'living'
              AND basis = \(DisabilitySubsidyBasis.minimumLivingHousehold.rawValue) AND status = 'active'
            ORDER BY id FOR UPDATE
            """, on: connection, logger: logger)
    }

    /// The county that pays the subsidy, for region scope; nil when there is no such subsidy.
    static func region(of id: UUID, in database: PostgresClient, logger: Logger) async throws -> RegionCode? {
        let rows = try await database.query("SELECT region FROM disability_subsidies WHERE id = \(id)", logger: logger)
        for try await region in rows.decode(String.self) { return try RegionCode(region) }
        return nil
    }

    private static func select(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> [Stored] {
        let rows = try await connection.query(query, logger: logger)
        var found: [Stored] = []
        for try await row in rows.decode(Row.self) { found.append(try stored(row)) }
        return found
    }

    private static func stored(_ row: Row) throws -> Stored {
        func month(_ text: String?) throws -> YearMonth? { try text.map { try YearMonth(iso: $0) } }
        guard let kind = DisabilitySubsidyKind(rawValue: row.4) else { throw StoredValueError(column: "disability_subsidies.kind", value: row.4) }
        guard let basis = DisabilitySubsidyBasis(rawValue: row.5) else { throw StoredValueError(column: "disability_subsidies.basis", value: row.5) }
        guard let status = DisabilitySubsidyStatus(rawValue: row.10) else {
            throw StoredValueError(column: "disability_subsidies.status", value: row.10)
        }
        let terms = CaseTerms(firstMonth: try YearMonth(iso: row.7), lastMonth: try month(row.8),
                              steps: try StoredJSON.decode([CaseTerms.Step].self, from: row.6), suspendedFrom: try month(row.9))
        let subsidy = DisabilitySubsidy(id: row.0, person: try PersonRef(rawValue: row.1), region: try RegionCode(row.3), kind: kind,
                                        basis: basis, terms: terms, status: status,
                                        exit: try row.11.map { try StoredJSON.decode(GradualExit.self, from: $0) },
                                        diedOn: try row.12.map { try CivilDate(iso: $0) })
        return Stored(subsidy: subsidy, householdID: row.2, grantedOn: try CivilDate(iso: row.13))
    }
}
