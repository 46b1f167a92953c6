import Foundation
import Journal
import JournalTestSupport
import SystemPackage
import Testing

/// One append is one batch, recorded whole or not at all: whatever fails, wherever the
/// segment roll falls, and when the writer dies with only part of it in the file.
@Suite struct JournalBatchAtomicityTests {
    /// Segments hold 64 KiB; 900 records of 68 bytes start near the end of the first one.
    func journalNearlyFull(_ fixture: borrowing JournalFixture) throws {
        try fixture.write(900)
    }

    func batch(from first: UInt64, count: UInt64) -> [JournalEntry] {
        (first..<(first + count)).map { JournalEntry(type: 7, payload: JournalFixture.payload($0)) }
    }

    @Test(arguments: [Errno.noSpace, Errno.ioError])
    func aBatchThatFailsAtTheRollIsNotRecordedAtAll(_ errno: Errno) throws {
        let fixture = try JournalFixture()
        try journalNearlyFull(fixture)
        let io = FaultyFileIO()
        let journal = try fixture.open(io: io)
        // The new segment cannot be made: its space is not there (ENOSPC) or the disk fails (EIO).
        io.inject(.allocate, .fail(errno))
        #expect(throws: JournalError.self) { try journal.append(batch(from: 901, count: 100)) }
        journal.close()
        let reopened = try fixture.open()
        #expect(reopened.lastSequence == 900)
        #expect(try fixture.readAll().count == 900)
        #expect(try reopened.append(batch(from: 901, count: 100)) == 901...1000)
        #expect(try fixture.readAll().count == 1000)
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
    }

    @Test(arguments: [Errno.noSpace, Errno.ioError])
    func aBatchWhoseWriteOrSyncFailsAfterTheRollIsVoidedWhole(_ errno: Errno) throws {
        for operation in [FaultyFileIO.Operation.write, .syncData] {
            let fixture = try JournalFixture()
            try journalNearlyFull(fixture)
            let io = FaultyFileIO()
            let journal = try fixture.open(io: io)
            // Past the roll: the segment header and the seal are written (writes 1 and 2) and the
            // old segment synced (sync 1); the batch's own write or its sync fails.
            io.inject(operation, .fail(errno), after: operation == .write ? 2 : 1)
            #expect(throws: JournalError.self) { try journal.append(batch(from: 901, count: 100)) }
            #expect(io.firedCount == 1)
            #expect(try fixture.readAll().count == 900, "\(operation)")
            journal.close()
            #expect(try fixture.open().lastSequence == 900, "\(operation)")
            #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
        }
    }

    @Test func aBatchNeverSpansTwoSegments() throws {
        let fixture = try JournalFixture()
        try journalNearlyFull(fixture)
        try fixture.writeBatch(100)
        let segments = try fixture.files().filter { $0.hasSuffix(".seg") }.sorted()
        // The roll came before the batch: the whole batch is in the second segment.
        #expect(segments == ["00000000000000000001.seg", "00000000000000000901.seg"])
        #expect(try fixture.readAll().map(\.sequence) == Array(1...1000))
        // A batch larger than a segment gets a segment of its own size.
        try fixture.writeBatch(2_000)
        #expect(try fixture.readAll().count == 3000)
        #expect(JournalVerifier(directory: fixture.directory).verify().records == 3000)
    }

    /// A writer killed mid-write leaves the first records of its batch in the file, each
    /// one valid. Readers do not serve them, verify counts them as a torn tail, and the next
    /// writer cuts them (saving the bytes beside the segment).
    @Test func aBatchCutShortByACrashIsNeitherServedNorKept() throws {
        let fixture = try JournalFixture()
        try fixture.write(5)
        try fixture.writeBatch(10)
        // Zero the last 4 records of the batch, as if they never reached the file.
        let cut = JournalFixture.offset(ofRecord: 12)
        try fixture.modifySegment { bytes in
            for index in cut..<(JournalFixture.offset(ofRecord: 15) + JournalFixture.frameSize) { bytes[index] = 0 }
        }
        #expect(try fixture.readAll().map(\.sequence) == [1, 2, 3, 4, 5])
        let report = JournalVerifier(directory: fixture.directory).verify()
        #expect(report.isConsistent && report.records == 5 && report.tornTails.count == 1)
        let reopened = try fixture.open()
        #expect(reopened.lastSequence == 5)
        #expect(reopened.cuts.count == 1)
        #expect(try reopened.append(type: 7, payload: JournalFixture.payload(6)) == 6)
        #expect(try fixture.readAll().map(\.sequence) == [1, 2, 3, 4, 5, 6])
    }

    @Test func aBatchStillBeingWrittenIsNotServedToATailingReader() throws {
        let fixture = try JournalFixture()
        try fixture.write(3)
        let reader = try JournalReader(directory: fixture.directory)
        while try reader.next() != nil {}
        // Records 4 and 5 of a three-record batch are in the file; 6 is not yet.
        let journal = try fixture.open()
        try journal.append(batch(from: 4, count: 3))
        journal.close()
        try fixture.modifySegment { bytes in
            let start = JournalFixture.offset(ofRecord: 6)
            for index in start..<(start + JournalFixture.frameSize) { bytes[index] = 0 }
        }
        #expect(try reader.next() == nil)
    }
}
