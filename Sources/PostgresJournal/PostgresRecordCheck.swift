import Journal

/// A row of the journal table, checked before it is served: the next position, a type in
/// range, the payload's CRC, and the hash chain from the record before it.
enum PostgresRecordCheck {
    struct Checked {
        var record: JournalRecord
        var endsBatch: Bool
        var hash: [UInt8]
    }

    /// Columns: position, type, at, payload, crc32c, ends_batch, prev_hash, hash.
    static func record(_ rows: PostgresRows, _ row: Int, following last: UInt64, previousHash: [UInt8]) throws -> Checked {
        func damaged(_ reason: String) -> PostgresJournalError { .damaged(position: last + 1, reason: reason) }
        guard let position = rows.integer(row, 0), position > 0 else { throw damaged("a row has no position") }
        guard UInt64(position) == last + 1 else { throw damaged("the next row is at position \(position): records are missing") }
        guard let type = rows.integer(row, 1), (1...0xFFFE).contains(type), let at = rows.integer(row, 2),
              let payload = rows.bytes(row, 3), let crc = rows.integer(row, 4), let endsBatch = rows.boolean(row, 5),
              let previous = rows.bytes(row, 6), let hash = rows.bytes(row, 7) else { throw damaged("a column is missing or out of range") }
        guard crc == JournalChain.crc(payload) else { throw damaged("the payload does not match its CRC") }
        let record = JournalRecord(sequence: UInt64(position), type: UInt16(type), timestamp: at, payload: payload)
        guard previous == previousHash, hash == JournalChain.hash(after: previousHash, record) else {
            throw damaged("the hash chain is broken: a record was changed, removed or moved")
        }
        return Checked(record: record, endsBatch: endsBatch, hash: hash)
    }
}

extension PostgresRecordCheck {
    /// A row read alone, by position (a history's records): its CRC, and its hash over the
    /// previous hash it names. Its link to its neighbours is `journal verify`'s to check.
    static func alone(_ rows: PostgresRows, _ row: Int) throws -> JournalRecord {
        let position = rows.integer(row, 0).map { UInt64(max($0, 0)) } ?? 0
        func damaged(_ reason: String) -> PostgresJournalError { .damaged(position: position, reason: reason) }
        guard position > 0, let type = rows.integer(row, 1), (1...0xFFFE).contains(type), let at = rows.integer(row, 2),
              let payload = rows.bytes(row, 3), let crc = rows.integer(row, 4),
              let previous = rows.bytes(row, 6), let hash = rows.bytes(row, 7) else { throw damaged("a column is missing or out of range") }
        guard crc == JournalChain.crc(payload) else { throw damaged("the payload does not match its CRC") }
        let record = JournalRecord(sequence: position, type: UInt16(type), timestamp: at, payload: payload)
        guard hash == JournalChain.hash(after: previous, record) else { throw damaged("the record does not match its hash") }
        return record
    }
}
