import Foundation

/// What `sscard status` reports of a journal on PostgreSQL: how far it reaches, and whether
/// the primary it writes to has the synchronous standby that makes a commit survive its loss.
public struct PostgresServerState: Sendable, Equatable {
    public var records: UInt64
    public var lastRecordAt: Int64?
    /// The journal table with its indexes.
    public var bytes: Int64
    public var timeline: Int64
    /// `synchronous_standby_names` on the primary: empty when commits do not wait for a standby.
    public var synchronousStandbyNames: String
    /// Standbys in sync now; nil when this role may not see pg_stat_replication's details
    /// (grant it pg_monitor).
    public var synchronousStandbys: Int?
    /// Other sscard processes with a session on the journal's database, by the host they run
    /// on (`PostgresPrimary.applicationName`); a process with several sessions counts once.
    public var processesByHost: [String: Int] = [:]

    public static func read(from journal: PostgresJournal) throws -> PostgresServerState {
        let connection = try journal.connected()
        let rows = try connection.query("""
            SELECT h.position, (SELECT j.at FROM journal j WHERE j.position = h.position),
                   pg_total_relation_size('journal'),
                   ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int::bigint,
                   current_setting('synchronous_standby_names'),
                   (SELECT CASE WHEN bool_or(sync_state IS NULL) THEN NULL
                                ELSE count(*) FILTER (WHERE sync_state IN ('sync', 'quorum')) END
                    FROM pg_stat_replication)
            FROM journal_head h
            """)
        guard rows.count == 1, let records = rows.integer(0, 0) else {
            throw PostgresJournalError.damaged(position: 0, reason: "journal_head does not hold one row")
        }
        var state = PostgresServerState(records: UInt64(max(0, records)), lastRecordAt: rows.integer(0, 1), bytes: rows.integer(0, 2) ?? 0,
                                        timeline: rows.integer(0, 3) ?? 0,
                                        synchronousStandbyNames: rows.bytes(0, 4).map { String(decoding: $0, as: UTF8.self) } ?? "",
                                        synchronousStandbys: rows.integer(0, 5).map(Int.init))
        let names = try connection.query("""
            SELECT DISTINCT application_name FROM pg_stat_activity
            WHERE datname = current_database() AND application_name LIKE 'sscard %@%'
            """)
        for row in 0..<names.count {
            guard let bytes = names.bytes(row, 0) else { continue }
            let name = String(decoding: bytes, as: UTF8.self)
            guard name != PostgresPrimary.applicationName, let at = name.lastIndex(of: "@") else { continue }
            state.processesByHost[String(name[name.index(after: at)...]), default: 0] += 1
        }
        return state
    }
}
