import Persistence

/// The advanced-age allowance's schema (ElderCare versions 40–59). Payments, back-payments and
/// recovery claims are the shared roster's tables (scope `roster`); what is here is the
/// allowance's own: the standards, one allowance per person granted, and proofs of life.
///
/// The register's `elders` table (person_ref, birth_date, region, registered_on, date_of_death)
/// is what the roster's entitlement reads; nothing here references it by foreign key, because an
/// allowance outlives nothing and is keyed by the person ref the register uses.
enum AllowanceMigrations {
    static let all: [Migration] = [
        Migration(version: 40, name: "allowance_standards", statements: [
            // A county's standard from a month: one row per standard, its tiers below. A standard set
            // again for the same month replaces the tiers (the policy section corrects a typo).
            """
            CREATE TABLE allowance_standards (
                region text NOT NULL CHECK (length(region) = 6),
                effective_from date NOT NULL CHECK (extract(day FROM effective_from) = 1),
                set_on date NOT NULL,
                set_by text NOT NULL,
                PRIMARY KEY (region, effective_from)
            )
            """,
            """
            CREATE TABLE allowance_tiers (
                region text NOT NULL,
                effective_from date NOT NULL,
                minimum_age integer NOT NULL CHECK (minimum_age >= 60),
                amount_fen bigint NOT NULL CHECK (amount_fen > 0),
                PRIMARY KEY (region, effective_from, minimum_age),
                FOREIGN KEY (region, effective_from) REFERENCES allowance_standards (region, effective_from) ON DELETE CASCADE
            )
            """,
        ]),
        Migration(version: 41, name: "allowances", statements: [
            // One row per person ever granted the allowance: the roster's beneficiary (`id`). Created
            // by the first roster that finds the person due (`allowance-granted`). `suspended_from`
            // marks a proof-of-life suspension already announced; `died_on` the death the allowance
            // stopped for (the Registry's, as corrected; NULL again when annulled).
            """
            CREATE TABLE allowances (
                id uuid PRIMARY KEY,
                person_ref text NOT NULL UNIQUE,
                region text NOT NULL,
                first_month date NOT NULL,
                granted_on date NOT NULL,
                suspended_from date,
                died_on date
            )
            """,
            "CREATE INDEX allowances_region ON allowances (region text_pattern_ops)",
            // 高龄津贴验证: every proof of life recorded, never edited.
            """
            CREATE TABLE allowance_proofs_of_life (
                id uuid PRIMARY KEY,
                person_ref text NOT NULL,
                made_on date NOT NULL,
                recorded_by text NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX allowance_proofs_of_life_person ON allowance_proofs_of_life (person_ref, made_on)",
        ]),
    ]
}
