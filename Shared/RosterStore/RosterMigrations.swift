import Persistence

/// The roster's tables, in their own migration scope `roster`, the same in every service that
/// pays by roster (each in its own database). A service includes them in its migration list,
/// before its own migrations (the migrator applies shared scopes first).
///
/// Amounts are integer fen, months the first day of the month. A beneficiary is the record a
/// program pays from (Assistance: a case; ElderCare: an allowance), by its uuid; the tables keep
/// no foreign key to it because the record is the service's.
public enum RosterMigrations {
    public static let scope = "roster"

    public static let all: [Migration] = [
        Migration(scope: scope, version: 1, name: "rosters_payments_ledger", statements: [
            // One row per generated roster. `scheme` names whose roster it is (a service may keep
            // several); `region_prefix` is what a beneficiary's county code starts with when the
            // roster covers it.
            """
            CREATE TABLE rosters (
                id uuid PRIMARY KEY,
                scheme text NOT NULL,
                region text NOT NULL,
                region_prefix text NOT NULL,
                month date NOT NULL,
                payments integer NOT NULL,
                total_fen bigint NOT NULL,
                skipped integer NOT NULL,
                generated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX rosters_scheme_prefix_month ON rosters (scheme, region_prefix, month)",
            // The primary key is what makes a re-run roster never pay a month twice. The
            // beneficiary comes first so that its ledger is one index range.
            """
            CREATE TABLE roster_payments (
                beneficiary_id uuid NOT NULL,
                month date NOT NULL,
                program text NOT NULL,
                roster_id uuid NOT NULL,
                amount_fen bigint NOT NULL,
                region text NOT NULL,
                -- Who the payment was for when it was made: the roster is the audit record.
                recipients text[] NOT NULL,
                PRIMARY KEY (beneficiary_id, month, program)
            ) WITH (fillfactor = 100)
            """,
            "CREATE INDEX roster_payments_roster ON roster_payments (roster_id)",
            // Months settled after the fact (an annulled or corrected death).
            """
            CREATE TABLE roster_back_payments (
                id uuid PRIMARY KEY,
                beneficiary_id uuid NOT NULL,
                program text NOT NULL,
                month date NOT NULL,
                amount_fen bigint NOT NULL CHECK (amount_fen > 0),
                cause_event_id uuid,
                paid_on date NOT NULL
            )
            """,
            "CREATE INDEX roster_back_payments_beneficiary ON roster_back_payments (beneficiary_id, month)",
            // Months paid after a person's payments should have ended (a death reported late).
            """
            CREATE TABLE roster_recovery_claims (
                id uuid PRIMARY KEY,
                beneficiary_id uuid NOT NULL,
                program text NOT NULL,
                person_ref text NOT NULL,
                ended_on date NOT NULL,
                -- {"YYYY-MM": fen, …}: what is claimed for each month.
                months jsonb NOT NULL,
                amount_fen bigint NOT NULL CHECK (amount_fen > 0),
                status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
                opened_on date NOT NULL,
                cause_event_id uuid,
                cancelled_by_event_id uuid
            )
            """,
            "CREATE INDEX roster_recovery_claims_beneficiary ON roster_recovery_claims (beneficiary_id)",
        ]),
        // Why a claim was opened (`RecoveryClaimReason`): the claims before were all deaths'. A
        // lower amount for months already paid is claimed too, and a death's correction or
        // annulment cancels only the death's claims.
        Migration(scope: scope, version: 2, name: "recovery_claim_reasons", statements: [
            """
            ALTER TABLE roster_recovery_claims ADD COLUMN reason text NOT NULL DEFAULT 'death'
                CHECK (reason IN ('death', 'amount-lowered'))
            """,
        ]),
    ]
}
