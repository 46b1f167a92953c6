import Foundation
import Journal
import Synchronization
import Testing

/// What every journal backend must do, as checks any test target runs against its backend:
/// JournalTests on the segment journal, PostgresJournalTests on PostgreSQL. `open` gives a
/// new handle on one journal, empty at first (a second handle is another site or process).
public struct JournalConformance {
    let open: () throws -> any JournalStore

    public init(open: @escaping () throws -> any JournalStore) { self.open = open }

    static func entry(_ text: String, at timestamp: Int64? = nil) -> JournalEntry {
        JournalEntry(type: 7, payload: Array(text.utf8), timestamp: timestamp)
    }

    /// Batches read back in order, numbered from 1, with their ends and their timestamps.
    public func appendsReadBackInOrderWithTheirBatches() throws {
        let journal = try open()
        defer { journal.close() }
        #expect(journal.lastSequence == 0)
        #expect(try journal.appendBatch([Self.entry("a", at: 1_700_000_000_000_000)]) == 1...1)
        #expect(try journal.appendBatch([Self.entry("b"), Self.entry(String(repeating: "c", count: 70_000)), Self.entry("")]) == 2...4)
        let read = try journal.records()
        #expect(read.map(\.record.sequence) == [1, 2, 3, 4])
        #expect(read.map(\.endsBatch) == [true, false, false, true])
        #expect(read.map { String(decoding: $0.record.payload, as: UTF8.self).prefix(1) } == ["a", "b", "c", ""])
        #expect(read[2].record.payload.count == 70_000)
        #expect(read[0].record.timestamp == 1_700_000_000_000_000)
        #expect(read[1].record.timestamp > 1_700_000_000_000_000)
        #expect(try journal.records(after: 2).map(\.record.sequence) == [3, 4])
        #expect(journal.lastSequence == 4)
    }

    /// A decision is made on the true last sequence number, including another handle's
    /// appends; an empty decision appends nothing; a reserved type is refused.
    public func decisionsSeeEveryAppend() throws {
        let first = try open(), second = try open()
        defer { first.close(); second.close() }
        try first.appendBatch([Self.entry("one"), Self.entry("two")])
        var seen: UInt64?
        #expect(try second.append(deciding: { seen = $0; return [] }) == nil)
        #expect(seen == 2)
        #expect(try second.append(deciding: { [Self.entry("after \($0)")] }) == 3...3)
        #expect(second.lastSequence == 3)
        #expect(try first.records().last?.record.payload == Array("after 2".utf8))
        #expect(throws: (any Error).self) { try second.appendBatch([JournalEntry(type: 0, payload: [1])]) }
        #expect(second.lastSequence == 3)
    }

    /// A long journal reads back whole through a tail: in order from the start, from the
    /// middle, and a batch at a time when the reader stops after each (a reader far behind
    /// reads in larger pieces on PostgreSQL; none is skipped or served twice at their edges).
    public func aLongJournalReadsBackWholeThroughATail() throws {
        let journal = try open()
        defer { journal.close() }
        for batch in 0..<25 {
            try journal.appendBatch((0..<1_000).map { Self.entry("record \(batch * 1_000 + $0 + 1)") })
        }
        var sequences: [UInt64] = []
        try journal.tail(from: 1, hint: nil).forEach(stopAfterBatch: nil) { sequence, _, _, payload in
            #expect(String(decoding: payload, as: UTF8.self) == "record \(sequence)")
            sequences.append(sequence)
        }
        #expect(sequences == Array(1...25_000))
        var fromMiddle: [UInt64] = []
        try journal.tail(from: 12_345, hint: nil).forEach(stopAfterBatch: nil) { sequence, _, _, _ in fromMiddle.append(sequence) }
        #expect(fromMiddle == Array(12_345...25_000))
        let stepping = try journal.tail(from: 1, hint: nil)
        var walks: [Int] = []
        while true {
            let read = try stepping.forEach(stopAfterBatch: { true }) { _, _, _, _ in }
            if read == 0 { break }
            walks.append(read)
        }
        #expect(walks == Array(repeating: 1_000, count: 25))
    }

    /// `writers` handles on threads race to claim one person: each reads what is there and
    /// claims only if nobody has. Exactly one claim is recorded, and every append is whole.
    public func racingDecidersRecordOneClaim(writers: Int = 6) throws {
        // Each thread uses only its own handle.
        nonisolated(unsafe) let handles = try (0..<writers).map { _ in try open() }
        defer { handles.forEach { $0.close() } }
        let won = Mutex(0), failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: writers) { index in
            do {
                let journal = handles[index]
                let appended = try journal.append(deciding: { _ in
                    let claimed = try journal.records().contains { $0.record.payload == Array("claim 110105195609090137".utf8) }
                    return claimed ? [] : [Self.entry("claim 110105195609090137"), Self.entry("by \(index)")]
                })
                if appended != nil { won.withLock { $0 += 1 } }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        #expect(won.withLock { $0 } == 1)
        let read = try handles[0].records()
        #expect(read.count == 2 && read.map(\.endsBatch) == [false, true])
    }
}
