import Foundation
import Journal
import JournalTestSupport
import SystemPackage
import Testing

/// Records read one by one by the place `forEachPlaced` gave for each: the same record a
/// walk serves, read without the records before it; a wrong place costs a walk, never a
/// wrong record; a sequence number the journal does not hold is said to be missing.
@Suite struct JournalRecordLookupTests {
    @Test func everyPlaceAWalkGivesReadsItsRecordAloneAndReadsNothingBeforeIt() throws {
        let fixture = try JournalFixture()
        let journal = try fixture.open()
        for batch in 0..<60 as Range<UInt64> {
            try journal.append((1...100).map { JournalEntry(type: 7, payload: JournalFixture.payload(batch * 100 + $0)) })
        }
        journal.close()
        var walked: [JournalRecord] = []
        var places: [JournalPlace?] = []
        // Stopped after each batch and called again: places stay right across the buffered pass and the steps.
        let reader = try JournalReader(directory: fixture.directory)
        while try reader.forEachPlaced(stopAfterBatch: { true }, { sequence, place, type, timestamp, payload in
            walked.append(JournalRecord(sequence: sequence, type: type, timestamp: timestamp, payload: Array(payload)))
            places.append(place)
        }) > 0 {}
        #expect(walked.count == 6000)
        #expect(Set(places.map { $0?.segment }).count > 2, "the records span several segments")
        #expect(zip(walked, places).allSatisfy { $0.sequence == $1?.sequence })
        let wanted = [1, 2, 999, 3000, 4321, 6000].map { (sequence: UInt64($0), place: places[$0 - 1]) }
        #expect(try JournalRecordLookup.records(in: fixture.directory, at: wanted) == wanted.map { walked[Int($0.sequence) - 1] })
        for item in wanted {
            let io = FaultyFileIO()
            _ = try JournalRecordLookup.records(in: fixture.directory, at: [item], io: io)
            let place = try #require(item.place)
            #expect(!io.rangesRead.contains { $0.overlaps(Int64(SegmentHeader.size)..<place.offset) }, "record \(item.sequence) is read at its place")
        }
    }

    @Test func aWrongPlaceStillReadsTheRightRecordAndAMissingOneIsSaid() throws {
        let fixture = try JournalFixture()
        try fixture.writeBatches(3000)
        let records = try JournalReader(directory: fixture.directory).forEachFrameCollecting()
        for place in [JournalPlace(sequence: 2000, segment: 1, offset: 64), JournalPlace(sequence: 2000, segment: 99, offset: 1 << 30), nil] {
            let read = try JournalRecordLookup.records(in: fixture.directory, at: [(2000, place)])
            #expect(read == [records[1999]], "\(String(describing: place))")
        }
        #expect(throws: JournalRecordMissing(sequence: 3001)) {
            try JournalRecordLookup.records(in: fixture.directory, at: [(3000, nil), (3001, nil)])
        }
    }
}

extension JournalReader {
    /// Every record to the end, in order.
    func forEachFrameCollecting() throws -> [JournalRecord] {
        var records: [JournalRecord] = []
        try forEachFrame { record, _ in records.append(record); return true }
        return records
    }
}
