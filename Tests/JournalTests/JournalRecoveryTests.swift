import Foundation
import Journal
import SystemPackage
import Testing

/// Crash damage at the tail: recovery cuts it (keeping a copy) and nothing acknowledged
/// before it is lost. Named after the faults, as LevelDB's log_test and etcd's wal tests are.
@Suite struct JournalRecoveryTests {
    static let records: UInt64 = 10

    @Test func truncationAtEveryByteOffsetOfTheLastRecordIsCut() throws {
        let lastStart = JournalFixture.offset(ofRecord: Self.records)
        for cut in lastStart..<(lastStart + JournalFixture.frameSize) {
            let fixture = try JournalFixture()
            try fixture.write(Self.records)
            // A file that really ends mid-record, as after a crash of a non-preallocated write.
            let bytes = try fixture.segmentBytes()
            try fixture.writeSegment(Array(bytes[..<cut]))

            let journal = try fixture.open()
            #expect(journal.lastSequence == Self.records - 1, "cut at \(cut)")
            let tornBytesRemain = bytes[lastStart..<cut].contains { $0 != 0 }
            #expect(journal.cuts.count == (tornBytesRemain ? 1 : 0), "cut at \(cut)")
            #expect(try journal.append(type: 7, payload: JournalFixture.payload(Self.records)) == Self.records)
            #expect(try fixture.readAll().map(\.sequence) == Array(1...Self.records))
            #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
        }
    }

    @Test func tornLastRecordIsSavedBesideTheSegmentBeforeItIsCut() throws {
        let fixture = try JournalFixture()
        try fixture.write(Self.records)
        let start = JournalFixture.offset(ofRecord: Self.records)
        let original = try fixture.segmentBytes()
        // Zero the second half of the last record: a write torn at a sector boundary.
        try fixture.modifySegment { bytes in
            for index in (start + 40)..<(start + JournalFixture.frameSize) { bytes[index] = 0 }
        }
        let journal = try fixture.open()
        #expect(journal.lastSequence == Self.records - 1)
        let cut = try #require(journal.cuts.first)
        #expect(cut.offset == Int64(start))
        #expect(cut.length == 40)
        let saved = try Data(contentsOf: URL(fileURLWithPath: fixture.directory.appending(cut.savedTo).string))
        #expect(Array(saved) == Array(original[start..<(start + 40)]))
        #expect(try fixture.files().contains("00000000000000000001.seg.torn-\(start)"))
        // The cut range is zero again, so no remnant can resurface behind a later record.
        let after = try fixture.segmentBytes()
        #expect(after[start..<(start + JournalFixture.frameSize)].allSatisfy { $0 == 0 })
    }

    @Test func zeroedTailIsACleanEnd() throws {
        let fixture = try JournalFixture()
        try fixture.write(Self.records)
        let start = JournalFixture.offset(ofRecord: Self.records - 2)
        try fixture.modifySegment { bytes in
            for index in start..<bytes.count { bytes[index] = 0 }
        }
        let journal = try fixture.open()
        #expect(journal.lastSequence == Self.records - 3)
        #expect(journal.cuts.isEmpty)
        #expect(try fixture.readAll().count == Int(Self.records - 3))
    }

    @Test func badLengthInTheLastRecordIsATornTail() throws {
        let fixture = try JournalFixture()
        try fixture.write(Self.records)
        let start = JournalFixture.offset(ofRecord: Self.records)
        try fixture.modifySegment { bytes in bytes[start + 4] = 0xFF; bytes[start + 5] = 0xFF }
        let journal = try fixture.open()
        #expect(journal.lastSequence == Self.records - 1)
        #expect(journal.cuts.count == 1)
    }

    @Test func garbageAfterTheLastRecordIsCut() throws {
        let fixture = try JournalFixture()
        try fixture.write(Self.records)
        let end = JournalFixture.offset(ofRecord: Self.records + 1)
        try fixture.modifySegment { bytes in
            for index in 0..<100 { bytes[end + 500 + index] = UInt8(truncatingIfNeeded: index &* 37 &+ 1) }
        }
        let verify = JournalVerifier(directory: fixture.directory).verify()
        #expect(verify.isConsistent)
        #expect(verify.tornTails.count == 1)
        let journal = try fixture.open()
        #expect(journal.lastSequence == Self.records)
        #expect(journal.cuts.first?.length == 600)
        #expect(JournalVerifier(directory: fixture.directory).verify().tornTails.isEmpty)
    }

    @Test func leftoverTemporarySegmentIsRemoved() throws {
        let fixture = try JournalFixture()
        try fixture.write(3)
        let temporary = fixture.directory.appending("00000000000000000004.seg.tmp")
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: temporary.string))
        let journal = try fixture.open()
        #expect(journal.lastSequence == 3)
        #expect(try !fixture.files().contains("00000000000000000004.seg.tmp"))
    }
}
