import Journal

/// Reads the PostgreSQL journal by position, `WHERE position > last`, a few hundred rows at a
/// time, checking each row's CRC and the hash chain from the record before the first one
/// read. Called again, it goes on from where it stopped: the visible journal is always a
/// gap-free prefix in commit order (`sscard_append` moves the head under its lock), so a
/// reader by position misses nothing.
public final class PostgresTail: JournalTail {
    let journal: PostgresJournal
    /// The last record served, and its hash; nil until the first walk reads it.
    private var last: UInt64
    private var lastHash: [UInt8]?

    init(journal: PostgresJournal, from sequence: UInt64) {
        self.journal = journal
        last = max(sequence, 1) - 1
        lastHash = last == 0 ? JournalChain.start : nil
    }

    @discardableResult
    public func forEach(stopAfterBatch: (() -> Bool)?,
                        _ body: (UInt64, UInt16, Int64, UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        var count = 0
        try walk { record, endsBatch in
            try record.payload.withUnsafeBytes { try body(record.sequence, record.type, record.timestamp, $0) }
            count += 1
            return !(endsBatch && stopAfterBatch?() == true)
        }
        return count
    }

    /// Each checked record with whether it ends its batch, until `body` returns false.
    func walk(_ body: (_ record: JournalRecord, _ endsBatch: Bool) throws -> Bool) throws {
        if lastHash == nil { lastHash = try journal.hash(at: last) }
        var limit = PostgresJournal.readBatch
        while true {
            let rows = try journal.rows(after: last, limit: limit)
            if rows.count == 0 { return }
            // A full answer means more is waiting: ask for more at once next time.
            limit = rows.count == limit ? min(limit * 4, PostgresJournal.longReadBatch) : PostgresJournal.readBatch
            for row in 0..<rows.count {
                let checked = try PostgresRecordCheck.record(rows, row, following: last, previousHash: lastHash!)
                last = checked.record.sequence
                lastHash = checked.hash
                guard try body(checked.record, checked.endsBatch) else { return }
            }
        }
    }
}
