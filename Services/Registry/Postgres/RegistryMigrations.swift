import Persistence

enum RegistryMigrations {
    static let all: [Migration] = [
        Migration(version: 1, name: "death_records", statements: [
            // Personal data (the resident ID) stays in this database; events carry the person ref only.
            """
            CREATE TABLE death_records (
                id uuid PRIMARY KEY,
                idempotency_key text NOT NULL UNIQUE,
                resident_id text NOT NULL,
                person_ref text NOT NULL UNIQUE,
                date_of_death date NOT NULL,
                region text NOT NULL,
                source text NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT now()
            )
            """,
        ]),
        Migration(version: 2, name: "marriages", statements: [
            """
            CREATE TABLE registration_offices (
                code text PRIMARY KEY,
                region text NOT NULL,
                name text NOT NULL,
                daily_capacity integer NOT NULL CHECK (daily_capacity > 0)
            )
            """,
            // Jingtai County's registry office, so a fresh installation can register at once.
            "INSERT INTO registration_offices VALUES ('620423-01', '620423', '景泰县婚姻登记处', 40)",
            // Serials are allocated under a row lock: unique city-wide without gaps between concurrent requests.
            """
            CREATE TABLE certificate_serials (
                office text NOT NULL REFERENCES registration_offices (code),
                kind text NOT NULL,
                year integer NOT NULL,
                last_serial integer NOT NULL,
                PRIMARY KEY (office, kind, year)
            )
            """,
            """
            CREATE TABLE marriages (
                id uuid PRIMARY KEY,
                office text NOT NULL REFERENCES registration_offices (code),
                party_a_id text NOT NULL,
                party_b_id text NOT NULL,
                party_a_ref text NOT NULL,
                party_b_ref text NOT NULL,
                registered_on date NOT NULL,
                status text NOT NULL DEFAULT 'married' CHECK (status IN ('married', 'divorced', 'annulled', 'revoked')),
                ended_on date,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX marriages_office_date ON marriages (office, registered_on)",
            // One row per person currently married: the primary key makes a second marriage impossible,
            // even for two offices registering the same person at the same moment.
            """
            CREATE TABLE current_spouses (
                person_ref text PRIMARY KEY,
                marriage_id uuid NOT NULL REFERENCES marriages (id)
            )
            """,
            """
            CREATE TABLE certificates (
                number text PRIMARY KEY,
                kind text NOT NULL,
                marriage_id uuid NOT NULL REFERENCES marriages (id),
                original_number text REFERENCES certificates (number),
                issued_on date NOT NULL,
                status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked'))
            )
            """,
            """
            CREATE TABLE divorce_applications (
                id uuid PRIMARY KEY,
                marriage_id uuid NOT NULL REFERENCES marriages (id),
                applied_on date NOT NULL,
                cooling_off_last_day date NOT NULL,
                window_start date NOT NULL,
                window_end date NOT NULL,
                outcome text CHECK (outcome IN ('registered', 'withdrawn')),
                outcome_on date,
                withdrawn_by text
            )
            """,
            "CREATE INDEX divorce_applications_marriage ON divorce_applications (marriage_id)",
        ]),
        Migration(version: 3, name: "death_lifecycle_and_funerals", statements: [
            "ALTER TABLE death_records ADD COLUMN status text NOT NULL DEFAULT 'recorded' CHECK (status IN ('recorded', 'annulled'))",
            // Who receives 低保/特困 and when, learnt from Assistance's events (never from its database).
            """
            CREATE TABLE recipient_periods (
                case_id uuid NOT NULL,
                person_ref text NOT NULL,
                program text NOT NULL,
                starts_on date NOT NULL,
                last_covered_day date,
                PRIMARY KEY (case_id, person_ref)
            )
            """,
            "CREATE INDEX recipient_periods_person ON recipient_periods (person_ref)",
            """
            CREATE TABLE funeral_services (
                id uuid PRIMARY KEY,
                death_record_id uuid NOT NULL REFERENCES death_records (id),
                service text NOT NULL,
                performed_on date NOT NULL,
                cremation_certificate text,
                cemetery_plot text,
                eco_burial boolean NOT NULL DEFAULT false,
                facility_region text,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            // One grant per death: the unique key makes a re-delivered event a no-op.
            """
            CREATE TABLE funeral_subsidy_grants (
                id uuid PRIMARY KEY,
                death_record_id uuid NOT NULL UNIQUE REFERENCES death_records (id),
                person_ref text NOT NULL,
                basis text NOT NULL,
                items jsonb NOT NULL,
                total_fen bigint NOT NULL,
                granted_on date NOT NULL,
                status text NOT NULL DEFAULT 'granted' CHECK (status IN ('granted', 'revoked'))
            )
            """,
        ]),
        Migration(version: 4, name: "adoptions_and_appointments", statements: [
            """
            CREATE TABLE adoptions (
                id uuid PRIMARY KEY,
                office text NOT NULL REFERENCES registration_offices (code),
                certificate_number text NOT NULL UNIQUE,
                child_id text NOT NULL,
                child_ref text NOT NULL,
                adopter_ids text[] NOT NULL,
                adopter_refs text[] NOT NULL,
                registered_on date NOT NULL,
                status text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered', 'dissolved')),
                dissolved_on date,
                dissolution_basis text,
                dissolution_document text
            )
            """,
            // A child has at most one registered adoption at a time.
            "CREATE UNIQUE INDEX adoptions_one_per_child ON adoptions (child_ref) WHERE status = 'registered'",
            """
            CREATE TABLE office_slots (
                office text NOT NULL REFERENCES registration_offices (code),
                slot text NOT NULL,
                capacity integer NOT NULL CHECK (capacity > 0),
                PRIMARY KEY (office, slot)
            )
            """,
            """
            INSERT INTO office_slots (office, slot, capacity) VALUES
                ('620423-01', '09:00', 6), ('620423-01', '10:00', 6), ('620423-01', '11:00', 6),
                ('620423-01', '14:00', 6), ('620423-01', '15:00', 6), ('620423-01', '16:00', 6)
            """,
            """
            CREATE TABLE appointments (
                id uuid PRIMARY KEY,
                office text NOT NULL REFERENCES registration_offices (code),
                date date NOT NULL,
                slot text NOT NULL,
                resident_id text NOT NULL,
                cancelled_on date,
                created_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX appointments_office_date ON appointments (office, date) WHERE cancelled_on IS NULL",
        ]),
        // The free basic funeral waits for the cremation (死亡后实行火化): a qualifying death's grant is
        // pending until a cremation makes it payable, and a burial without cremation withdraws it.
        // Grants of earlier releases (made when the death was recorded) keep status `granted`.
        Migration(version: 5, name: "funeral_grant_awaits_cremation", statements: [
            "ALTER TABLE funeral_subsidy_grants DROP CONSTRAINT funeral_subsidy_grants_status_check",
            "ALTER TABLE funeral_subsidy_grants ALTER COLUMN status DROP DEFAULT",
            """
            ALTER TABLE funeral_subsidy_grants ADD CONSTRAINT funeral_subsidy_grants_status_check
                CHECK (status IN ('pending-cremation', 'granted', 'withdrawn', 'revoked'))
            """,
            "ALTER TABLE funeral_subsidy_grants ALTER COLUMN granted_on DROP NOT NULL",
            "ALTER TABLE funeral_subsidy_grants ADD COLUMN cremated_on date",
            "ALTER TABLE funeral_subsidy_grants ADD COLUMN withdrawn_on date",
            """
            ALTER TABLE funeral_subsidy_grants ADD CONSTRAINT funeral_subsidy_grants_granted_on
                CHECK (status <> 'granted' OR granted_on IS NOT NULL)
            """,
        ]),
    ]
}
