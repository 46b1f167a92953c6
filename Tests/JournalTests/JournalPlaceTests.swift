import Foundation
import Journal
import JournalTestSupport
import SystemPackage
import Testing

/// A reader given a place (`JournalPlace`) starts there instead of walking its segment
/// from the first record. A place that does not hold a valid frame with its sequence
/// number is ignored, so a hint can make a start faster and never make it wrong.
@Suite struct JournalPlaceTests {
    func served(_ directory: FilePath, from: UInt64, hint: JournalPlace?, io: any FileIO = SystemFileIO()) throws -> [UInt64] {
        var sequences: [UInt64] = []
        try JournalReader(directory: directory, from: from, io: io, hint: hint).forEach { sequence, _, _, _ in
            sequences.append(sequence)
        }
        return sequences
    }

    /// The place of record `sequence`, as a reader that moved past it reports it.
    func place(of sequence: UInt64, in directory: FilePath) throws -> JournalPlace {
        let reader = try JournalReader(directory: directory, from: sequence)
        _ = try reader.next()
        return try #require(reader.lastPlace)
    }

    @Test func aTrueHintServesExactlyWhatAWalkServesAndReadsNothingBeforeIt() throws {
        let fixture = try JournalFixture()
        // One large segment, as in use: the records before the hint are never read.
        let journal = try Journal(directory: fixture.directory, options: JournalOptions(segmentCapacity: 8 << 20))
        try journal.append((1...3000).map { JournalEntry(type: 7, payload: JournalFixture.payload($0)) })
        journal.close()
        let last = try place(of: 3000, in: fixture.directory)
        #expect(last.sequence == 3000)
        for (hintAt, from) in [(3000, 3000), (3000, 3001), (2990, 2995), (2990, 5000), (1, 1), (1, 2500)] as [(UInt64, UInt64)] {
            let hint = try place(of: hintAt, in: fixture.directory)
            let counting = FaultyFileIO()
            let hinted = try served(fixture.directory, from: from, hint: hint, io: counting)
            let plain = FaultyFileIO()
            #expect(hinted == (try served(fixture.directory, from: from, hint: nil, io: plain)), "hint \(hintAt), from \(from)")
            #expect(plain.rangesRead.contains { $0.overlaps(Int64(SegmentHeader.size)..<hint.offset) } == (hint.offset > 32))
            #expect(!counting.rangesRead.contains { $0.overlaps(Int64(SegmentHeader.size)..<hint.offset) }, "hint \(hintAt), from \(from)")
        }
    }

    @Test func aHintThatIsWrongInAnyWayIsIgnored() throws {
        let fixture = try JournalFixture()
        try fixture.writeBatches(3000)
        let truth = try place(of: 2990, in: fixture.directory)
        let earlierSegment = try place(of: 10, in: fixture.directory)
        var wrong: [JournalPlace] = [earlierSegment]
        for change in [-1, 1, Int64(JournalFixture.frameSize), -Int64(truth.offset), 1 << 30] {
            wrong.append(JournalPlace(sequence: truth.sequence, segment: truth.segment, offset: truth.offset + change))
        }
        wrong.append(JournalPlace(sequence: truth.sequence + 1, segment: truth.segment, offset: truth.offset))
        wrong.append(JournalPlace(sequence: truth.sequence, segment: truth.segment + 1, offset: truth.offset))
        wrong.append(JournalPlace(sequence: 0, segment: truth.segment, offset: truth.offset))
        let expected = try served(fixture.directory, from: 2980, hint: nil)
        #expect(expected == Array(2980...3000))
        for hint in wrong {
            #expect(try served(fixture.directory, from: 2980, hint: hint) == expected, "\(hint)")
        }
        // A true place after `from` cannot be used either: records before it are wanted.
        #expect(try served(fixture.directory, from: 2980, hint: truth) == expected)
    }

    /// Recovery reads the zeros after the last record to the end of the segment, to be
    /// sure no record follows; a reader starting at its place need not read them again.
    @Test func aReaderFromTheWritersPlaceDoesNotReadTheZerosRecoveryRead() throws {
        let fixture = try JournalFixture()
        let options = JournalOptions(segmentCapacity: 8 << 20)
        let writer = try Journal(directory: fixture.directory, options: options)
        try writer.append((1...2000).map { JournalEntry(type: 7, payload: JournalFixture.payload($0)) })
        writer.close()
        let io = FaultyFileIO()
        let journal = try Journal(directory: fixture.directory, options: options, io: io)
        defer { journal.close() }
        let place = try #require(journal.lastPlace)
        let end = place.offset + Int64(JournalFixture.frameSize)
        #expect(place.zerosFrom == end)
        #expect(io.rangesRead.contains { $0.upperBound > 4 << 20 }, "recovery read the zeros to the segment's end")
        let before = io.rangesRead.count
        // As a clerk's start does: the index and the snapshot are at the journal's end.
        let reader = try journal.reader(from: 2001)
        #expect(try reader.forEach { _, _, _, _ in } == 0)
        try journal.append(type: 7, payload: JournalFixture.payload(2001))
        #expect(try reader.next()?.sequence == 2001)
        #expect(try reader.next() == nil)
        let readersReads = io.rangesRead.dropFirst(before)
        #expect(!readersReads.isEmpty)
        #expect(!readersReads.contains { $0.upperBound > end + (1 << 20) }, "end \(end): \(Array(readersReads))")
        // Without the place, a reader reads the zeros again.
        let plain = FaultyFileIO()
        _ = try JournalReader(directory: fixture.directory, from: 2001, io: plain).forEach { _, _, _, _ in }
        #expect(plain.rangesRead.contains { $0.upperBound > 4 << 20 })
    }

    @Test func theWritersPlaceAfterRecoveryIsItsLastRecordAndItsReadersStartThere() throws {
        let fixture = try JournalFixture()
        try fixture.writeBatches(2500)
        let journal = try fixture.open()
        defer { journal.close() }
        var place = try #require(journal.lastPlace)
        #expect(place.sequence == 2500)
        place.zerosFrom = nil
        #expect(place == (try self.place(of: 2500, in: fixture.directory)))
        let reader = try journal.reader(from: 2501)
        #expect(try reader.next() == nil)
        try journal.append(type: 7, payload: JournalFixture.payload(2501))
        #expect(try reader.next()?.sequence == 2501)
        // A place is only a hint: damage after it is still found.
        let tailReader = try journal.reader(from: 2400)
        var seen: [UInt64] = []
        try tailReader.forEach { sequence, _, _, _ in seen.append(sequence) }
        #expect(seen == Array(2400...2501))
    }
}
