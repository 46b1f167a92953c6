import Foundation
import Journal
import SystemPackage
import Testing

@Suite struct JournalAppendTests {
    @Test func appendedRecordsReadBackInOrder() throws {
        let fixture = try JournalFixture()
        let journal = try fixture.open()
        #expect(journal.lastSequence == 0)
        for index in UInt64(1)...5 {
            #expect(try journal.append(type: 3, payload: JournalFixture.payload(index)) == index)
        }
        let records = try fixture.readAll()
        #expect(records.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(records.allSatisfy { $0.type == 3 && $0.timestamp == 1_790_000_000_000_000 })
        #expect(records[2].payload == JournalFixture.payload(3))
    }

    @Test func batchAppendReturnsConsecutiveSequenceNumbers() throws {
        let fixture = try JournalFixture()
        let journal = try fixture.open()
        try journal.append(type: 1, payload: [1])
        let range = try journal.append((0..<100).map { JournalEntry(type: 2, payload: [UInt8($0)]) })
        #expect(range == 2...101)
        let records = try fixture.readAll()
        #expect(records.count == 101)
        #expect(records.last?.payload == [99])
    }

    @Test func recordsSpanManySegmentsAndReopenContinues() throws {
        let fixture = try JournalFixture()
        try fixture.write(3000)  // about 200 KiB: several 64 KiB segments
        let segments = try fixture.files().filter { $0.hasSuffix(".seg") }
        #expect(segments.count > 2)
        let journal = try fixture.open()
        #expect(journal.lastSequence == 3000)
        #expect(try journal.append(type: 7, payload: JournalFixture.payload(3001)) == 3001)
        let records = try fixture.readAll()
        #expect(records.map(\.sequence) == Array(1...3001))
        #expect(records.map(\.payload) == (1...3001).map(JournalFixture.payload))
    }

    @Test func batchLargerThanASegmentRollsInsideTheBatch() throws {
        let fixture = try JournalFixture()
        let journal = try fixture.open()
        let range = try journal.append((1...2000).map { JournalEntry(type: 1, payload: JournalFixture.payload($0)) })
        #expect(range == 1...2000)
        #expect(try fixture.readAll().map(\.payload) == (1...2000).map(JournalFixture.payload))
        #expect(JournalVerifier(directory: fixture.directory).verify().records == 2000)
    }

    @Test func recordLargerThanASegmentGetsASegmentOfItsOwn() throws {
        let fixture = try JournalFixture()
        let journal = try fixture.open()
        try journal.append(type: 1, payload: [1, 2, 3])
        let big = [UInt8](repeating: 0xAB, count: 200 * 1024)
        #expect(try journal.append(type: 2, payload: big) == 2)
        try journal.append(type: 1, payload: [4])
        let records = try fixture.readAll()
        #expect(records.map(\.sequence) == [1, 2, 3])
        #expect(records[1].payload == big)
    }

    @Test func readerFromSequenceSkipsEarlierRecords() throws {
        let fixture = try JournalFixture()
        try fixture.write(2500)
        let reader = try JournalReader(directory: fixture.directory, from: 2001)
        var sequences: [UInt64] = []
        while let record = try reader.next() { sequences.append(record.sequence) }
        #expect(sequences == Array(2001...2500))
    }

    @Test func readerSeesLaterAppendsWithoutReopening() throws {
        let fixture = try JournalFixture()
        let journal = try fixture.open()
        try journal.append(type: 1, payload: [1])
        let reader = try journal.reader()
        #expect(try reader.next()?.sequence == 1)
        #expect(try reader.next() == nil)
        // Enough to roll into new segments while the reader waits at the old tail.
        for index in UInt64(2)...1500 { try journal.append(type: 1, payload: JournalFixture.payload(index)) }
        var seen: [UInt64] = []
        while let record = try reader.next() { seen.append(record.sequence) }
        #expect(seen == Array(2...1500))
    }

    @Test func reservedAndOversizedRecordsAreRefusedWithoutPoisoning() throws {
        let fixture = try JournalFixture()
        let journal = try fixture.open()
        #expect(throws: JournalError.invalidRecordType) { try journal.append(type: 0, payload: []) }
        #expect(throws: JournalError.invalidRecordType) { try journal.append(type: 0xFFFF, payload: []) }
        #expect(throws: JournalError.recordTooLarge(bytes: RecordFrame.maxPayload + 1, limit: RecordFrame.maxPayload)) {
            try journal.append(type: 1, payload: [UInt8](repeating: 0, count: RecordFrame.maxPayload + 1))
        }
        #expect(try journal.append(type: 1, payload: []) == 1)
    }

    @Test func filesArePrivateToTheirOwner() throws {
        let fixture = try JournalFixture()
        let previous = umask(0o022)
        defer { umask(previous) }
        try fixture.write(3000)
        var status = stat()
        #expect(stat(fixture.directory.string, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o700)
        for name in try fixture.files() {
            #expect(stat(fixture.directory.appending(name).string, &status) == 0)
            #expect(status.st_mode & 0o777 == 0o600, "\(name)")
        }
    }

    @Test func twoJournalObjectsInOneProcessInterleaveWithoutGaps() throws {
        let fixture = try JournalFixture()
        let first = try fixture.open()
        let second = try fixture.open()
        for round in 0..<1200 {
            let journal = round % 3 == 0 ? second : first
            try journal.append(type: 1, payload: JournalFixture.payload(UInt64(round + 1)))
        }
        #expect(try fixture.readAll().map(\.sequence) == Array(1...1200))
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
    }
}
