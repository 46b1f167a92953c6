import Journal
import SystemPackage

/// Moves a whole journal between backends (`sscard journal copy`): each record is read
/// checked (CRC, and on PostgreSQL the hash chain), appended to the empty target in the same
/// batches, with the same sequence numbers and timestamps, and the target is read back and
/// compared record by record before the copy is called done.
public struct JournalCopy {
    /// Where records are read from: a segment folder read as any reader reads it (the
    /// source is never recovered or changed), or a journal on PostgreSQL.
    public enum Source {
        case segments(FilePath)
        case store(any JournalStore)

        func forEachRecord(after sequence: UInt64, _ body: (JournalRecord, Bool) throws -> Bool) throws {
            switch self {
            case .segments(let folder): try JournalReader(directory: folder, from: sequence + 1).forEachFrame(body)
            case .store(let store): try store.forEachRecord(after: sequence, body)
            }
        }
    }

    public struct Refusal: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    let source: Source
    let target: any JournalStore

    public init(from source: Source, to target: any JournalStore) {
        self.source = source
        self.target = target
    }

    /// Copies everything; returns the number of records. `progress` is told each batch's end.
    @discardableResult
    public func run(progress: (UInt64) -> Void = { _ in }) throws -> UInt64 {
        var holdsRecords = false
        try target.forEachRecord(after: 0) { _, _ in holdsRecords = true; return false }
        guard target.lastSequence == 0, !holdsRecords else {
            throw Refusal(reason: "the target journal is not empty: a copy goes only into an empty journal")
        }
        var batch: [JournalEntry] = []
        var copied: UInt64 = 0
        try source.forEachRecord(after: 0) { record, endsBatch in
            guard record.sequence == copied + UInt64(batch.count) + 1 else {
                throw Refusal(reason: "the source skips from \(copied + UInt64(batch.count)) to \(record.sequence)")
            }
            batch.append(JournalEntry(type: record.type, payload: record.payload, timestamp: record.timestamp))
            guard endsBatch else { return true }
            let expected = copied
            let range = try target.append(deciding: { last in
                guard last == expected else { throw Refusal(reason: "someone else appended to the target during the copy") }
                return batch
            })
            guard range == (expected + 1)...(expected + UInt64(batch.count)) else {
                throw Refusal(reason: "the target numbered a batch \(String(describing: range)), not from \(expected + 1)")
            }
            copied += UInt64(batch.count)
            batch.removeAll(keepingCapacity: true)
            progress(copied)
            return true
        }
        guard batch.isEmpty else { throw Refusal(reason: "the source ends inside a batch at \(copied + UInt64(batch.count))") }
        try compare(through: copied)
        return copied
    }

    /// Reads both journals again and compares every record.
    private func compare(through last: UInt64) throws {
        var expected: [(JournalRecord, Bool)] = []
        var position: UInt64 = 0
        // In slices, so neither side is held whole in memory.
        while position < last {
            expected.removeAll(keepingCapacity: true)
            try source.forEachRecord(after: position) { record, ends in expected.append((record, ends)); return expected.count < 10_000 }
            var index = 0
            try target.forEachRecord(after: position) { record, ends in
                guard index < expected.count else { return false }
                guard record == expected[index].0, ends == expected[index].1 else {
                    throw Refusal(reason: "record \(record.sequence) reads back differently from the target")
                }
                index += 1
                return index < expected.count
            }
            guard index == expected.count, !expected.isEmpty else { throw Refusal(reason: "the target holds fewer records than were copied") }
            position = expected.last!.0.sequence
        }
    }
}
