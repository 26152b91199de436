import Contracts
import Foundation
import PostgresNIO
import Roster

/// What a service tells the shared roster about the programs it pays: who is due what in a
/// month (as SQL over its own tables), and the events it publishes. The roster does the rest the
/// same way for every service: one payment per (program, beneficiary, month), a re-run pays
/// nobody twice, one event per payment and one per roster, all in the roster's transaction.
///
/// Queries are built with postgres-nio's interpolation (their values are bound, never spliced);
/// the roster embeds them in its own statements and numbers its parameters after theirs.
public protocol RosterScheme: Sendable {
    /// Names the scheme's rosters (`rosters.scheme`): a month's rosters, and the months a
    /// reconciliation settles, are those of one scheme.
    var name: String { get }

    /// Everyone due a payment for `month` under `regionPrefix` (``PaymentRoster/regionPrefix(of:)``):
    /// a SELECT of the columns `program text, beneficiary_id uuid, region text, amount_fen bigint,
    /// recipients text[]`, one row per beneficiary and program whose terms owe `amount_fen`
    /// (> 0) that month — ``PaymentTerms/due(in:)`` written in SQL. Months already paid may be
    /// listed: the roster leaves them out.
    func entitlements(regionPrefix: String, month: YearMonth) -> PostgresQuery

    /// A SELECT of one `int`: the beneficiaries under `regionPrefix` the roster could pay (not
    /// ended for good). The roster reports those it did not pay as `skipped`.
    func openBeneficiaries(regionPrefix: String) -> PostgresQuery

    /// The event of each payment.
    var paymentEvent: PaymentEventSQL { get }

    /// The event of a generated roster, appended to the outbox after its payments' events.
    func rosterEvent(rosterID: UUID, run: RosterRun) -> any DomainEvent

    /// An SQL `text` expression over the paid row `p` (the columns ``PaymentEventSQL/payload``
    /// names) that splits each program's totals into parts (``RosterRun/parts``), e.g. Assistance's
    /// urban/rural area; nil for none. Evaluated once per payment, and the payment event's payload
    /// may read it as `p.part`. Static SQL, no input.
    var totalsPart: String? { get }
}

extension RosterScheme {
    /// No parts: a program's totals are the roster's only breakdown.
    public var totalsPart: String? { nil }
}

/// A payment event as PostgreSQL builds it, so that a million payments never pass through Swift.
public struct PaymentEventSQL: Sendable {
    /// Type, topic and schema of the event.
    public var type: EventType
    /// An SQL expression of type `json` or `jsonb`: the event's payload, over the paid row `p`
    /// with the columns `beneficiary_id uuid, month date, program text, roster_id uuid,
    /// amount_fen bigint, region text, recipients text[]`, and `part text` (``RosterScheme/totalsPart``,
    /// null when the scheme has none). It must build what the event's
    /// `DomainEvent` type encodes (the service's contract test decodes it). Static SQL, no input.
    public var payload: String

    public init(type: EventType, payload: String) {
        self.type = type
        self.payload = payload
    }
}
