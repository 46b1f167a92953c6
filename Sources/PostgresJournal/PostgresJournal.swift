import Foundation
import Journal

/// The journal in a PostgreSQL database, for many sites sharing one record. Appends go
/// through `sscard_append` (`PostgresSchema`, `PostgresJournal+Append`), one statement that
/// holds the head row's lock only inside the server; reads check each record's CRC and the
/// hash chain. Connections go to the primary on the newest timeline (`PostgresPrimary`).
public final class PostgresJournal: JournalStore {
    public let location: PostgresLocation
    var connection: PostgresConnection?
    /// The head as this handle's last append left it: the next append is decided on it and
    /// sent in one round trip. When another site moved the head, the function says so, and
    /// the head is read again.
    var knownHead: (position: UInt64, hash: [UInt8])?
    /// How many times an append decides again when another site moved the head meanwhile.
    public static let maximumTries = 16
    public internal(set) var lastWrittenTimestamp: Int64 = 0
    /// How long an append waits for its answer (the commit waits for the synchronous
    /// standby) before the connection is given up and its outcome is unknown.
    public var appendDeadline: Duration = .seconds(15)
    /// Only for the failover checker's negative control: takes a success with a warning as
    /// saved, as a client that drops notices would.
    var trustsWarnings = false
    /// Appends left that go straight to the queue (`PostgresJournal+Append`).
    var queueRounds = 0
    /// Rows per read: a reader near the end reads this many at most; one far behind (a new
    /// site's first start) reads more at once, up to `longReadBatch`, so that a million
    /// records take fewer trips. A reader holds at most that many payloads at once.
    static let readBatch = 500
    static let longReadBatch = 8_000

    public init(_ location: PostgresLocation) throws {
        self.location = location
        connection = try PostgresPrimary.connect(location)
        guard let version = try schemaVersion() else {
            throw PostgresJournalError.notInstalled("\(location.redacted) holds no sscard journal: run sscard journal init-postgres first")
        }
        // In a city's rolling upgrade, a site still on an older build must not append by rules
        // the journal has moved past.
        guard version <= PostgresSchema.version else {
            throw PostgresJournalError.newerSchema(found: version, known: PostgresSchema.version)
        }
    }

    /// Creates the tables, the append function and the triggers in an empty database on the
    /// primary; `appRole` is the role sites connect as, which may only read and append.
    public static func install(_ location: PostgresLocation, appRole: String?) throws {
        let connection = try PostgresPrimary.connect(location)
        try connection.execute(PostgresSchema.install(appRole: appRole))
    }

    public func close() {
        connection = nil
        listener = nil
    }

    func connected() throws -> PostgresConnection {
        if let connection, connection.isUp { return connection }
        connection = nil
        let fresh = try PostgresPrimary.connect(location)
        connection = fresh
        return fresh
    }

    private func schemaVersion() throws -> Int64? {
        let found = try connected().query("SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = 'journal_head'")
        guard found.integer(0, 0) == 1 else { return nil }
        return try connected().query("SELECT schema_version::bigint FROM journal_head").integer(0, 0)
    }

    public var lastSequence: UInt64 { (try? head().position) ?? 0 }

    func head() throws -> (position: UInt64, hash: [UInt8]) {
        let rows = try connected().query("SELECT position, hash FROM journal_head")
        guard rows.count == 1, let position = rows.integer(0, 0), position >= 0, let hash = rows.bytes(0, 1) else {
            throw PostgresJournalError.damaged(position: 0, reason: "journal_head does not hold one row")
        }
        return (UInt64(position), hash)
    }

    public func forEachRecord(after sequence: UInt64, _ body: (_ record: JournalRecord, _ endsBatch: Bool) throws -> Bool) throws {
        try PostgresTail(journal: self, from: sequence + 1).walk(body)
    }

    public func tail(from sequence: UInt64, hint: JournalPlace?) throws -> any JournalTail {
        PostgresTail(journal: self, from: sequence)
    }

    public var lastPlace: JournalPlace? { nil }

    /// How long an idle site goes without reading when no notification came: notifications
    /// are only a wake-up, lost while a connection is down and refused by a hot standby.
    public static let pollInterval: Duration = .seconds(3)
    private var listener: JournalListener?
    private var lastLook: ContinuousClock.Instant?
    private var listenerRetry: ContinuousClock.Instant?

    public func mayHaveNews(after sequence: UInt64) -> Bool {
        let now = ContinuousClock.now
        if listener == nil, listenerRetry.map({ now >= $0 }) ?? true {
            listener = try? JournalListener(location)
            listenerRetry = now + Self.pollInterval
            // Listening starts now: what was appended before it sent no notification here.
            if listener != nil { lastLook = now; return true }
        }
        // Without a listener, every look reads: slower for the server, never stale.
        guard let listener else { return true }
        switch listener.wait(timeout: 0) {
        case .appended(let position) where position > sequence: lastLook = now; return true
        case .reconnected: lastLook = now; return true
        case .appended, .timedOut: break
        }
        if let lastLook, now - lastLook < Self.pollInterval { return false }
        lastLook = now
        return true
    }

    public var name: String { location.redacted }

    /// The hash of the record at `position` (the chain's start for 0), to check what follows it.
    func hash(at position: UInt64) throws -> [UInt8] {
        guard position > 0 else { return JournalChain.start }
        let rows = try connected().query("SELECT hash FROM journal WHERE position = $1", [String(position)])
        guard rows.count == 1, let hash = rows.bytes(0, 0) else {
            throw PostgresJournalError.damaged(position: position, reason: "the record to read after is missing")
        }
        return hash
    }

    /// The next rows after `position`, in order, with the columns `PostgresRecordCheck` reads.
    func rows(after position: UInt64, limit: Int = readBatch) throws -> PostgresRows {
        try connected().query("""
            SELECT position, type, at, payload, crc32c, ends_batch, prev_hash, hash FROM journal
            WHERE position > $1 ORDER BY position LIMIT $2
            """, [String(position), String(limit)])
    }
}

/// What the journal on PostgreSQL refuses or finds.
public enum PostgresJournalError: Error, CustomStringConvertible, Equatable {
    case notInstalled(String)
    case damaged(position: UInt64, reason: String)
    /// The connection dropped after the append was sent, and the record is not there: it
    /// was not appended. Nothing is said to be saved; the caller may try again.
    case outcomeUnknown(String)
    case contended(tries: Int)
    /// The journal was made by a later build, whose tables or append function this one may not know.
    case newerSchema(found: Int64, known: Int)

    public var description: String {
        switch self {
        case .notInstalled(let message): message
        case .damaged(let position, let reason): "the PostgreSQL journal is damaged at position \(position): \(reason)"
        case .outcomeUnknown(let message): "the append's outcome is unknown (it was not found in the journal, but may yet appear there): \(message)"
        case .contended(let tries): "other sites appended during each of \(tries) tries; try again"
        case .newerSchema(let found, let known):
            "the journal's tables are of schema \(found), made by a newer sscard; this build knows schema \(known) and up: install the newer build at this site"
        }
    }
}
