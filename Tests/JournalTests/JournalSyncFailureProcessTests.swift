import Foundation
import Journal
import SystemPackage
import Testing

/// fsyncgate on real processes: `strace -e inject=fdatasync:error=EIO` makes the kernel
/// report a failed sync to a real `sscard-bench` writer. A record whose append was not
/// acknowledged must never be served as committed: not to a reader while the writer is
/// failing, not to the next open in the same boot.
@Suite(.serialized) struct JournalSyncFailureProcessTests {
    /// sync-append of 5 records, each append one fdatasync: the 3rd append's sync fails
    /// (`when` is strace's syntax: "3" that call only, "3+" that one and every later one).
    func failingWriter(_ fixture: borrowing JournalFixture, when: String, delayMicroseconds: Int = 0) throws -> Process {
        let root = fixture.directory.removingLastComponent().string
        var inject = "fdatasync:error=EIO:when=\(when)"
        if delayMicroseconds > 0 { inject += ":delay_enter=\(delayMicroseconds)" }
        let bench = try ChildProcess.executable("sscard-bench").path
        return try ChildProcess.start("/usr/bin/strace", [
            "-f", "-o", "/dev/null", "-e", "trace=fdatasync", "-e", "inject=\(inject)", bench,
            "journal", "--workload", "sync-append", "--events", "5", "--payload-bytes", "40",
            "--data-dir", root, "--ack-log", root + "/ack",
        ], absolute: true)
    }

    func acknowledged(_ fixture: borrowing JournalFixture) -> [UInt64] {
        ChildProcess.acknowledged(fixture.directory.removingLastComponent().string + "/ack")
    }

    @Test func failedSyncIsVoidedSoTheNextOpenServesOnlyWhatWasAcknowledged() throws {
        let fixture = try JournalFixture()
        let writer = try failingWriter(fixture, when: "3")
        writer.waitUntilExit()
        #expect(writer.terminationStatus != 0)
        #expect(acknowledged(fixture) == [1, 2])
        #expect(try fixture.readAll().map(\.sequence) == [1, 2])
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
        let journal = try fixture.open()
        #expect(try journal.append(type: 7, payload: JournalFixture.payload(3)) == 3)
    }

    @Test func readerDuringTheFailingSyncWaitsAndNeverSeesTheRecord() throws {
        let fixture = try JournalFixture()
        let writer = try failingWriter(fixture, when: "3", delayMicroseconds: 1_500_000)
        // Record 3 is in the page cache while its sync hangs: wait until it is visible there.
        let third = JournalFixture.offset(ofRecord: 3)
        let written = try ChildProcess.waitUntil(seconds: 20) {
            guard let bytes = try? fixture.segmentBytes(), bytes.count > third + 28 else { return false }
            return bytes[(third + 24)..<(third + 26)] != [0, 0]
        }
        #expect(written)
        let served = try fixture.readAll().map(\.sequence)
        writer.waitUntilExit()
        #expect(served == [1, 2])
        #expect(acknowledged(fixture) == [1, 2])
    }

    @Test func syncThatFailsAgainWhileVoidingShutsTheJournalUntilAnOperatorRecovers() throws {
        let fixture = try JournalFixture()
        let writer = try failingWriter(fixture, when: "3+")
        writer.waitUntilExit()
        #expect(acknowledged(fixture) == [1, 2])
        let needsRecovery: (any Error) -> Bool = {
            if case JournalError.needsRecovery = $0 { return true } else { return false }
        }
        #expect(performing: { _ = try fixture.readAll() }, throws: needsRecovery)
        #expect(performing: { _ = try fixture.open() }, throws: needsRecovery)
        #expect(try Journal.voidUnacknowledged(directory: fixture.directory) != nil)
        #expect(try fixture.readAll().map(\.sequence) == [1, 2])
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
    }
}
