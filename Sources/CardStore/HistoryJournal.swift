import Journal
import PostgresJournal

/// The journal as one history reads it: records by place or by position, then what follows
/// them. On PostgreSQL all of it on one connection, closed with this.
final class HistoryJournal {
    private let data: DataDirectory
    private let postgres: PostgresJournal?

    init(_ data: DataDirectory) throws {
        self.data = data
        postgres = try data.postgresLocation().map(PostgresJournal.init)
    }

    deinit { postgres?.close() }

    /// The records at `wanted` (ascending), each checked alone: by its place on the segment
    /// journal, by position on PostgreSQL (one query). Throws `JournalRecordMissing` for one not there.
    func records(at wanted: [(sequence: UInt64, place: JournalPlace?)]) throws -> [JournalRecord] {
        guard !wanted.isEmpty else { return [] }
        if let postgres { return try postgres.records(at: wanted.map(\.sequence)) }
        return try JournalRecordLookup.records(in: data.journal, at: wanted)
    }

    /// A reader from record `sequence` on (`hint` is a place near it on the segment journal).
    func tail(from sequence: UInt64, hint: JournalPlace?) throws -> any JournalTail {
        if let postgres { return try postgres.tail(from: sequence, hint: nil) }
        return try data.reader(from: sequence, hint: hint)
    }
}
