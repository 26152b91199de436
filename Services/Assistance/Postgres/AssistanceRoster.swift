import AssistanceDomain
import Contracts
import Foundation
import PostgresNIO
import RosterStore

/// How Assistance plugs into the shared roster: its cases are the beneficiaries (one program each,
/// 低保 or 特困), paid on one roster per region and month with a `benefit-paid` per case and a
/// `payment-roster-generated` per roster.
struct AssistanceRoster: RosterScheme {
    var name: String { "assistance" }

    /// The cases of the counties under `regionPrefix` that are due a payment for `month`:
    /// ``CaseTerms/due(in:)`` in SQL — within the case's period, before any suspension (a death
    /// suspends from the month after it), at the amount in force that month. `RosterTermsParityTests`
    /// checks both agree.
    func entitlements(regionPrefix: String, month: YearMonth) -> PostgresQuery {
        let monthDate = month.firstDay.iso
        return """
            SELECT c.program, c.id AS beneficiary_id, c.region,
                   CASE WHEN \(monthDate)::date >= c.amount_from THEN c.monthly_amount_fen
                        ELSE (SELECT (step->>'amount')::bigint FROM jsonb_array_elements(c.amount_steps) step
                              WHERE step->>'from' <= \(month.iso) ORDER BY step->>'from' DESC LIMIT 1) END AS amount_fen,
                   c.recipients
            FROM cases c
            WHERE starts_with(c.region, \(regionPrefix)) AND c.status <> 'terminated'
              AND c.first_month <= \(monthDate)::date
              AND (c.last_month IS NULL OR c.last_month >= \(monthDate)::date)
              AND (c.suspended_from IS NULL OR c.suspended_from > \(monthDate)::date)
            """
    }

    /// Cases of the counties under `regionPrefix` that are not terminated.
    func openBeneficiaries(regionPrefix: String) -> PostgresQuery {
        "SELECT count(*)::int FROM cases WHERE starts_with(region, \(regionPrefix)) AND status <> 'terminated'"
    }

    /// A payment's urban/rural area: that of the case's household, whose standard its amount is
    /// computed on. Two primary-key reads per payment.
    var totalsPart: String? {
        "(SELECT h.area FROM cases c JOIN households h ON h.id = c.household_id WHERE c.id = p.beneficiary_id)"
    }

    /// `benefit-paid`, keyed by the case: the JSON `BenefitPaid` encodes, with the area (`p.part`).
    var paymentEvent: PaymentEventSQL {
        PaymentEventSQL(type: BenefitPaid.eventType, payload: """
            json_strip_nulls(json_build_object('rosterID', p.roster_id, 'caseID', p.beneficiary_id, 'program', p.program,
                              'recipients', p.recipients, 'region', p.region, 'month', to_char(p.month, 'YYYY-MM'),
                              'amount', p.amount_fen, 'area', p.part))
            """)
    }

    /// `payment-roster-generated`: households (one payment per case) and totals per program, and
    /// per urban/rural area and program for the statistics.
    func rosterEvent(rosterID: UUID, run: RosterRun) -> any DomainEvent {
        func program(_ name: String) -> AssistanceProgram { AssistanceProgram(rawValue: name) ?? .minimumLivingAllowance }
        return PaymentRosterGenerated(
            rosterID: rosterID, region: run.region, month: run.month, households: run.payments, total: run.total,
            programs: run.programs.map { RosterProgramTotal(program: program($0.program), households: $0.payments, total: $0.total) },
            skipped: run.skipped, generatedAt: Date(),
            areas: run.parts.compactMap { part in
                part.part.flatMap(UrbanRuralArea.init(rawValue:)).map {
                    RosterAreaTotal(area: $0, program: program(part.program), households: part.payments, total: part.total)
                }
            })
    }

    /// The cases whose household lives within `region` now: recovery-claim listings keep to them.
    static func casesOfHouseholds(within region: RegionCode) -> PostgresQuery {
        let prefix = String(region.significantPrefix)
        return "SELECT c.id FROM cases c JOIN households h ON h.id = c.household_id WHERE starts_with(h.region, \(prefix))"
    }
}
