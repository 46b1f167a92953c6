/// The journal as every backend offers it: the segment files of a data directory
/// (`Journal`, the embedded default) or a PostgreSQL database shared by many sites
/// (`PostgresJournal`). The same conformance suite (JournalTestSupport's
/// `JournalConformance`) runs against each.
public protocol JournalStore: AnyObject {
    /// The last record's sequence number as this handle knows it (the segment journal's
    /// writer learns of other processes' appends when it next appends); 0 for none.
    var lastSequence: UInt64 { get }

    /// Appends what `decide` returns as one atomic batch, decided on the true last sequence
    /// number: no other append can come between the decision and this one (the segment
    /// journal holds its lock; PostgreSQL's append checks the head it was decided at, and
    /// decides again when it moved). Nil when `decide` returns nothing.
    func append(deciding decide: (_ lastSequence: UInt64) throws -> [JournalEntry]) throws -> ClosedRange<UInt64>?

    /// Each acknowledged record after `sequence`, in order, checked, with whether it ends its
    /// batch, until the end as the walk finds it; `body` returns false to stop.
    func forEachRecord(after sequence: UInt64, _ body: (_ record: JournalRecord, _ endsBatch: Bool) throws -> Bool) throws

    /// A reader from record `sequence` on (1 for the start), which goes on with later appends
    /// each time it is called. It may be used inside `append(deciding:)`. `hint` is a place
    /// near the end that a segment reader may start from (`JournalPlace`); others ignore it.
    func tail(from sequence: UInt64, hint: JournalPlace?) throws -> any JournalTail

    /// The timestamp of the last record this handle appended.
    var lastWrittenTimestamp: Int64 { get }

    /// A place near the end, for readers that start there (the segment journal's, after
    /// recovery walked to its end); nil where the backend has no such place.
    var lastPlace: JournalPlace? { get }

    /// Whether a reader at `sequence` may find new records now, cheaply: the segment journal
    /// always says yes (its look at the end is one header); the PostgreSQL journal says yes on
    /// a notification, after a reconnect, or when it has not looked for a few seconds, so
    /// idle screens at many sites do not query the server ten times a second each.
    func mayHaveNews(after sequence: UInt64) -> Bool

    /// Where the journal is, as a person reads it (a folder, or a URL without secrets).
    var name: String { get }

    func close()
}

extension JournalStore {
    /// Appends `entries` as one batch.
    @discardableResult
    public func appendBatch(_ entries: [JournalEntry]) throws -> ClosedRange<UInt64> {
        precondition(!entries.isEmpty, "append needs at least one entry")
        return try append(deciding: { _ in entries })!
    }

    /// Every record after `sequence`, with its batch ends.
    public func records(after sequence: UInt64 = 0) throws -> [(record: JournalRecord, endsBatch: Bool)] {
        var all: [(JournalRecord, Bool)] = []
        try forEachRecord(after: sequence) { all.append(($0, $1)); return true }
        return all
    }
}

extension Journal: JournalStore {
    public func tail(from sequence: UInt64, hint: JournalPlace?) throws -> any JournalTail {
        try JournalReader(directory: directory, from: sequence, io: io, lock: .journal(self), hint: hint ?? lastPlace)
    }

    public var name: String { directory.string }

    public func mayHaveNews(after sequence: UInt64) -> Bool { true }

    public func forEachRecord(after sequence: UInt64, _ body: (_ record: JournalRecord, _ endsBatch: Bool) throws -> Bool) throws {
        try reader(from: sequence + 1).forEachFrame(body)
    }
}
