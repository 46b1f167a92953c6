/// The journal's tables and its one append function (docs/ARCHITECTURE.md, "The journal on
/// PostgreSQL"). No sequence: positions come from the head row, locked FOR UPDATE inside the
/// function, so the visible journal is always a gap-free prefix in commit order. UPDATE,
/// DELETE and TRUNCATE are refused by triggers, which fire for the owner too.
enum PostgresSchema {
    static let version = 1
    static let queueLock = PostgresJournal.queueLock

    static func install(appRole: String?) -> String {
        var sql = """
        BEGIN;
        CREATE TABLE journal (
            position bigint PRIMARY KEY CHECK (position > 0),
            record_id uuid NOT NULL UNIQUE,
            type integer NOT NULL CHECK (type BETWEEN 1 AND 65534),
            payload bytea NOT NULL,
            crc32c bigint NOT NULL,
            ends_batch boolean NOT NULL,
            prev_hash bytea NOT NULL,
            hash bytea NOT NULL,
            at bigint NOT NULL
        );
        CREATE TABLE journal_head (
            one boolean PRIMARY KEY DEFAULT true CHECK (one),
            position bigint NOT NULL,
            hash bytea NOT NULL,
            schema_version integer NOT NULL
        );
        INSERT INTO journal_head VALUES (true, 0, '\\x', \(version));

        -- Appends one batch decided at head `expected`: the new head, or -1 - head when the
        -- head has moved since (the writer catches up and decides again).
        CREATE FUNCTION sscard_append(expected bigint, ids uuid[], types integer[], payloads bytea[],
                                      crcs bigint[], hashes bytea[], ats bigint[]) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        DECLARE
            head bigint;
            last_hash bytea;
            n integer := cardinality(ids);
        BEGIN
            -- Waits while a writer that lost a round holds the queue (PostgresJournal+Append).
            PERFORM pg_advisory_xact_lock_shared(\(queueLock));
            SELECT h.position, h.hash INTO head, last_hash FROM journal_head h WHERE h.one FOR UPDATE;
            IF head <> expected THEN
                RETURN -1 - head;
            END IF;
            INSERT INTO journal (position, record_id, type, payload, crc32c, ends_batch, prev_hash, hash, at)
            SELECT expected + i, ids[i], types[i], payloads[i], crcs[i], i = n,
                   CASE WHEN i = 1 THEN last_hash ELSE hashes[i - 1] END, hashes[i], ats[i]
            FROM generate_subscripts(ids, 1) AS i;
            UPDATE journal_head SET position = expected + n, hash = hashes[n] WHERE one;
            PERFORM pg_notify('sscard_journal', (expected + n)::text);
            RETURN expected + n;
        END $$;

        -- Where a record is, asked once no append is under way: an append holds the head's
        -- lock until it commits, its wait for the synchronous standby included. A writer whose
        -- connection dropped asks this before deciding again, so nothing is appended twice.
        -- While the standby does not answer, the lock stays taken: the answer is then unknown.
        CREATE FUNCTION sscard_settled_position(id uuid) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET lock_timeout = '2s' AS $$
        BEGIN
            PERFORM 1 FROM journal_head WHERE one FOR SHARE;
            RETURN (SELECT j.position FROM journal j WHERE j.record_id = id);
        END $$;

        CREATE FUNCTION sscard_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the sscard journal is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal
            FOR EACH ROW EXECUTE FUNCTION sscard_refuse_change();
        CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
            FOR EACH STATEMENT EXECUTE FUNCTION sscard_refuse_change();
        CREATE TRIGGER journal_head_no_truncate BEFORE TRUNCATE ON journal_head
            FOR EACH STATEMENT EXECUTE FUNCTION sscard_refuse_change();

        -- Accepted photos by the SHA-256 of their bytes, written before the record that names
        -- them, so every site can read what another site's applicant chose.
        CREATE TABLE photos (
            sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
            bytes bytea NOT NULL,
            at bigint NOT NULL
        );
        CREATE TRIGGER photos_append_only BEFORE UPDATE OR DELETE ON photos
            FOR EACH ROW EXECUTE FUNCTION sscard_refuse_change();
        CREATE TRIGGER photos_no_truncate BEFORE TRUNCATE ON photos
            FOR EACH STATEMENT EXECUTE FUNCTION sscard_refuse_change();
        REVOKE ALL ON journal, journal_head, photos FROM PUBLIC;
        REVOKE ALL ON FUNCTION sscard_append(bigint, uuid[], integer[], bytea[], bigint[], bytea[], bigint[]) FROM PUBLIC;
        REVOKE ALL ON FUNCTION sscard_settled_position(uuid) FROM PUBLIC;

        """
        if let appRole {
            let role = "\"" + appRole.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            sql += """
            GRANT SELECT ON journal, journal_head TO \(role);
            GRANT SELECT, INSERT ON photos TO \(role);
            GRANT EXECUTE ON FUNCTION sscard_append(bigint, uuid[], integer[], bytea[], bigint[], bytea[], bigint[]) TO \(role);
            GRANT EXECUTE ON FUNCTION sscard_settled_position(uuid) TO \(role);

            """
        }
        return sql + "COMMIT;\n"
    }
}
