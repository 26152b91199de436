import Contracts
import Foundation
import PostgresNIO
import Roster
import RosterStore

/// A program as small as a program can be, to test the shared roster without a service: one
/// table of allowances, each with a period, one amount and a suspension. ElderCare's advanced-age
/// allowance plugs in the same way.
struct ToyAllowance: RosterScheme {
    static let program = "toy-allowance"

    var name: String { "toy" }

    static let table = """
        CREATE TABLE toy_allowances (
            id uuid PRIMARY KEY,
            person_ref text NOT NULL,
            region text NOT NULL,
            amount_fen bigint NOT NULL CHECK (amount_fen > 0),
            first_month date NOT NULL,
            last_month date,
            suspended_from date
        )
        """

    /// `PaymentTerms.due(in:)` for one-step terms, in SQL.
    func entitlements(regionPrefix: String, month: YearMonth) -> PostgresQuery {
        let monthDate = month.firstDay.iso
        return """
            SELECT \(Self.program) AS program, a.id AS beneficiary_id, a.region, a.amount_fen, ARRAY[a.person_ref] AS recipients
            FROM toy_allowances a
            WHERE starts_with(a.region, \(regionPrefix)) AND a.first_month <= \(monthDate)::date
              AND (a.last_month IS NULL OR a.last_month >= \(monthDate)::date)
              AND (a.suspended_from IS NULL OR a.suspended_from > \(monthDate)::date)
            """
    }

    func openBeneficiaries(regionPrefix: String) -> PostgresQuery {
        "SELECT count(*)::int FROM toy_allowances WHERE starts_with(region, \(regionPrefix))"
    }

    var paymentEvent: PaymentEventSQL {
        PaymentEventSQL(type: ToyAllowancePaid.eventType, payload: """
            json_build_object('rosterID', p.roster_id, 'allowanceID', p.beneficiary_id, 'person', p.recipients[1],
                              'region', p.region, 'month', to_char(p.month, 'YYYY-MM'), 'amount', p.amount_fen)
            """)
    }

    func rosterEvent(rosterID: UUID, run: RosterRun) -> any DomainEvent {
        ToyRosterGenerated(rosterID: rosterID, region: run.region, month: run.month, paid: run.payments, total: run.total,
                           skipped: run.skipped)
    }
}

/// The toy program's payment event, as its `DomainEvent` type encodes it.
struct ToyAllowancePaid: DomainEvent {
    static let eventType = EventType(.eldercare, "toy-allowance-paid", version: 1)
    var rosterID: UUID
    var allowanceID: UUID
    var person: PersonRef
    var region: RegionCode
    var month: YearMonth
    var amount: Money
    var aggregateID: String { allowanceID.uuidString.lowercased() }
}

struct ToyRosterGenerated: DomainEvent {
    static let eventType = EventType(.eldercare, "toy-roster-generated", version: 1)
    var rosterID: UUID
    var region: RegionCode
    var month: YearMonth
    var paid: Int
    var total: Money
    var skipped: Int
    var aggregateID: String { "\(region.rawValue):\(month.iso)" }
}
