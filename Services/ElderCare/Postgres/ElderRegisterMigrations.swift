import Persistence

/// The elder register's schema (ElderCare versions 3–19 are the register's and the visits').
///
/// Why derived categories are materialised (`elder_category_memberships`) rather than computed on
/// every read: the rules stay in the domain (``ElderFacts/categories(on:policy:)`` decides every
/// membership), but the register must (1) list and count people by category in SQL over a whole
/// county (`GET /elders?category=`, the information-collection rate, the visit sweep), and (2)
/// publish `category-changed` exactly once when a membership starts or ends — which needs the
/// set as it was. So the set ElderFacts gave is stored, recomputed in the transaction of every
/// fact change (a recorded category, Assistance's coverage, a disability grade, a death) and by
/// the daily sweep for the one fact that changes with no write at all: age (高龄 from a birthday).
enum ElderRegisterMigrations {
    static let all: [Migration] = [
        Migration(version: 3, name: "elder_register", statements: [
            // Personal data (resident ID, name, address, phone, contacts) lives only here; routes
            // that return it are audited. The resident ID is kept because the birth date and the
            // age-derived categories follow from it (ElderFacts takes a ResidentID).
            """
            CREATE TABLE elders (
                person_ref text PRIMARY KEY,
                resident_id text NOT NULL UNIQUE,
                name text NOT NULL,
                address text NOT NULL,
                phone text,
                contacts jsonb NOT NULL DEFAULT '[]',
                birth_date date NOT NULL,
                -- Where the person lives: a township (9 digits) or a county (6).
                region text NOT NULL CHECK (length(region) IN (6, 9)),
                registered_on date NOT NULL,
                status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deceased')),
                date_of_death date,
                death_record_id uuid,
                -- The grade on the 残疾人证 a caseworker recorded (1 most severe … 4); 重残 is 1–2.
                disability_grade smallint CHECK (disability_grade BETWEEN 1 AND 4),
                -- The latest capability assessment's level (CapabilityLevel: 0 能力完好 … 4 完全失能,
                -- GB/T 42195-2022), set by the assessment part; 失能 follows from it.
                capability_level smallint CHECK (capability_level BETWEEN 0 AND 4),
                created_at timestamptz NOT NULL DEFAULT now(),
                CHECK ((status = 'deceased') = (date_of_death IS NOT NULL))
            )
            """,
            "CREATE INDEX elders_region ON elders (region text_pattern_ops)",
            // Categories a caseworker recorded (独居, 空巢, 留守, 计划生育特殊家庭, 失智, 经济困难), with
            // the date, evidence and recorder; ended, never deleted (an auditor sees why someone was in it).
            """
            CREATE TABLE elder_recorded_categories (
                id uuid PRIMARY KEY,
                person_ref text NOT NULL REFERENCES elders (person_ref),
                category text NOT NULL,
                effective_from date NOT NULL,
                evidence_kind text NOT NULL,
                evidence_reference text NOT NULL,
                recorded_by text NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT now(),
                ended_on date,
                end_reason text,
                ended_by text,
                CHECK (ended_on IS NULL OR ended_on >= effective_from)
            )
            """,
            // At most one record of a category in force per person (ended ones stay as history).
            """
            CREATE UNIQUE INDEX elder_recorded_categories_open ON elder_recorded_categories (person_ref, category)
            WHERE ended_on IS NULL
            """,
            // Assistance's coverage (benefit-granted / benefit-terminated) of anyone, registered or
            // not: someone registered later is derived 特困/经济困难 from what was kept.
            """
            CREATE TABLE elder_assistance_coverage (
                case_id uuid NOT NULL,
                person_ref text NOT NULL,
                program text NOT NULL,
                starts_on date NOT NULL,
                last_covered_day date,
                PRIMARY KEY (case_id, person_ref)
            )
            """,
            "CREATE INDEX elder_assistance_coverage_person ON elder_assistance_coverage (person_ref)",
            // The categories ElderFacts gave at the last recompute (see above), with where each came
            // from and since when the register holds it.
            """
            CREATE TABLE elder_category_memberships (
                person_ref text NOT NULL REFERENCES elders (person_ref),
                category text NOT NULL,
                origin text NOT NULL CHECK (origin IN ('derived', 'recorded')),
                since date NOT NULL,
                PRIMARY KEY (person_ref, category)
            )
            """,
            "CREATE INDEX elder_category_memberships_category ON elder_category_memberships (category)",
        ]),
        Migration(version: 4, name: "elder_information_items", statements: [
            // 信息采集: which items (InformationItem) were collected about a person, so that the rate
            // per category is computable; an item answered "none" counts as collected.
            """
            CREATE TABLE elder_information_items (
                person_ref text NOT NULL REFERENCES elders (person_ref),
                item text NOT NULL,
                collected_on date NOT NULL,
                collected_by text NOT NULL,
                PRIMARY KEY (person_ref, item)
            )
            """,
        ]),
        Migration(version: 5, name: "visits", statements: [
            // 探访关爱: each visit with its visitor (user id), day, mode, findings and risk flags.
            """
            CREATE TABLE visits (
                id uuid PRIMARY KEY,
                person_ref text NOT NULL REFERENCES elders (person_ref),
                visitor_id text NOT NULL,
                visited_on date NOT NULL,
                mode text NOT NULL,
                findings text NOT NULL,
                risk_flags text[] NOT NULL DEFAULT '{}',
                recorded_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX visits_person ON visits (person_ref, visited_on DESC)",
            // One follow-up per risk flag of a visit, open until closed with what was done.
            """
            CREATE TABLE visit_follow_ups (
                id uuid PRIMARY KEY,
                visit_id uuid NOT NULL REFERENCES visits (id),
                person_ref text NOT NULL REFERENCES elders (person_ref),
                flag text NOT NULL,
                opened_on date NOT NULL,
                closed_on date,
                action text,
                closed_by text,
                UNIQUE (visit_id, flag),
                CHECK ((closed_on IS NULL) = (action IS NULL))
            )
            """,
            "CREATE INDEX visit_follow_ups_open ON visit_follow_ups (person_ref) WHERE closed_on IS NULL",
            // The emergency mode (seed 000: visits daily) a policy officer set for a region.
            """
            CREATE TABLE visit_emergency_modes (
                region text PRIMARY KEY,
                starts_on date NOT NULL,
                ends_on date,
                reason text NOT NULL,
                set_by text NOT NULL,
                CHECK (ends_on IS NULL OR ends_on >= starts_on)
            )
            """,
            // visit-overdue is published once per person and due day: the sweep inserts here first.
            """
            CREATE TABLE visit_overdue_notices (
                person_ref text NOT NULL REFERENCES elders (person_ref),
                due_on date NOT NULL,
                noticed_on date NOT NULL,
                PRIMARY KEY (person_ref, due_on)
            )
            """,
        ]),
        Migration(version: 6, name: "category_reviews", statements: [
            // A marriage, divorce or annulment of a registered person asks a caseworker to look at
            // 独居 and 空巢 again (KeyCategory.reviewedOnMaritalChange); one review per event and person.
            """
            CREATE TABLE category_reviews (
                id uuid PRIMARY KEY,
                person_ref text NOT NULL REFERENCES elders (person_ref),
                cause_event_id uuid NOT NULL,
                reason text NOT NULL,
                categories text[] NOT NULL,
                opened_on date NOT NULL,
                cleared_on date,
                cleared_by text,
                outcome text,
                UNIQUE (cause_event_id, person_ref)
            )
            """,
            "CREATE INDEX category_reviews_open ON category_reviews (person_ref) WHERE cleared_on IS NULL",
        ]),
    ]
}
