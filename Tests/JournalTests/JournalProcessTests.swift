import Foundation
import Synchronization
import Journal
import SystemPackage
import Testing

/// Real processes: several appending at once, and writers killed with SIGKILL mid-append.
@Suite struct JournalProcessTests {
    func benchArguments(_ fixture: borrowing JournalFixture, events: Int, ackLog: String) -> [String] {
        ["journal", "--workload", "sync-append", "--events", String(events), "--payload-bytes", "40",
         "--data-dir", fixture.directory.removingLastComponent().string, "--segment-mb", "1", "--ack-log", ackLog]
    }

    @Test func concurrentProcessesAppendEveryRecordExactlyOnce() throws {
        let fixture = try JournalFixture()
        let writers = 3
        let perWriter = 400
        let root = fixture.directory.removingLastComponent().string
        let children = try (0..<writers).map { index in
            try ChildProcess.start("sscard-bench", benchArguments(fixture, events: perWriter, ackLog: "\(root)/ack-\(index)"))
        }
        for child in children {
            child.waitUntilExit()
            #expect(child.terminationStatus == 0)
        }
        let total = UInt64(writers * perWriter)
        #expect(try fixture.readAll().map(\.sequence) == Array(1...total))
        let acknowledged = (0..<writers).map { ChildProcess.acknowledged("\(root)/ack-\($0)") }
        #expect(acknowledged.allSatisfy { $0.count == perWriter })
        let all = acknowledged.flatMap { $0 }
        #expect(Set(all).count == all.count, "a sequence number was given to two appends")
        #expect(Set(all) == Set(1...total))
        let report = JournalVerifier(directory: fixture.directory).verify()
        #expect(report.isConsistent)
        #expect(report.records == Int(total))
    }

    @Test(arguments: [50, 400, 1500])
    func writerKilledWhileAppendingLosesNothingAcknowledged(killAfter: Int) throws {
        let fixture = try JournalFixture()
        let ackLog = fixture.directory.removingLastComponent().string + "/ack"
        let child = try ChildProcess.start("sscard-bench", benchArguments(fixture, events: 1_000_000, ackLog: ackLog))
        let reached = try ChildProcess.waitUntil(seconds: 60) { ChildProcess.acknowledged(ackLog).count >= killAfter }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(reached)
        #expect(child.terminationReason == .uncaughtSignal)

        let acknowledged = ChildProcess.acknowledged(ackLog)
        let journal = try fixture.open()
        let records = try fixture.readAll()
        #expect(records.map(\.sequence) == Array(1...journal.lastSequence))
        #expect(acknowledged == Array(1...UInt64(acknowledged.count)))
        #expect(UInt64(acknowledged.count) <= journal.lastSequence, "an acknowledged record was lost")
        let next = journal.nextSequence
        #expect(try journal.append(type: 7, payload: JournalFixture.payload(next)) == next)
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
    }

    @Test func survivingWriterCarriesOnAfterAnotherIsKilled() throws {
        let fixture = try JournalFixture()
        let root = fixture.directory.removingLastComponent().string
        let victim = try ChildProcess.start("sscard-bench", benchArguments(fixture, events: 1_000_000, ackLog: "\(root)/ack-victim"))
        let survivor = try ChildProcess.start("sscard-bench", benchArguments(fixture, events: 1500, ackLog: "\(root)/ack-survivor"))
        let reached = try ChildProcess.waitUntil(seconds: 60) { ChildProcess.acknowledged("\(root)/ack-victim").count >= 300 }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        survivor.waitUntilExit()
        #expect(reached)
        #expect(survivor.terminationStatus == 0)

        let victimAcks = ChildProcess.acknowledged("\(root)/ack-victim")
        let survivorAcks = ChildProcess.acknowledged("\(root)/ack-survivor")
        #expect(survivorAcks.count == 1500)
        #expect(Set(victimAcks).isDisjoint(with: survivorAcks))
        let present = Set(try fixture.readAll().map(\.sequence))
        #expect(Set(victimAcks).isSubset(of: present))
        #expect(Set(survivorAcks).isSubset(of: present))
        #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
    }

    /// The reproduction: 200 kB records in 1 MiB segments roll every few appends,
    /// so kills land at rolls, some just after a new segment was created. Each time every
    /// reader must finish (within a deadline, never loop) and the writer must carry on.
    @Test func writerKilledAtSegmentRollsLeavesAJournalEveryReaderFinishes() throws {
        let fixture = try JournalFixture()
        let root = fixture.directory.removingLastComponent().string
        for round in 0..<12 {
            let ackLog = "\(root)/ack-\(round)"
            let child = try ChildProcess.start("sscard-bench", [
                "journal", "--workload", "sync-append", "--events", "1000000", "--payload-bytes", "200000",
                "--data-dir", root, "--segment-mb", "1", "--ack-log", ackLog])
            let target = 2 + round % 5
            let reached = try ChildProcess.waitUntil(seconds: 60) { ChildProcess.acknowledged(ackLog).count >= target }
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            #expect(reached)
            let count = try readAllWithin(seconds: 20, fixture.directory)
            let acknowledged = ChildProcess.acknowledged(ackLog)
            #expect(UInt64(count) >= acknowledged.last ?? 0, "round \(round): an acknowledged record is not served")
            #expect(JournalVerifier(directory: fixture.directory).verify().isConsistent)
        }
    }

    /// Reads the whole journal on another thread; fails instead of hanging if it loops.
    func readAllWithin(seconds: Double, _ directory: FilePath) throws -> Int {
        let result = Mutex<Result<Int, any Error>?>(nil)
        let thread = Thread {
            let outcome = Result { try JournalReader(directory: directory).forEach { _, _, _, _ in } }
            result.withLock { $0 = outcome }
        }
        thread.start()
        _ = try ChildProcess.waitUntil(seconds: seconds) { result.withLock { $0 != nil } }
        guard let outcome = result.withLock({ $0 }) else { throw ChildFailure("the reader did not finish in \(seconds) s") }
        return try outcome.get()
    }
}
