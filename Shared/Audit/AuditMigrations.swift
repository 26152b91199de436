import Persistence

/// The audit table, in its own migration scope `audit`, the same in every service that includes it.
///
/// What makes it trustworthy:
/// - **A hash chain.** A BEFORE INSERT trigger takes a transaction-scoped advisory lock, reads the
///   last row, and sets the row's `sequence` (the last one plus 1), `at` (`clock_timestamp()`),
///   `previous_hash` (the last row's hash, or 32 zero bytes) and
///   `hash = sha256(previous_hash || convert_to(audit_log_canonical(…), 'UTF8'))`. Whatever the
///   INSERT supplied for those columns is overwritten. The canonical text is documented in
///   `AuditCanonicalForm`, which computes the same bytes in Swift for `AuditChainVerifier`.
/// - **Gap-free sequence numbers.** The lock is held until the inserting transaction ends, so
///   inserts are serialised and chain order is commit order. Deriving the sequence as last + 1 under
///   that lock (rather than from a PostgreSQL sequence, whose `nextval` survives a rollback) means a
///   rolled-back insert leaves no hole, so the verifier can treat any missing number as a deleted
///   row. The primary key refuses the one way two rows could take the same number: an insert in a
///   REPEATABLE READ transaction whose snapshot predates the last row (it fails, the chain does not fork).
/// - **Append-only.** UPDATE, DELETE and TRUNCATE are revoked from PUBLIC and from the migrating
///   role (the table's owner); triggers refuse all three as well. An owner can grant itself the
///   privileges back and disable its own triggers — nothing inside PostgreSQL stops the owner — which
///   is why the chain exists: such an edit or deletion is found by `AuditChainVerifier`. The one
///   change the chain cannot show is the loss of the newest rows; recording the head that the
///   verifier reports somewhere else (a ticket, a log shipper) closes that gap.
public enum AuditMigrations {
    public static let scope = "audit"

    /// The advisory lock that orders appends (per database; distinct from the migrator's and relay's).
    static let chainLockKey: Int64 = 0x63_69_76_69_6c_61_75_64  // "civilaud"

    public static let all: [Migration] = [
        Migration(scope: scope, version: 1, name: "audit_log", statements: [
            """
            CREATE TABLE audit_log (
                sequence bigint PRIMARY KEY,
                at timestamptz NOT NULL,
                subject text NOT NULL,
                roles text[] NOT NULL,
                token_region text NOT NULL,
                request_id text NOT NULL,
                method text NOT NULL,
                route text NOT NULL,
                status integer NOT NULL,
                person_refs text[] NOT NULL,
                record_ids text[] NOT NULL,
                previous_hash bytea NOT NULL,
                hash bytea NOT NULL,
                -- The canonical text counts list elements; a NULL element or a second dimension
                -- would have no canonical form (and fails here, or with an error, either way refused).
                CHECK (coalesce(array_ndims(roles), 1) = 1 AND array_position(roles, NULL) IS NULL),
                CHECK (coalesce(array_ndims(person_refs), 1) = 1 AND array_position(person_refs, NULL) IS NULL),
                CHECK (coalesce(array_ndims(record_ids), 1) = 1 AND array_position(record_ids, NULL) IS NULL)
            )
            """,
            // `GET /audit-log?person=`: who read this person's data.
            "CREATE INDEX audit_log_person_refs ON audit_log USING gin (person_refs)",
            "CREATE INDEX audit_log_at ON audit_log (at)",
            "CREATE INDEX audit_log_subject ON audit_log (subject)",
            // F(s) of the canonical text: the UTF-8 byte length, a colon, the text, a line feed.
            """
            CREATE FUNCTION audit_log_field(value text) RETURNS text LANGUAGE sql STABLE STRICT AS $$
                SELECT octet_length(convert_to(value, 'UTF8'))::text || ':' || value || E'\\n'
            $$
            """,
            // L(xs): the element count and a line feed, then F(x) for each element in order.
            """
            CREATE FUNCTION audit_log_list(items text[]) RETURNS text LANGUAGE sql STABLE STRICT AS $$
                SELECT cardinality(items)::text || E'\\n' || coalesce(
                    (SELECT string_agg(audit_log_field(item), '' ORDER BY position)
                       FROM unnest(items) WITH ORDINALITY AS element(item, position)),
                    '')
            $$
            """,
            // The canonical text (the format is documented in AuditCanonicalForm.swift).
            """
            CREATE FUNCTION audit_log_canonical(
                sequence bigint, at_microseconds bigint, subject text, roles text[], token_region text,
                request_id text, method text, route text, status integer, person_refs text[], record_ids text[]
            ) RETURNS text LANGUAGE sql STABLE STRICT AS $$
                SELECT 'civil-audit-v1' || E'\\n'
                    || sequence::text || E'\\n'
                    || at_microseconds::text || E'\\n'
                    || audit_log_field(subject) || audit_log_list(roles) || audit_log_field(token_region)
                    || audit_log_field(request_id) || audit_log_field(method) || audit_log_field(route)
                    || status::text || E'\\n'
                    || audit_log_list(person_refs) || audit_log_list(record_ids)
            $$
            """,
            // VOLATILE (the default) so that, under READ COMMITTED, the SELECT below takes a fresh
            // snapshot after the lock is granted and sees the row the previous holder committed.
            """
            CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                last_sequence bigint;
                last_hash bytea;
            BEGIN
                PERFORM pg_advisory_xact_lock(\(chainLockKey));
                SELECT audit_log.sequence, audit_log.hash INTO last_sequence, last_hash
                  FROM audit_log ORDER BY audit_log.sequence DESC LIMIT 1;
                NEW.sequence := coalesce(last_sequence, 0) + 1;
                NEW.previous_hash := coalesce(last_hash, decode(repeat('00', 32), 'hex'));
                NEW.at := clock_timestamp();
                NEW.hash := sha256(NEW.previous_hash || convert_to(audit_log_canonical(
                    NEW.sequence, (extract(epoch FROM NEW.at) * 1000000)::bigint, NEW.subject, NEW.roles,
                    NEW.token_region, NEW.request_id, NEW.method, NEW.route, NEW.status, NEW.person_refs,
                    NEW.record_ids), 'UTF8'));
                RETURN NEW;
            END
            $$
            """,
            "CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()",
            """
            CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege',
                          HINT = 'audit rows are never changed or removed; AuditChainVerifier detects rows that were';
            END
            $$
            """,
            """
            CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()
            """,
            """
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()
            """,
            "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC, CURRENT_USER",
        ]),
    ]
}
