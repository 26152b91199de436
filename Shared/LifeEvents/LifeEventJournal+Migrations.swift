import Persistence

extension LifeEventJournal {
    /// The journal's table, in the journal's own scope. Before it had one, these counted as
    /// versions 1 and 2 of each including service's scope; platform migration 4 moved the rows.
    public static let migrations: [Migration] = [
        Migration(scope: scope, version: 1, name: "life_events", statements: [
            """
            CREATE TABLE life_events (
                event_id uuid PRIMARY KEY,
                event_type text NOT NULL,
                person_ref text NOT NULL,
                occurred_on date NOT NULL,
                region text NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE INDEX life_events_person ON life_events (person_ref)",
        ]),
        Migration(scope: scope, version: 2, name: "life_events_per_person", statements: [
            "ALTER TABLE life_events DROP CONSTRAINT life_events_pkey",
            "ALTER TABLE life_events ADD PRIMARY KEY (event_id, person_ref)",
        ]),
    ]
}
