import LifeEvents
import Persistence
import RosterStore

/// The Assistance schema, after the life-event journal's (scope `journal`) and the shared roster's
/// (scope `roster`). Its own versions start at 3: versions 1–2 were the journal's before the
/// journal had a scope of its own.
///
/// Amounts are integer fen (`bigint`), months are the first day of the month (`date`), and
/// people are person refs only: the resident ID an application arrives with is never stored.
enum AssistanceMigrations {
    static let all: [Migration] = LifeEventJournal.migrations + RosterMigrations.all + [
        Migration(version: 3, name: "standards", statements: [
            """
            CREATE TABLE standards (
                region text NOT NULL,
                year integer NOT NULL,
                area text NOT NULL CHECK (area IN ('urban', 'rural')),
                minimum_living_allowance_fen bigint NOT NULL CHECK (minimum_living_allowance_fen > 0),
                extreme_poverty_basic_fen bigint NOT NULL CHECK (extreme_poverty_basic_fen > 0),
                extreme_poverty_care jsonb NOT NULL DEFAULT '{}',
                override_reason text,
                warnings jsonb NOT NULL DEFAULT '[]',
                published_on date NOT NULL,
                PRIMARY KEY (region, year, area)
            )
            """,
            """
            CREATE TABLE city_minimum_standards (
                year integer NOT NULL,
                area text NOT NULL CHECK (area IN ('urban', 'rural')),
                minimum_living_allowance_fen bigint NOT NULL CHECK (minimum_living_allowance_fen > 0),
                PRIMARY KEY (year, area)
            )
            """,
        ]),
        Migration(version: 4, name: "households_and_applications", statements: [
            // `members` is the domain's `[Member]` as JSON: relation, birth date and sex (from the
            // resident ID), disability, work capacity and, after verification, incomes and assets.
            """
            CREATE TABLE households (
                id uuid PRIMARY KEY,
                region text NOT NULL,
                area text NOT NULL CHECK (area IN ('urban', 'rural')),
                residence jsonb NOT NULL,
                -- As declared at intake; verified_members is the latest consolidation with the
                -- agencies' data (核对), which amounts are computed from.
                members jsonb NOT NULL,
                verified_members jsonb,
                near_low_income boolean NOT NULL DEFAULT false,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE household_members (
                household_id uuid NOT NULL REFERENCES households (id),
                person_ref text NOT NULL,
                PRIMARY KEY (household_id, person_ref)
            )
            """,
            "CREATE INDEX household_members_person ON household_members (person_ref)",
            """
            CREATE TABLE applications (
                id uuid PRIMARY KEY,
                idempotency_key text NOT NULL UNIQUE,
                program text NOT NULL,
                household_id uuid NOT NULL REFERENCES households (id),
                applicant_ref text NOT NULL,
                region text NOT NULL,
                intake_region text NOT NULL,
                state text NOT NULL,
                workflow jsonb NOT NULL,
                verification jsonb,
                extras jsonb NOT NULL,
                home_visit jsonb,
                objections jsonb NOT NULL DEFAULT '[]',
                rejection_code text,
                rejection_reason text,
                submitted_on date NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX applications_region_state ON applications (region, state)",
            // The table-backed economic-verification source: what partner agencies delivered
            // (social insurance, housing fund, vehicles, real estate, business registration,
            // deposits), loaded through `PUT /verification-sources/{source}/records`.
            """
            CREATE TABLE verification_records (
                source text NOT NULL,
                person_ref text NOT NULL,
                kind text NOT NULL CHECK (kind IN ('income', 'asset')),
                category text NOT NULL,
                amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
                note text NOT NULL DEFAULT '',
                loaded_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX verification_records_person ON verification_records (person_ref)",
            // One open application per household and program; a decided one can be followed by a new one.
            """
            CREATE UNIQUE INDEX applications_one_open ON applications (household_id, program)
                WHERE state NOT IN ('granted', 'rejected')
            """,
        ]),
        Migration(version: 5, name: "cases_and_payments", statements: [
            // `recipients` is denormalised onto the case: the roster reads it for a million
            // households in one pass, and the GIN index finds a deceased person's cases.
            """
            CREATE TABLE cases (
                id uuid PRIMARY KEY,
                application_id uuid,
                household_id uuid NOT NULL REFERENCES households (id),
                program text NOT NULL,
                region text NOT NULL,
                recipients text[] NOT NULL,
                -- The amount in force from amount_from on; amount_steps holds every change
                -- (CaseTerms.steps), read only for months before amount_from.
                monthly_amount_fen bigint NOT NULL CHECK (monthly_amount_fen > 0),
                amount_from date NOT NULL,
                amount_steps jsonb NOT NULL,
                first_month date NOT NULL,
                last_month date,
                status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'exiting', 'terminated')),
                suspended_from date,
                suspension_reason text,
                departed jsonb NOT NULL DEFAULT '[]',
                approved_on date NOT NULL,
                next_review_on date,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX cases_application ON cases (application_id)",
            "CREATE INDEX cases_region_active ON cases (region) WHERE status <> 'terminated'",
            "CREATE INDEX cases_recipients ON cases USING gin (recipients)",
            """
            CREATE TABLE payment_rosters (
                id uuid PRIMARY KEY,
                region text NOT NULL,
                -- The digits a case's county code starts with when the roster covers it.
                region_prefix text NOT NULL,
                month date NOT NULL,
                households integer NOT NULL,
                total_fen bigint NOT NULL,
                skipped integer NOT NULL,
                generated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX payment_rosters_prefix_month ON payment_rosters (region_prefix, month)",
            // The primary key is what makes a re-run roster never pay a month twice.
            """
            CREATE TABLE payments (
                case_id uuid NOT NULL,
                month date NOT NULL,
                roster_id uuid NOT NULL,
                amount_fen bigint NOT NULL,
                program text NOT NULL,
                region text NOT NULL,
                -- Who the household was when it was paid: the roster is the audit record.
                recipients text[] NOT NULL,
                PRIMARY KEY (case_id, month)
            ) WITH (fillfactor = 100)
            """,
            "CREATE INDEX payments_roster ON payments (roster_id)",
            """
            CREATE TABLE back_payments (
                id uuid PRIMARY KEY,
                case_id uuid NOT NULL REFERENCES cases (id),
                month date NOT NULL,
                amount_fen bigint NOT NULL CHECK (amount_fen > 0),
                cause_event_id uuid,
                paid_on date NOT NULL
            )
            """,
            "CREATE INDEX back_payments_case ON back_payments (case_id)",
            """
            CREATE TABLE recovery_claims (
                id uuid PRIMARY KEY,
                case_id uuid NOT NULL REFERENCES cases (id),
                person_ref text NOT NULL,
                date_of_death date NOT NULL,
                -- {"YYYY-MM": fen, …}: what is claimed for each month.
                months jsonb NOT NULL,
                amount_fen bigint NOT NULL CHECK (amount_fen > 0),
                status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
                opened_on date NOT NULL,
                cause_event_id uuid,
                cancelled_by_event_id uuid
            )
            """,
            "CREATE INDEX recovery_claims_case ON recovery_claims (case_id)",
        ]),
        Migration(version: 6, name: "reviews_temporary_monitoring", statements: [
            // Tasks for caseworkers: periodic reviews, change reports, re-verifications after a
            // life event, the 18th-birthday exit of a 特困 minor.
            """
            CREATE TABLE review_tasks (
                id uuid PRIMARY KEY,
                case_id uuid REFERENCES cases (id),
                household_id uuid NOT NULL REFERENCES households (id),
                kind text NOT NULL,
                reason text NOT NULL,
                due_on date NOT NULL,
                status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
                cause_event_id uuid,
                outcome text,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE UNIQUE INDEX review_tasks_once ON review_tasks (household_id, kind, cause_event_id)",
            "CREATE INDEX review_tasks_open ON review_tasks (due_on) WHERE status = 'open'",
            """
            CREATE TABLE reserve_funds (
                township text PRIMARY KEY,
                balance_fen bigint NOT NULL CHECK (balance_fen >= 0)
            )
            """,
            """
            CREATE TABLE temporary_cases (
                id uuid PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN ('urgent', 'expenditure')),
                person_ref text NOT NULL,
                region text NOT NULL,
                township text NOT NULL,
                description text NOT NULL,
                reported_at timestamptz NOT NULL,
                advanced_at timestamptz,
                advance_fen bigint,
                status text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'advanced', 'reviewed', 'closed')),
                breach_reported boolean NOT NULL DEFAULT false
            )
            """,
            "CREATE INDEX temporary_cases_open ON temporary_cases (reported_at) WHERE advanced_at IS NULL",
            """
            CREATE TABLE risk_signals (
                id uuid PRIMARY KEY,
                person_ref text NOT NULL,
                kind text NOT NULL,
                agency text NOT NULL,
                amount_fen bigint,
                detail text,
                reported_on date NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE leads (
                id uuid PRIMARY KEY,
                signal_id uuid NOT NULL REFERENCES risk_signals (id),
                household_id uuid NOT NULL REFERENCES households (id),
                person_ref text NOT NULL,
                household_status text NOT NULL,
                explanation text NOT NULL,
                status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'following-up', 'closed')),
                outcome text,
                detected_on date NOT NULL,
                UNIQUE (signal_id, household_id)
            )
            """,
        ]),
        Migration(version: 7, name: "payments_to_the_shared_roster", statements: [
            // Rosters, payments, back-payments and recovery claims move to the shared roster's
            // tables (scope `roster`, applied before this scope), which every allowance of the suite
            // is paid from. Rows are copied as they are: a case is the beneficiary, its program the
            // payment's program, a date of death the date a claim's months are counted after. The
            // migrator runs every pending migration in one transaction, so the copy and the drop
            // commit together or not at all. (On a new database the old tables are empty.)
            """
            INSERT INTO rosters (id, scheme, region, region_prefix, month, payments, total_fen, skipped, generated_at)
            SELECT id, 'assistance', region, region_prefix, month, households, total_fen, skipped, generated_at
            FROM payment_rosters
            """,
            """
            INSERT INTO roster_payments (beneficiary_id, month, program, roster_id, amount_fen, region, recipients)
            SELECT case_id, month, program, roster_id, amount_fen, region, recipients FROM payments
            """,
            """
            INSERT INTO roster_back_payments (id, beneficiary_id, program, month, amount_fen, cause_event_id, paid_on)
            SELECT b.id, b.case_id, c.program, b.month, b.amount_fen, b.cause_event_id, b.paid_on
            FROM back_payments b JOIN cases c ON c.id = b.case_id
            """,
            """
            INSERT INTO roster_recovery_claims (id, beneficiary_id, program, person_ref, ended_on, months, amount_fen, status,
                                                opened_on, cause_event_id, cancelled_by_event_id)
            SELECT r.id, r.case_id, c.program, r.person_ref, r.date_of_death, r.months, r.amount_fen, r.status,
                   r.opened_on, r.cause_event_id, r.cancelled_by_event_id
            FROM recovery_claims r JOIN cases c ON c.id = r.case_id
            """,
            "DROP TABLE payments, payment_rosters, back_payments, recovery_claims",
        ]),
        // Growth floors per figure (issue 11): what fell short and the consumption growth given.
        Migration(version: 8, name: "standard_growth_shortfalls", statements: [
            "ALTER TABLE standards ADD COLUMN growth_shortfalls jsonb NOT NULL DEFAULT '[]'",
            "ALTER TABLE standards ADD COLUMN consumption_growth_permille integer",
        ]),
        // Outreach leads (issue 11): a lead about a person in no household Assistance pays or
        // watches has no household and a region of its own; a household lead keeps following its
        // household's county. A signal raises at most one outreach lead.
        Migration(version: 9, name: "outreach_leads", statements: [
            "ALTER TABLE risk_signals ADD COLUMN region text",
            "ALTER TABLE leads ALTER COLUMN household_id DROP NOT NULL",
            "ALTER TABLE leads ALTER COLUMN household_status DROP NOT NULL",
            "ALTER TABLE leads ADD COLUMN region text",
            """
            ALTER TABLE leads ADD CONSTRAINT leads_household_or_outreach CHECK (
                (household_id IS NULL) = (household_status IS NULL) AND (household_id IS NULL) = (region IS NOT NULL))
            """,
            "CREATE UNIQUE INDEX leads_one_outreach_per_signal ON leads (signal_id) WHERE household_id IS NULL",
        ]),
        // Standards take effect in a month (issue 11): a county may publish several a year, each
        // keyed by its effective month; the standards published before take effect in January of
        // their year, as they were paid.
        Migration(version: 10, name: "standard_effective_months", statements: [
            "ALTER TABLE standards ADD COLUMN effective_from date",
            "UPDATE standards SET effective_from = make_date(year, 1, 1)",
            "ALTER TABLE standards ALTER COLUMN effective_from SET NOT NULL",
            """
            ALTER TABLE standards ADD CONSTRAINT standards_effective_within_year
                CHECK (extract(year FROM effective_from) = year AND extract(day FROM effective_from) = 1)
            """,
            "ALTER TABLE standards DROP CONSTRAINT standards_pkey",
            "ALTER TABLE standards ADD PRIMARY KEY (region, area, effective_from)",
        ]),
        // A 特困 case's self-care tier from ElderCare's capability assessment (issue 12): it
        // replaces the application's tier from the assessment's month; the day keeps an older
        // assessment from overriding a newer one.
        Migration(version: 11, name: "case_assessed_self_care", statements: [
            "ALTER TABLE cases ADD COLUMN self_care_ability text",
            "ALTER TABLE cases ADD COLUMN self_care_assessed_on date",
        ]),
        // The disability two subsidies (残疾人两项补贴): amounts per county, subsidy and effective
        // month. The grants' table comes with the grant path that writes it.
        Migration(version: 12, name: "disability_subsidy_standards", statements: [
            """
            CREATE TABLE disability_subsidy_standards (
                region text NOT NULL,
                kind text NOT NULL CHECK (kind IN ('living', 'nursing')),
                effective_from date NOT NULL CHECK (extract(day FROM effective_from) = 1),
                monthly_amount_fen bigint NOT NULL CHECK (monthly_amount_fen > 0),
                set_on date NOT NULL,
                PRIMARY KEY (region, kind, effective_from)
            )
            """,
        ]),
        // The grants of the two subsidies: one person, one kind, terms as the cases store them
        // (the amount in force from amount_from, every step in amount_steps). A person holds at
        // most one subsidy of each kind that is not stopped.
        Migration(version: 13, name: "disability_subsidies", statements: [
            """
            CREATE TABLE disability_subsidies (
                id uuid PRIMARY KEY,
                person_ref text NOT NULL,
                household_id uuid NOT NULL REFERENCES households (id),
                region text NOT NULL,
                kind text NOT NULL CHECK (kind IN ('living', 'nursing')),
                basis text NOT NULL,
                monthly_amount_fen bigint NOT NULL CHECK (monthly_amount_fen > 0),
                amount_from date NOT NULL,
                amount_steps jsonb NOT NULL,
                first_month date NOT NULL,
                last_month date,
                suspended_from date,
                status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'exiting', 'stopped')),
                exit jsonb,
                died_on date,
                granted_on date NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE UNIQUE INDEX disability_subsidies_one_per_kind ON disability_subsidies (person_ref, kind) WHERE status <> 'stopped'",
            "CREATE INDEX disability_subsidies_household ON disability_subsidies (household_id)",
            "CREATE INDEX disability_subsidies_person ON disability_subsidies (person_ref)",
            "CREATE INDEX disability_subsidies_region_kind ON disability_subsidies (region, kind) WHERE status <> 'stopped'",
        ]),
        // A 渐退 that has run its course ends the subsidy (status `ended`), and only an active or
        // still-exiting subsidy blocks a new grant of its kind: the one-per-kind index moves to
        // those two statuses.
        Migration(version: 14, name: "disability_subsidies_ended", statements: [
            "ALTER TABLE disability_subsidies DROP CONSTRAINT disability_subsidies_status_check",
            """
            ALTER TABLE disability_subsidies ADD CONSTRAINT disability_subsidies_status_check
                CHECK (status IN ('active', 'exiting', 'stopped', 'ended'))
            """,
            "DROP INDEX disability_subsidies_one_per_kind",
            """
            CREATE UNIQUE INDEX disability_subsidies_one_blocking_per_kind ON disability_subsidies (person_ref, kind)
                WHERE status IN ('active', 'exiting')
            """,
        ]),
        // Applications for the two subsidies through the one-door intake: the township takes them
        // in, the county decides. A person has at most one undecided application of each kind.
        Migration(version: 15, name: "disability_subsidy_applications", statements: [
            """
            CREATE TABLE disability_subsidy_applications (
                id uuid PRIMARY KEY,
                idempotency_key text NOT NULL UNIQUE,
                person_ref text NOT NULL,
                household_id uuid NOT NULL REFERENCES households (id),
                region text NOT NULL,
                intake_region text NOT NULL,
                kind text NOT NULL CHECK (kind IN ('living', 'nursing')),
                certificate jsonb NOT NULL,
                supported_by_elderly_parents boolean NOT NULL,
                state text NOT NULL,
                workflow jsonb NOT NULL,
                review_notes text,
                subsidy_id uuid REFERENCES disability_subsidies (id),
                rejection_code text,
                submitted_on date NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE UNIQUE INDEX disability_subsidy_applications_one_open ON disability_subsidy_applications (person_ref, kind)
            WHERE state IN ('submitted', 'township-reviewed')
            """,
            "CREATE INDEX disability_subsidy_applications_region_state ON disability_subsidy_applications (region, state)",
        ]),
    ]
}
