import AssistanceDomain
import Contracts
import Foundation
import PostgresNIO
import RosterStore

/// How the disability two subsidies plug into the shared roster: each subsidy is a beneficiary
/// (its program `disability-living-subsidy` or `disability-nursing-subsidy`), paid on one roster per
/// region and month with a `disability-subsidy-paid` per subsidy and a
/// `disability-subsidy-roster-generated` per roster. A scheme of its own (`rosters.scheme`), so the
/// 低保 roster and this one run, re-run and reconcile independently.
struct DisabilitySubsidyRoster: RosterScheme {
    var name: String { "assistance-disability-subsidy" }

    /// The subsidies of the counties under `regionPrefix` due a payment for `month`:
    /// ``CaseTerms/due(in:)`` in SQL, as ``AssistanceRoster`` states it for cases — within the
    /// period (a 渐退 sets the last month), before any suspension (a death stops it from the month
    /// after), at the amount in force that month. `RosterTermsParityTests` checks both agree.
    func entitlements(regionPrefix: String, month: YearMonth) -> PostgresQuery {
        let monthDate = month.firstDay.iso
        return """
            SELECT CASE s.kind WHEN 'living' THEN \(DisabilitySubsidyProgram.living.rawValue)
                               ELSE \(DisabilitySubsidyProgram.nursing.rawValue) END AS program,
                   s.id AS beneficiary_id, s.region,
                   CASE WHEN \(monthDate)::date >= s.amount_from THEN s.monthly_amount_fen
                        ELSE (SELECT (step->>'amount')::bigint FROM jsonb_array_elements(s.amount_steps) step
                              WHERE step->>'from' <= \(month.iso) ORDER BY step->>'from' DESC LIMIT 1) END AS amount_fen,
                   ARRAY[s.person_ref] AS recipients
            FROM disability_subsidies s
            WHERE starts_with(s.region, \(regionPrefix))
              AND s.first_month <= \(monthDate)::date
              AND (s.last_month IS NULL OR s.last_month >= \(monthDate)::date)
              AND (s.suspended_from IS NULL OR s.suspended_from > \(monthDate)::date)
            """
    }

    /// Subsidies of the counties under `regionPrefix` not stopped by a death.
    func openBeneficiaries(regionPrefix: String) -> PostgresQuery {
        "SELECT count(*)::int FROM disability_subsidies WHERE starts_with(region, \(regionPrefix)) AND status <> 'stopped'"
    }

    /// A payment's urban/rural area: that of the household the subsidy was granted in.
    var totalsPart: String? {
        "(SELECT h.area FROM disability_subsidies s JOIN households h ON h.id = s.household_id WHERE s.id = p.beneficiary_id)"
    }

    /// `disability-subsidy-paid`, keyed by the subsidy: the JSON `DisabilitySubsidyPaid` encodes.
    var paymentEvent: PaymentEventSQL {
        PaymentEventSQL(type: DisabilitySubsidyPaid.eventType, payload: """
            json_strip_nulls(json_build_object('rosterID', p.roster_id, 'subsidyID', p.beneficiary_id, 'person', p.recipients[1],
                              'program', p.program, 'region', p.region, 'month', to_char(p.month, 'YYYY-MM'),
                              'amount', p.amount_fen, 'area', p.part))
            """)
    }

    func rosterEvent(rosterID: UUID, run: RosterRun) -> any DomainEvent {
        DisabilitySubsidyRosterGenerated(
            rosterID: rosterID, region: run.region, month: run.month, paid: run.payments, total: run.total,
            programs: run.programs.compactMap { total in
                DisabilitySubsidyProgram(rawValue: total.program).map {
                    DisabilitySubsidyRosterTotal(program: $0, paid: total.payments, total: total.total)
                }
            },
            skipped: run.skipped, generatedAt: Date())
    }
}
