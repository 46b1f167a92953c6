import Journal

extension PostgresJournal {
    /// The records at `positions` (ascending), in one query, each checked alone
    /// (`PostgresRecordCheck.alone`); throws `JournalRecordMissing` for one not there.
    public func records(at positions: [UInt64]) throws -> [JournalRecord] {
        guard !positions.isEmpty else { return [] }
        let list = "{" + positions.map(String.init).joined(separator: ",") + "}"
        let rows = try connected().query("""
            SELECT position, type, at, payload, crc32c, ends_batch, prev_hash, hash FROM journal
            WHERE position = ANY($1::bigint[]) ORDER BY position
            """, [list])
        var found: [UInt64: JournalRecord] = [:]
        for row in 0..<rows.count {
            let record = try PostgresRecordCheck.alone(rows, row)
            found[record.sequence] = record
        }
        return try positions.map { position in
            guard let record = found[position] else { throw JournalRecordMissing(sequence: position) }
            return record
        }
    }
}
