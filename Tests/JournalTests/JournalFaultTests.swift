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

    @Test func shortWriteThenNoSpaceLeavesATornTailThatReopenCuts() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        let reopened = try afterFault(io, fixture) { journal in
            io.inject(.write, .shortWrite(30))
            io.inject(.write, .fail(.noSpace))
            #expect(throws: JournalError.self) { try journal.append(type: 7, payload: JournalFixture.payload(6)) }
            expectPoisoned(journal)
        }
        #expect(reopened.lastSequence == 5)
        #expect(reopened.cuts.first?.length == 30)
        #expect(try reopened.append(type: 7, payload: JournalFixture.payload(6)) == 6)
        #expect(try fixture.readAll().last?.payload == JournalFixture.payload(6))
    }

    @Test func ioErrorOnFsyncIsReportedAndPoisons() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        let reopened = try afterFault(io, fixture) { journal in
            io.inject(.syncData, .fail(.ioError))
            #expect(throws: JournalError.io(operation: "fdatasync", path: fixture.firstSegment.string, errno: .ioError)) {
                try journal.append(type: 7, payload: JournalFixture.payload(6))
            }
            expectPoisoned(journal)
        }
        // The record reached the page cache, so it may survive; it was never acknowledged.
        #expect(reopened.lastSequence >= 5)
    }

    @Test func ioErrorOnBatchFsyncLosesNoEarlierRecord() throws {
        let io = FaultyFileIO()
        let fixture = try JournalFixture()
        _ = try afterFault(io, fixture) { journal in
            io.inject(.syncData, .fail(.ioError))
            #expect(throws: JournalError.self) {
                try journal.append((6...50).map { JournalEntry(type: 7, payload: JournalFixture.payload($0)) })
            }
            expectPoisoned(journal)
        }
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
