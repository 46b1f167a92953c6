import Foundation
import Journal
import SystemPackage
import Testing

/// Damage in the middle: refused for writing, reported with segment and offset, and no
/// record after it is ever served.
@Suite struct JournalCorruptionTests {
    static let records: UInt64 = 10
    static let damaged: UInt64 = 5

    func expectCorruption(_ fixture: borrowing JournalFixture, at offset: Int) throws {
        let expected = JournalFixture.offset(ofRecord: Self.damaged)
        #expect(offset == expected)
        do {
            _ = try fixture.open()
            Issue.record("a corrupted journal opened for writing")
        } catch JournalError.corruption(let segment, let at, _) {
            #expect(segment == "00000000000000000001.seg")
            #expect(at == Int64(expected))
        }
        // The reader serves what precedes the damage, then stops with the error.
        let reader = try JournalReader(directory: fixture.directory)
        var served: [UInt64] = []
        #expect(throws: JournalError.self) {
            while let record = try reader.next() { served.append(record.sequence) }
        }
        #expect(served == Array(1..<Self.damaged))
        let report = JournalVerifier(directory: fixture.directory).verify()
        #expect(!report.isConsistent)
        #expect(report.records == Int(Self.damaged - 1))
    }

    @Test func flippedBitInTheMiddleIsDetected() throws {
        let fixture = try JournalFixture()
        try fixture.write(Self.records)
        let start = JournalFixture.offset(ofRecord: Self.damaged)
        try fixture.modifySegment { bytes in bytes[start + 40] ^= 0x10 }
        try expectCorruption(fixture, at: start)
    }

    @Test func badLengthInTheMiddleIsCorruption() throws {
        let fixture = try JournalFixture()
        try fixture.write(Self.records)
        let start = JournalFixture.offset(ofRecord: Self.damaged)
        try fixture.modifySegment { bytes in bytes[start + 4] = 0x30 }
        try expectCorruption(fixture, at: start)
    }

    @Test func wrongSequenceNumberIsCorruption() throws {
        let fixture = try JournalFixture()
        try fixture.write(Self.records)
        let start = JournalFixture.offset(ofRecord: Self.damaged)
        // A well-formed frame (valid CRC) carrying sequence 42 where 5 belongs.
        var frame: [UInt8] = []
        JournalFixture.payload(5).withUnsafeBytes {
            RecordFrame.encode(sequence: 42, timestamp: 0, type: 7, payload: $0, into: &frame)
        }
        try fixture.modifySegment { bytes in bytes.replaceSubrange(start..<(start + frame.count), with: frame) }
        try expectCorruption(fixture, at: start)
    }

    @Test func zeroedRecordInTheMiddleIsCorruption() throws {
        let fixture = try JournalFixture()
        try fixture.write(Self.records)
        let start = JournalFixture.offset(ofRecord: Self.damaged)
        try fixture.modifySegment { bytes in
            for index in start..<(start + JournalFixture.frameSize) { bytes[index] = 0 }
        }
        #expect(throws: JournalError.self) { _ = try fixture.open() }
        #expect(!JournalVerifier(directory: fixture.directory).verify().isConsistent)
    }

    @Test func badSegmentHeaderIsCorruption() throws {
        let fixture = try JournalFixture()
        try fixture.write(Self.records)
        try fixture.modifySegment { bytes in bytes[3] ^= 0xFF }
        #expect(throws: JournalError.corruption(segment: "00000000000000000001.seg", offset: 0,
                                                reason: "segment header has the wrong magic bytes")) {
            _ = try fixture.open()
        }
    }

    @Test func missingSegmentIsAGap() throws {
        let fixture = try JournalFixture()
        try fixture.write(3000)
        let segments = try fixture.files().filter { $0.hasSuffix(".seg") }
        try FileManager.default.removeItem(atPath: fixture.directory.appending(segments[1]).string)
        let report = JournalVerifier(directory: fixture.directory).verify()
        #expect(!report.isConsistent)
        let reader = try JournalReader(directory: fixture.directory)
        #expect(throws: JournalError.self) { while try reader.next() != nil {} }
    }
}
