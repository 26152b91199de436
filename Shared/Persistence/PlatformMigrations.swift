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
    ]
}
