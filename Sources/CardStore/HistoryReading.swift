import Foundation
import Journal

/// How a 变更记录 reads its records: those the index's history table names for its subjects,
/// each read alone, then the journal on from the table's position. The whole journal is read
/// instead when there is no index, it cannot be read, or it was made from another journal
/// (the record at its position is not the one it remembers). Either way every record comes
/// from the journal and is checked there; the table only says which to read.
enum HistoryReading {
    /// Calls `visit` with every record the history may hold, in order. `subjects` are asked
    /// first; `more` names further subjects from those records (a person's applications).
    static func read(data: DataDirectory, subjects: [(kind: HistoryKind, subject: String)],
                     more: ([JournalRecord]) throws -> [(kind: HistoryKind, subject: String)] = { _ in [] },
                     _ visit: (_ sequence: UInt64, _ payload: UnsafeRawBufferPointer) throws -> Void) throws {
        let journal = try HistoryJournal(data)
        do {
            if let index = index(of: data), let first = index.historyEntries(subjects), first.through > 0 {
                var records = try journal.records(at: first.entries)
                let further = try more(records)
                if !further.isEmpty {
                    guard let second = index.historyEntries(further), second.through >= first.through else { throw Unusable() }
                    let known = Set(records.map(\.sequence))
                    records += try journal.records(at: second.entries.filter { $0.sequence <= first.through && !known.contains($0.sequence) })
                    records.sort { $0.sequence < $1.sequence }
                }
                try readOn(journal, after: first, visitingFirst: records, visit)
                return
            }
        } catch is Unusable {
        } catch is JournalRecordMissing {}
        try journal.tail(from: 1, hint: nil).forEach(stopAfterBatch: nil) { sequence, _, _, payload in try visit(sequence, payload) }
    }

    /// Visits `records`, then the journal after the table's position, once the record at
    /// that position is found to be the one the table remembers.
    private static func readOn(_ journal: HistoryJournal, after table: HistoryEntries, visitingFirst records: [JournalRecord],
                               _ visit: (UInt64, UnsafeRawBufferPointer) throws -> Void) throws {
        var confirmed = false
        try journal.tail(from: table.through, hint: table.place).forEach(stopAfterBatch: nil) { sequence, _, timestamp, payload in
            guard confirmed else {
                guard sequence == table.through, timestamp == table.timestamp else { throw Unusable() }
                confirmed = true
                for record in records { try record.payload.withUnsafeBytes { try visit(record.sequence, $0) } }
                return
            }
            try visit(sequence, payload)
        }
        if !confirmed { throw Unusable() }
    }

    /// The data directory's index, when it has one: a history never makes one.
    private static func index(of data: DataDirectory) -> SharedIndex? {
        guard FileManager.default.fileExists(atPath: data.index.string) else { return nil }
        return try? SharedIndex.shared(in: data)
    }

    /// The table cannot answer: the journal is read instead.
    private struct Unusable: Error {}
}
