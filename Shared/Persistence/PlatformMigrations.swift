/// Tables every service has: the transactional outbox and the inbox of handled events.
public enum PlatformMigrations {
    public static let scope = "platform"

    public static let all: [Migration] = [
        Migration(version: 1, name: "outbox", statements: [
            """
            CREATE TABLE outbox (
                position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id uuid NOT NULL UNIQUE,
                topic text NOT NULL,
                message_key text NOT NULL,
                source text NOT NULL,
                event_type text NOT NULL,
                event_time timestamptz NOT NULL,
                subject text,
                dataschema text,
                content_type text NOT NULL,
                extensions jsonb NOT NULL DEFAULT '{}',
                payload bytea NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                published_at timestamptz,
                kafka_partition integer,
                kafka_offset bigint
            )
            """,
            // The relay only ever scans unpublished rows.
            "CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL",
            """
            CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('civil_outbox', '');
                RETURN NULL;
            END
            $$
            """,
            // NOTIFY is delivered at commit, and only once per transaction and channel.
            "CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()",
        ]),
        Migration(version: 2, name: "inbox", statements: [
            """
            CREATE TABLE inbox (
                consumer_group text NOT NULL,
                source text NOT NULL,
                event_id uuid NOT NULL,
                event_type text NOT NULL,
                topic text NOT NULL,
                kafka_partition integer NOT NULL,
                kafka_offset bigint NOT NULL,
                processed_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (consumer_group, source, event_id)
            )
            """,
            "CREATE INDEX inbox_processed_at ON inbox (processed_at)",
        ]),
        Migration(version: 3, name: "outbox-commit-order", statements: [
            // The writing transaction's id. The relay publishes a row only once every transaction
            // that finished before a snapshot is known (see `OutboxCursor`), so a transaction that
            // took its position early and committed late is never stepped over.
            "ALTER TABLE outbox ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id()",
            // Rows the previous relay marked published count as published: xid 3 (frozen) lies
            // below every snapshot. Rows it had not published keep this migration's xid.
            "UPDATE outbox SET xid = '3' WHERE published_at IS NOT NULL",
            "DROP INDEX outbox_unpublished",
            "ALTER TABLE outbox DROP COLUMN published_at, DROP COLUMN kafka_partition, DROP COLUMN kafka_offset",
            "CREATE INDEX outbox_xid ON outbox (xid, position)",
            // The trigger serialised committing writers on the notification queue; the relay is
            // woken in-process after commit instead, with a short poll for other replicas.
            "DROP TRIGGER outbox_notify ON outbox",
            "DROP FUNCTION outbox_notify()",
            """
            CREATE TABLE outbox_cursor (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                -- Every row whose transaction is visible in this snapshot is published (or quarantined).
                published pg_snapshot NOT NULL,
                -- The snapshot being published, in position order, and how far it got.
                round pg_snapshot,
                round_position bigint NOT NULL DEFAULT 0,
                updated_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            // xmin 4 = nothing but frozen rows published yet.
            "INSERT INTO outbox_cursor (published) VALUES ('4:4:')",
            """
            CREATE TABLE outbox_quarantine (
                position bigint PRIMARY KEY,
                message_key text NOT NULL,
                topic text NOT NULL,
                event_type text NOT NULL,
                reason text NOT NULL,
                attempts integer NOT NULL,
                held_behind bigint,
                quarantined_at timestamptz NOT NULL DEFAULT now(),
                retry_requested_at timestamptz
            )
            """,
            "CREATE INDEX outbox_quarantine_key ON outbox_quarantine (message_key, position)",
            // Rows not yet published, for operators, readiness and tests.
            """
            CREATE VIEW outbox_pending AS
            SELECT o.* FROM outbox o CROSS JOIN outbox_cursor c
            WHERE o.xid >= pg_snapshot_xmin(c.published)
              AND NOT pg_visible_in_snapshot(o.xid, c.published)
              AND NOT (c.round IS NOT NULL AND pg_visible_in_snapshot(o.xid, c.round) AND o.position <= c.round_position)
            """,
        ]),
        Migration(version: 4, name: "journal-scope", statements: [
            // The life-event journal's two migrations used to count in the scope of each service that
            // included it, as its versions 1 and 2. They have a scope of their own now (`journal`, see
            // `LifeEventJournal`), so that a new journal migration cannot collide with a service's.
            // Rows applied the old way move there; the platform scope is applied before any other, so
            // the journal then finds them applied. A database holds at most one such pair: a second
            // one would have had to create `life_events` again.
            """
            UPDATE schema_migrations SET scope = 'journal'
            WHERE scope <> 'platform' AND (version, name) IN ((1, 'life_events'), (2, 'life_events_per_person'))
            """,
        ]),
    ]
}
