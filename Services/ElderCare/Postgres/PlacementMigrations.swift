import Persistence

/// ElderCare's versions 20–39: capability assessments, institutions and their beds, what other
/// bureaus say about operators, and the waiting list for public institutions. (Versions 3–19 are
/// the elder register's, 40 on the allowance's.)
///
/// People are person refs only; an assessment's item scores stay here (health data), its events
/// carry the level.
enum PlacementMigrations {
    static let all: [Migration] = [
        Migration(version: 20, name: "assessments", statements: [
            """
            CREATE TABLE assessments (
                id uuid PRIMARY KEY,
                person_ref text NOT NULL,
                region text NOT NULL,
                assessed_on date NOT NULL,
                -- The 26 item scores by table number (GB/T 42195-2022 Appendix B), e.g. {"B.1.1": 4}.
                scores jsonb NOT NULL,
                comatose boolean NOT NULL,
                total integer NOT NULL CHECK (total BETWEEN 0 AND 90),
                level text NOT NULL CHECK (level IN ('intact', 'mild', 'moderate', 'severe', 'complete')),
                -- The token subject of the assessor who recorded it.
                assessor text NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
            )
            """,
            // The latest assessment of a person: the newest day, then the latest recorded.
            "CREATE INDEX assessments_person ON assessments (person_ref, assessed_on DESC, recorded_at DESC)",
        ]),
        Migration(version: 21, name: "institutions", statements: [
            """
            CREATE TABLE institutions (
                id uuid PRIMARY KEY,
                name text NOT NULL,
                operator_code text NOT NULL,
                ownership text NOT NULL CHECK (ownership IN ('public', 'private')),
                kind text NOT NULL CHECK (kind IN ('welfare-home', 'extreme-poverty-support', 'care-home')),
                region text NOT NULL,
                filed_on date NOT NULL,
                grade integer CHECK (grade BETWEEN 1 AND 5),
                graded_on date,
                nursing_beds integer NOT NULL DEFAULT 0,
                nursing_occupied integer NOT NULL DEFAULT 0,
                dementia_beds integer NOT NULL DEFAULT 0,
                dementia_occupied integer NOT NULL DEFAULT 0,
                general_beds integer NOT NULL DEFAULT 0,
                general_occupied integer NOT NULL DEFAULT 0,
                beds_changed_on date,
                CHECK (nursing_occupied BETWEEN 0 AND nursing_beds),
                CHECK (dementia_occupied BETWEEN 0 AND dementia_beds),
                CHECK (general_occupied BETWEEN 0 AND general_beds)
            )
            """,
            "CREATE INDEX institutions_operator ON institutions (operator_code)",
            "CREATE INDEX institutions_region ON institutions (region text_pattern_ops)",
        ]),
        Migration(version: 22, name: "operator_standing", statements: [
            // SocialOrg's registrations (civil.socialorg.organisation-registered / -deregistered).
            """
            CREATE TABLE socialorg_registrations (
                credit_code text PRIMARY KEY,
                registered_on date,
                deregistered_on date
            )
            """,
            // SocialOrg's serious-dishonesty listings; a removal may arrive before its listing (it
            // is then stored with delisted_on set, and the late listing changes nothing).
            """
            CREATE TABLE dishonesty_listings (
                listing_id uuid PRIMARY KEY,
                credit_code text NOT NULL,
                listed_on date,
                expires_on date,
                delisted_on date
            )
            """,
            "CREATE INDEX dishonesty_listings_code ON dishonesty_listings (credit_code)",
        ]),
        Migration(version: 23, name: "waiting_list", statements: [
            """
            CREATE TABLE waiting_list (
                id uuid PRIMARY KEY,
                person_ref text NOT NULL,
                region text NOT NULL,
                applied_at timestamptz NOT NULL,
                -- The domain's WaitingListEntry (state machine) and ApplicantCircumstances as JSON;
                -- state, institution and bed are copied out for the queries.
                entry jsonb NOT NULL,
                circumstances jsonb NOT NULL,
                state text NOT NULL,
                institution_id uuid REFERENCES institutions (id),
                bed_type text CHECK (bed_type IN ('nursing', 'dementia', 'general')),
                -- The priority class the person was placed in (offer and admission).
                placed_priority text,
                centralised_support boolean NOT NULL DEFAULT false
            )
            """,
            // One open application per person.
            """
            CREATE UNIQUE INDEX waiting_list_open_person ON waiting_list (person_ref)
                WHERE state NOT IN ('discharged', 'withdrawn', 'removed')
            """,
            "CREATE INDEX waiting_list_region ON waiting_list (region text_pattern_ops, state)",
            "CREATE INDEX waiting_list_institution ON waiting_list (institution_id, bed_type, state)",
        ]),
    ]
}
