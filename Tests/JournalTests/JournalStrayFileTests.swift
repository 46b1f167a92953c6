import Foundation
import Journal
import SystemPackage
import Testing

/// What an unlucky operator or a stray process leaves in the journal folder: every
/// reader, the writer and verify must agree on it, and none may loop or crash.
@Suite struct JournalStrayFileTests {
    /// Records per 64 KiB segment of the fixture, so a write of more rolls.
    static let overOneSegment: UInt64 = 1000

    /// The reader serves `count` records and then stops, within a bounded number of steps.
    func expectReads(_ fixture: borrowing JournalFixture, _ count: Int) throws {
        let reader = try JournalReader(directory: fixture.directory)
        var served = 0
        while let _ = try reader.next() {
            served += 1
            try #require(served <= count, "the reader served more than there is, or loops")
        }
        #expect(served == count)
    }

    /// Verify and every reader refuse; so does the writer when the damage is at its tail
    /// (it checks only the last segment on open: replay reads the rest).
    func expectRefusedEverywhere(_ fixture: borrowing JournalFixture, _ words: String, atTail: Bool = true) throws {
        let report = JournalVerifier(directory: fixture.directory).verify()
        #expect(!report.isConsistent)
        #expect(report.corruption.map { "\($0)".contains(words) } == true, "\(String(describing: report.corruption))")
        #expect(throws: JournalError.self) { _ = try fixture.readAll() }
        if atTail { #expect(throws: JournalError.self) { _ = try fixture.open() } }
    }

    /// The crash of 5 in 80 kills: a new segment with its header and no record, and the
    /// old segment not yet sealed. Readers once moved into the segment they were in, forever.
    @Test func writerKilledRightAfterCreatingASegmentLeavesAReadableJournal() throws {
        let fixture = try JournalFixture()
        try fixture.writeBatches(Self.overOneSegment)
        let segments = try fixture.files().filter { $0.hasSuffix(".seg") }
        let last = try #require(segments.last)
        let lastPath = fixture.directory.appending(last)
        let first = try #require(SegmentHeader.firstSequence(fromFileName: last))
        // Undo the roll's seal and the records after it: what a kill between create and seal leaves.
        var bytes = try fixture.segmentBytes(lastPath)
        bytes.replaceSubrange(32..., with: [UInt8](repeating: 0, count: bytes.count - 32))
        try fixture.writeSegment(bytes, lastPath)
        let previous = fixture.directory.appending(try #require(segments.dropLast().last))
        var old = try fixture.segmentBytes(previous)
        let sealAt = try sealOffset(in: old, sequence: first)
        old.replaceSubrange(sealAt..<(sealAt + 28), with: [UInt8](repeating: 0, count: 28))
        try fixture.writeSegment(old, previous)

        try expectReads(fixture, Int(first - 1))
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
        let journal = try fixture.open()
        #expect(journal.nextSequence == first)
        #expect(try journal.append(type: 7, payload: JournalFixture.payload(first)) == first)
        try expectReads(fixture, Int(first))
    }

    /// A long-running writer whose tail is the old segment must follow a crashed writer's
    /// new segment too, not write the same sequence number into the old one.
    @Test func runningWriterFollowsASegmentACrashedWriterCreated() throws {
        let fixture = try JournalFixture()
        try fixture.write(3)
        let survivor = try fixture.open()
        // Another writer fills the segment and rolls; then its seal and records are lost.
        try fixture.writeBatches(Self.overOneSegment)
        let names = try fixture.files().filter { $0.hasSuffix(".seg") }
        let lastPath = fixture.directory.appending(names.last!)
        let first = SegmentHeader.firstSequence(fromFileName: names.last!)!
        var bytes = try fixture.segmentBytes(lastPath)
        bytes.replaceSubrange(32..., with: [UInt8](repeating: 0, count: bytes.count - 32))
        try fixture.writeSegment(bytes, lastPath)
        try fixture.modifySegment { old in
            let at = try! sealOffset(in: old, sequence: first)
            old.replaceSubrange(at..<(at + 28), with: [UInt8](repeating: 0, count: 28))
        }
        #expect(try survivor.append(type: 7, payload: JournalFixture.payload(first)) == first)
        try expectReads(fixture, Int(first))
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
    }

    @Test func bitFlipInTheFirstRecordOfASegmentIsCorruptionNotALoop() throws {
        let fixture = try JournalFixture()
        try fixture.writeBatches(Self.overOneSegment * 2)
        let names = try fixture.files().filter { $0.hasSuffix(".seg") }
        let middle = fixture.directory.appending(names[1])
        var bytes = try fixture.segmentBytes(middle)
        bytes[32 + 40] ^= 0x01
        try fixture.writeSegment(bytes, middle)
        try expectRefusedEverywhere(fixture, "followed by a valid record", atTail: false)
    }

    /// dump and replay once stopped here silently with exit 0 while verify said corrupted.
    @Test func zeroedRecordHeaderBeforeValidRecordsStopsEveryReaderWithVerifysError() throws {
        let fixture = try JournalFixture()
        try fixture.write(10)
        let start = JournalFixture.offset(ofRecord: 10)
        try fixture.modifySegment { $0.replaceSubrange(start..<(start + 28), with: [UInt8](repeating: 0, count: 28)) }
        // The last record zeroed is a clean end; one in the middle is not.
        try expectReads(fixture, 9)
        try fixture.write(1)
        let middle = JournalFixture.offset(ofRecord: 4)
        try fixture.modifySegment { $0.replaceSubrange(middle..<(middle + 28), with: [UInt8](repeating: 0, count: 28)) }
        let verifyError = try #require(JournalVerifier(directory: fixture.directory).verify().corruption)
        #expect(throws: verifyError) { _ = try fixture.readAll() }
    }

    @Test func segmentNamedZeroIsAStrayNotACrash() throws {
        let fixture = try JournalFixture()
        try fixture.write(3)
        try fixture.writeSegment(SegmentHeader(firstSequence: 0).encoded(), fixture.directory.appending("00000000000000000000.seg"))
        try expectReads(fixture, 3)
        let report = JournalVerifier(directory: fixture.directory).verify()
        #expect(report.isConsistent)
        #expect(report.strayFiles == ["00000000000000000000.seg"])
        #expect(try fixture.open().lastSequence == 3)
    }

    @Test func namesThatAreNotExactlyTwentyDigitsAndFoldersAreStrays() throws {
        let fixture = try JournalFixture()
        try fixture.write(3)
        try fixture.writeSegment(SegmentHeader(firstSequence: 1).encoded(), fixture.directory.appending("+0000000000000000001.seg"))
        try FileManager.default.createDirectory(atPath: fixture.directory.appending("00000000000000000009.seg").string,
                                                withIntermediateDirectories: false)
        try fixture.writeSegment([1, 2, 3], fixture.directory.appending("notes.txt"))
        let report = JournalVerifier(directory: fixture.directory).verify()
        #expect(report.isConsistent)
        #expect(report.records == 3)
        #expect(report.strayFiles == ["+0000000000000000001.seg", "00000000000000000009.seg", "notes.txt"])
        try expectReads(fixture, 3)
        #expect(try fixture.open().lastSequence == 3)
    }

    /// A sparse last segment grown to 64 GiB: no 64 GiB allocation, and holes are skipped.
    @Test func sparseSegmentOf64GiBIsCheckedInBoundedChunks() throws {
        let fixture = try JournalFixture()
        try fixture.write(5)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.firstSegment.string))
        try handle.truncate(atOffset: 64 << 30)
        try handle.close()
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
        try expectReads(fixture, 5)
        #expect(try fixture.open().lastSequence == 5)
    }

    /// Verify once said consistent here while the app refused to open.
    @Test func deletedLastSegmentAfterASealIsCorruptionForVerifyAsForTheApp() throws {
        let fixture = try JournalFixture()
        try fixture.writeBatches(Self.overOneSegment)
        let names = try fixture.files().filter { $0.hasSuffix(".seg") }
        try FileManager.default.removeItem(atPath: fixture.directory.appending(names.last!).string)
        try expectRefusedEverywhere(fixture, "is missing")
    }

    /// The offset of the seal frame (type 0xFFFF) numbered `sequence` in a segment's bytes.
    func sealOffset(in bytes: [UInt8], sequence: UInt64) throws -> Int {
        var offset = 32
        while offset + 28 <= bytes.count {
            let length = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16
            let type = UInt16(bytes[offset + 24]) | UInt16(bytes[offset + 25]) << 8
            if type == 0xFFFF { return offset }
            if type == 0 { break }
            offset += 28 + length
        }
        throw ChildFailure("no seal for \(sequence)")
    }
}
