import Foundation
import JournalTestSupport
import Journal
import SystemPackage
import Testing

/// Disk errors injected at the file-I/O seam: each reaches the caller as a clear error,
/// the journal then refuses appends until reopened, and reopening loses nothing that
/// was acknowledged and hides nothing half-written.
@Suite struct JournalFaultTests {
    /// Writes 5 good records, runs `failing` against a journal on `io`, then checks the
    /// journal reopened on the real file system.
    func afterFault(_ io: FaultyFileIO, _ fixture: borrowing JournalFixture,
                    _ failing: (Journal) throws -> Void) throws -> Journal {
        try fixture.write(5)
        let journal = try fixture.open(io: io)
        try failing(journal)
        #expect(io.firedCount > 0)
        journal.close()
        let reopened = try fixture.open()
        let records = try fixture.readAll()
        #expect(records.prefix(5).map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
        return reopened
    }

    func expectPoisoned(_ journal: Journal) {
        #expect {
            try journal.append(type: 7, payload: [1])
        } throws: { error in
            if case JournalError.poisoned = error { return true }
            return false
        }
    }

    @Test func noSpaceDuringWriteIsReportedAndPoisons() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        let reopened = try afterFault(io, fixture) { journal in
            io.inject(.write, .fail(.noSpace))
            #expect(throws: JournalError.io(operation: "write", path: fixture.firstSegment.string, errno: .noSpace)) {
                try journal.append(type: 7, payload: JournalFixture.payload(6))
            }
            expectPoisoned(journal)
        }
        #expect(reopened.lastSequence == 5)
        #expect(try reopened.append(type: 7, payload: JournalFixture.payload(6)) == 6)
    }

    @Test func shortWriteThenNoSpaceIsVoidedBeforeAnyoneReadsIt() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        let reopened = try afterFault(io, fixture) { journal in
            io.inject(.write, .shortWrite(30))
            io.inject(.write, .fail(.noSpace))
            #expect(throws: JournalError.self) { try journal.append(type: 7, payload: JournalFixture.payload(6)) }
            expectPoisoned(journal)
        }
        // The writer zeroed its 30 bytes itself, so there is nothing left to cut.
        #expect(reopened.lastSequence == 5)
        #expect(reopened.cuts.isEmpty)
        let start = JournalFixture.offset(ofRecord: 6)
        #expect(try fixture.segmentBytes()[start..<(start + JournalFixture.frameSize)].allSatisfy { $0 == 0 })
        #expect(try reopened.append(type: 7, payload: JournalFixture.payload(6)) == 6)
        #expect(try fixture.readAll().last?.payload == JournalFixture.payload(6))
    }

    /// fsyncgate: the page cache holds the record, the disk may not. It was refused, so
    /// no reader, and no later open in this boot, may serve it.
    @Test func failedFdatasyncVoidsTheRecordForEveryReader() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        var servedBeforeReopen = -1
        let reopened = try afterFault(io, fixture) { journal in
            io.inject(.syncData, .fail(.ioError))
            #expect(throws: JournalError.io(operation: "fdatasync", path: fixture.firstSegment.string, errno: .ioError)) {
                try journal.append(type: 7, payload: JournalFixture.payload(6))
            }
            servedBeforeReopen = (try? fixture.readAll().count) ?? -1
            expectPoisoned(journal)
        }
        #expect(servedBeforeReopen == 5)
        #expect(reopened.lastSequence == 5)
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.appending(RecoveryMarker.fileName).string))
    }

    /// When even the zeros cannot be synced, the journal stays shut for everyone until an
    /// operator runs the recovery, which voids the records and lets it open again.
    @Test func failedVoidLeavesAMarkerThatRefusesEveryOpenUntilRecovered() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        try fixture.write(5)
        let journal = try fixture.open(io: io)
        io.inject(.syncData, .fail(.ioError), times: 2)
        #expect(throws: JournalError.self) { try journal.append(type: 7, payload: JournalFixture.payload(6)) }
        journal.close()
        let refusal: (any Error) -> Bool = { if case JournalError.needsRecovery = $0 { return true } else { return false } }
        #expect(performing: { _ = try fixture.open() }, throws: refusal)
        #expect(performing: { _ = try fixture.readAll() }, throws: refusal)
        #expect(!JournalVerifier(directory: fixture.directory).verify().isConsistent)

        let marker = try Journal.voidUnacknowledged(directory: fixture.directory)
        #expect(marker?.ranges.first?.from == Int64(JournalFixture.offset(ofRecord: 6)))
        #expect(try fixture.readAll().count == 5)
        #expect(try fixture.open().lastSequence == 5)
        #expect(try Journal.voidUnacknowledged(directory: fixture.directory) == nil)
    }

    @Test func ioErrorOnBatchFsyncLosesNoEarlierRecordAndServesNoneOfTheBatch() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        let reopened = try afterFault(io, fixture) { journal in
            io.inject(.syncData, .fail(.ioError), after: 1)
            // 64 KiB segments: the batch rolls once (one good sync), then its last sync fails.
            #expect(throws: JournalError.self) {
                try journal.append((6...1500).map { JournalEntry(type: 7, payload: JournalFixture.payload($0)) })
            }
            expectPoisoned(journal)
        }
        // The first segment was synced before the roll, so its records stand; the rest are void.
        let records = try fixture.readAll()
        #expect(records.map(\.sequence) == Array(1...reopened.lastSequence))
        #expect(reopened.lastSequence < 1500)
        let next = reopened.nextSequence
        #expect(try reopened.append(type: 7, payload: JournalFixture.payload(next)) == next)
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
    }

    @Test func interruptedWritesAreRetried() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        try fixture.write(5)
        let journal = try fixture.open(io: io)
        io.inject(.write, .fail(.interrupted), times: 3)
        io.inject(.syncData, .fail(.interrupted))
        #expect(try journal.append(type: 7, payload: JournalFixture.payload(6)) == 6)
        #expect(io.firedCount == 4)
        #expect(try fixture.readAll().count == 6)
    }

    @Test func shortWritesAreCompleted() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        let journal = try fixture.open(io: io)
        io.inject(.write, .shortWrite(7), times: 1000)
        let range = try journal.append((1...20).map { JournalEntry(type: 7, payload: JournalFixture.payload($0)) })
        #expect(range == 1...20)
        #expect(try fixture.readAll().map(\.payload) == (1...20).map(JournalFixture.payload))
    }

    @Test func noSpaceWhenCreatingASegmentLeavesNoHalfSegment() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        let reopened = try afterFault(io, fixture) { journal in
            io.inject(.allocate, .fail(.noSpace))
            // 64 KiB segments: this batch needs a second one.
            #expect(throws: JournalError.self) {
                try journal.append((6...1500).map { JournalEntry(type: 7, payload: JournalFixture.payload($0)) })
            }
            expectPoisoned(journal)
        }
        #expect(try !fixture.files().contains { $0.hasSuffix(".tmp") })
        let next = reopened.nextSequence
        #expect(try reopened.append(type: 7, payload: JournalFixture.payload(next)) == next)
    }

    @Test func readErrorDuringCatchUpIsReportedNotHidden() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        try fixture.write(5)
        let journal = try fixture.open(io: io)
        io.inject(.read, .fail(.ioError))
        #expect(throws: JournalError.self) { try journal.append(type: 7, payload: [1]) }
        expectPoisoned(journal)
        #expect(try fixture.open().lastSequence == 5)
    }
}
