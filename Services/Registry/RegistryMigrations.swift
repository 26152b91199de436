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
    ]
}
